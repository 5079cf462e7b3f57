package no.ks.barometer.aggregation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import no.ks.barometer.questionnaire.OrgType;

/**
 * The JSON form of a snapshot (schema: {@code snapshot/snapshot.schema.json}) and of the publication state kept
 * beside it. Instants are UTC with three fraction digits, as everywhere in the table.
 */
public final class SnapshotJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private SnapshotJson() {
    }

    public static ObjectNode write(Snapshot snapshot) {
        ObjectNode node = NODES.objectNode();
        node.put("formatVersion", snapshot.formatVersion());
        node.put("snapshotId", snapshot.snapshotId());
        node.put("computedAt", instant(snapshot.computedAt()));
        ObjectNode questionnaire = node.putObject("questionnaire");
        questionnaire.put("id", snapshot.questionnaireId());
        questionnaire.put("version", snapshot.questionnaireVersion());
        node.put("completed", snapshot.completed());
        node.put("k", snapshot.k());
        ArrayNode segments = node.putArray("segments");
        for (SegmentInfo segment : snapshot.segments()) {
            segments.addObject().put("code", segment.code()).put("label", segment.label())
                    .put("invited", segment.invited());
        }
        ArrayNode rates = node.putArray("responseRates");
        for (ResponseRate rate : snapshot.responseRates()) {
            rates.addObject().put("segment", rate.segment()).put("invited", rate.invited())
                    .put("completed", rate.completed()).put("rate", rate.rate());
        }
        ArrayNode tables = node.putArray("tables");
        for (Table table : snapshot.tables()) {
            tables.add(table(table));
        }
        ArrayNode withheld = node.putArray("withheld");
        for (Withheld entry : snapshot.withheld()) {
            withheld.addObject().put("table", entry.table()).put("segment", entry.segment())
                    .put("disclosure", entry.disclosure().code()).put("reason", entry.reason().code())
                    .put("description", entry.reason().description());
        }
        return node;
    }

    private static ObjectNode table(Table table) {
        ObjectNode node = NODES.objectNode();
        node.put("key", table.key());
        node.put("question", table.question());
        node.put("row", table.row());
        node.put("text", table.text());
        node.put("perChoice", table.perChoice());
        ArrayNode categories = node.putArray("categories");
        for (Category category : table.categories()) {
            ObjectNode entry = categories.addObject().put("code", category.code()).put("text", category.text())
                    .put("dontKnow", category.dontKnow());
            ArrayNode types = entry.putArray("orgTypes");
            category.orgTypes().forEach(type -> types.add(type.code()));
        }
        ArrayNode segments = node.putArray("segments");
        for (SegmentFigures figures : table.segments()) {
            ObjectNode entry = segments.addObject();
            entry.put("segment", figures.segment());
            entry.put("disclosure", figures.disclosure().code());
            entry.put("reason", figures.reason() == null ? null : figures.reason().code());
            if (figures.fromSnapshot() == null) {
                entry.putNull("from");
            } else {
                entry.putObject("from").put("snapshotId", figures.fromSnapshot())
                        .put("computedAt", instant(figures.fromComputedAt()));
            }
            entry.put("base", figures.base());
            ArrayNode values = entry.putArray("figures");
            for (Figure figure : figures.figures()) {
                values.addObject().put("category", figure.category()).put("count", figure.count())
                        .put("share", figure.share());
            }
        }
        return node;
    }

    public static ObjectNode write(PublicationState state) {
        ObjectNode node = NODES.objectNode();
        node.put("formatVersion", Snapshot.FORMAT_VERSION);
        ArrayNode figures = node.putArray("figures");
        for (PublishedFigures published : state.figures()) {
            ObjectNode entry = figures.addObject();
            entry.put("table", published.table());
            entry.put("segment", published.segment());
            entry.put("snapshotId", published.snapshotId());
            entry.put("computedAt", instant(published.computedAt()));
            ObjectNode bases = entry.putObject("bases");
            bases.put(OrgType.KOMMUNE.code(), published.kommuneBase());
            bases.put(OrgType.FYLKESKOMMUNE.code(), published.fylkeskommuneBase());
            entry.put("base", published.base());
            ArrayNode counts = entry.putArray("counts");
            published.counts().forEach(counts::add);
        }
        return node;
    }

    /** Reads a state written by {@link #write(PublicationState)}; anything else is refused. */
    public static PublicationState readState(JsonNode node) {
        if (node == null || node.path("formatVersion").asInt() != Snapshot.FORMAT_VERSION
                || !node.path("figures").isArray()) {
            throw new IllegalArgumentException("Not a publication state of format " + Snapshot.FORMAT_VERSION);
        }
        List<PublishedFigures> figures = new ArrayList<>();
        for (JsonNode entry : node.get("figures")) {
            List<Long> counts = new ArrayList<>();
            for (JsonNode count : required(entry, "counts")) {
                counts.add(count.longValue());
            }
            JsonNode bases = required(entry, "bases");
            figures.add(new PublishedFigures(required(entry, "table").textValue(),
                    required(entry, "segment").textValue(), required(entry, "snapshotId").textValue(),
                    Instant.parse(required(entry, "computedAt").textValue()),
                    required(bases, OrgType.KOMMUNE.code()).longValue(),
                    required(bases, OrgType.FYLKESKOMMUNE.code()).longValue(),
                    required(entry, "base").longValue(), counts));
        }
        return new PublicationState(figures);
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("Publication state entry without " + field);
        }
        return value;
    }

    private static String instant(Instant instant) {
        return INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }
}
