package no.ks.barometer.aggregation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SnapshotJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Instant T1 = Instant.parse("2024-09-02T09:15:22.120Z");

    private static JsonNode schemaDocument() throws IOException {
        try (InputStream in = SnapshotJsonTest.class.getResourceAsStream("/snapshot/snapshot.schema.json")) {
            return JSON.readTree(in);
        }
    }

    @Test
    void theSchemaIsAValidDraft202012Schema() throws IOException {
        JsonSchema meta = FACTORY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        assertEquals(Set.of(), meta.validate(schemaDocument()));
    }

    @Test
    void writtenSnapshotsValidateWithPublishedCarriedAndSuppressedFigures() throws IOException {
        JsonSchema schema = FACTORY.getSchema(schemaDocument());
        DisclosureControl control = new DisclosureControl(2);
        Publication first = control.publish(HandSet.counts(), PublicationState.none(), "s1", T1);
        assertEquals(Set.of(), schema.validate(SnapshotJson.write(first.snapshot())));

        Aggregator more = new Aggregator(HandSet.LAYOUT);
        HandSet.responses().forEach(more::accept);
        more.accept(HandSet.completed(HandSet.kommune("4603", "46", 3000), "Q0", HandSet.one(1), "QA",
                HandSet.one(2)));
        Snapshot second = control.publish(more.counts(), first.state(), "s2", T1.plusSeconds(3600)).snapshot();
        Set<Disclosure> seen = EnumSet.noneOf(Disclosure.class);
        second.tables().forEach(t -> t.segments().forEach(s -> seen.add(s.disclosure())));
        assertEquals(Set.of(Disclosure.values()), seen);
        JsonNode json = SnapshotJson.write(second);
        assertEquals(Set.of(), schema.validate(json));
        assertEquals(1, json.get("formatVersion").asInt());
        assertEquals("2024-09-02T10:15:22.120Z", json.get("computedAt").asText());
    }

    @Test
    void thePublicationStateReadsBackAsWritten() throws IOException {
        PublicationState state = new DisclosureControl(2)
                .publish(HandSet.counts(), PublicationState.none(), "s1", T1).state();
        JsonNode written = JSON.readTree(SnapshotJson.write(state).toString());
        assertEquals(state, SnapshotJson.readState(written));
    }
}
