package no.ks.barometer.functions.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.ks.barometer.keys.LinkKeys;
import no.ks.barometer.response.ResponseStatus;
import no.ks.barometer.testing.DynamoDbLocal;
import no.ks.barometer.testing.MutableClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The snapshot routes through the real container handler: compute, read with entity tags, list, publish. */
@ExtendWith(DynamoDbLocal.class)
class AdminSnapshotsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static AdminSeed seed;
    private static AdminSeed unpublishable;
    private static MutableClock clock;
    private static Path published;

    @BeforeAll
    static void setUp(DynamoDbLocal.LocalTable table) throws IOException {
        clock = new MutableClock(Instant.parse("2026-09-02T08:00:00Z"));
        published = Files.createTempDirectory("published-");
        seed = new AdminSeed(table, new Container(new AdminApiHandler(table.client(), table.tableName(), clock,
                Map.of("RESULTS_DIR", published.toString(), LinkKeys.FILE_VARIABLE,
                        Files.createTempDirectory("keys-").resolve("link-key").toString()))), clock);
        unpublishable = new AdminSeed(table, new Container(new AdminApiHandler(table.client(), table.tableName(),
                clock)), clock);
    }

    @Test
    void theLatestIsTheNewestComputedAndAnEntityTagThatStillHoldsGets304() throws IOException {
        String survey = "snap-latest";
        seed.prepare("progress", survey, "");
        seed.send("latest-snapshot-none", survey, "", 404);
        JsonNode first = seed.send("recompute-snapshot", survey, "", 201).json();
        clock.advance(Duration.ofMinutes(15));

        Container.Reply latest = get(survey, "latest", null);
        assertEquals(200, latest.status());
        assertEquals(first.path("etag").asText(), latest.header("ETag"));
        JsonNode body = latest.json();
        assertEquals(1, body.path("formatVersion").asInt());
        assertEquals(first.path("snapshotId").asText(), body.path("snapshotId").asText());
        assertEquals(304, get(survey, "latest", latest.header("ETag")).status());
        assertEquals(304, get(survey, first.path("snapshotId").asText(), "W/" + latest.header("ETag")).status());

        seed.respond(survey, "31", ResponseStatus.COMPLETED, "{\"Q0\": {\"choice\": 1}}");
        JsonNode second = seed.send("recompute-snapshot", survey, "", 201).json();
        assertNotEquals(first.path("snapshotId"), second.path("snapshotId"));
        Container.Reply changed = get(survey, "latest", latest.header("ETag"));
        assertEquals(200, changed.status());
        assertEquals(second.path("snapshotId").asText(), changed.json().path("snapshotId").asText());
        assertEquals(200, get(survey, first.path("snapshotId").asText(), null).status());
    }

    @Test
    void theListShowsWhichIsLatestAndWhichIsPublishedAndPublishingWritesTheStaticJsonAndIsAudited() throws IOException {
        String survey = "snap-publish";
        seed.prepare("progress", survey, "");
        JsonNode first = seed.send("recompute-snapshot", survey, "", 201).json();
        clock.advance(Duration.ofMinutes(15));
        JsonNode second = seed.send("recompute-snapshot", survey, "", 201).json();
        String firstId = first.path("snapshotId").asText();
        clock.advance(Duration.ofMinutes(1));

        JsonNode publication = seed.container().send(AdminSeed.event("publish-snapshot")
                .replace("{{survey}}", survey).replace("{{snapshot}}", firstId)).json();

        assertEquals("/results/data/" + survey + "/latest.json", publication.path("latestPath").asText());
        byte[] stored = get(survey, firstId, null).body().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertArrayEquals(stored, Files.readAllBytes(published.resolve("results/data/" + survey + "/latest.json")));
        assertArrayEquals(stored, Files.readAllBytes(published.resolve("results/data/" + survey + "/" + firstId
                + ".json")));
        JsonNode listed = seed.send("list-snapshots", survey, "", 200).json().path("snapshots");
        assertEquals(List.of(second.path("snapshotId").asText(), firstId), StreamSupport.stream(listed.spliterator(),
                false).map(s -> s.path("snapshotId").asText()).toList());
        assertTrue(listed.get(0).path("latest").asBoolean());
        assertFalse(listed.get(0).path("published").asBoolean());
        assertFalse(listed.get(1).path("latest").asBoolean());
        assertTrue(listed.get(1).path("published").asBoolean());
        assertEquals(List.of("SNAPSHOT_PUBLISHED", "SNAPSHOT_COMPUTED", "SNAPSHOT_COMPUTED"),
                snapshotActions(seed, survey));
    }

    /** The audit trail's snapshot entries, newest first. */
    private static List<String> snapshotActions(AdminSeed admin, String survey) throws IOException {
        JsonNode entries = admin.send("audit", survey, "", 200).json().path("entries");
        return StreamSupport.stream(entries.spliterator(), false).map(e -> e.path("action").asText())
                .filter(action -> action.startsWith("SNAPSHOT_")).toList();
    }

    @Test
    void publishingWhereNoPlaceIsSetUpIsRefusedAndRecordsNothing() throws IOException {
        String survey = "snap-nowhere";
        unpublishable.prepare("progress", survey, "");
        String id = unpublishable.send("recompute-snapshot", survey, "", 201).json().path("snapshotId").asText();

        Container.Reply refused = unpublishable.container().send(AdminSeed.event("publish-snapshot")
                .replace("{{survey}}", survey).replace("{{snapshot}}", id));

        assertEquals(503, refused.status());
        assertEquals("urn:barometer:problem:service-unavailable", refused.json().path("type").asText());
        assertFalse(unpublishable.send("list-snapshots", survey, "", 200).json()
                .at("/snapshots/0/published").asBoolean());
        assertEquals(List.of("SNAPSHOT_COMPUTED"), snapshotActions(unpublishable, survey));
    }

    @Test
    void aSnapshotNeverShowsOpenText() throws IOException {
        String survey = "snap-text";
        seed.prepare("progress", survey, "");
        String id = seed.send("recompute-snapshot", survey, "", 201).json().path("snapshotId").asText();

        String body = get(survey, id, null).body();

        assertFalse(body.contains("Bedre tjenester i Østfold"), body);
        assertFalse(body.contains("=1+1"), body);
        assertNull(JSON.readTree(body).get("answers"));
    }

    private static Container.Reply get(String survey, String snapshot, String ifNoneMatch) throws IOException {
        String event = AdminSeed.event(ifNoneMatch == null ? "snapshot" : "snapshot-not-modified")
                .replace("{{survey}}", survey).replace("{{snapshot}}", snapshot);
        if (snapshot.equals("latest")) {
            event = event.replace("GET /v1/admin/surveys/{surveyId}/snapshots/{snapshotId}",
                            "GET /v1/admin/surveys/{surveyId}/snapshots/latest");
        }
        return seed.container().send(event.replace("{{etag}}", ifNoneMatch == null ? ""
                : ifNoneMatch.replace("\"", "\\\"")));
    }
}
