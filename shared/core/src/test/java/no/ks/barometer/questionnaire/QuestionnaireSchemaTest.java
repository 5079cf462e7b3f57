package no.ks.barometer.questionnaire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class QuestionnaireSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private static JsonNode schemaDocument;
    private static JsonSchema schema;
    private static JsonNode definition;

    @BeforeAll
    static void load() throws IOException {
        schemaDocument = read("/questionnaires/questionnaire.schema.json");
        schema = FACTORY.getSchema(schemaDocument);
        definition = read("/questionnaires/innovasjonsbarometer-2024/v1.json");
    }

    @Test
    void schemaIsAValidDraft202012Schema() {
        JsonSchema metaSchema = FACTORY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        assertEquals(Set.of(), metaSchema.validate(schemaDocument));
    }

    @Test
    void innovationBarometerDefinitionConformsToTheSchema() {
        assertEquals(Set.of(), schema.validate(definition));
    }

    @Test
    void everyConditionFormNestsInsideTheOthers() {
        assertEquals(Set.of(), schema.validate(broken(copy -> question(copy, "q3").set("visibleWhen", parse("""
                {"all": [{"orgType": "kommune"},
                         {"not": {"any": [{"question": "Q2", "anyOf": [2, 3]}, {"orgType": "fylkeskommune"}]}}]}
                """)))));
    }

    @Test
    void unknownTopLevelFieldIsRejected() {
        assertRejected(copy -> ((ObjectNode) copy).put("author", "KS"));
    }

    @Test
    void unknownOptionFieldIsRejected() {
        assertRejected(copy -> ((ObjectNode) question(copy, "q4").get("options").get(0)).put("hidden", true));
    }

    @Test
    void versionGivenAsTextIsRejected() {
        assertRejected(copy -> ((ObjectNode) copy).put("version", "1"));
    }

    @Test
    void optionCodeGivenAsTextIsRejected() {
        assertRejected(copy -> ((ObjectNode) question(copy, "q2").get("options").get(0)).put("code", "1"));
    }

    @Test
    void unknownQuestionTypeIsRejected() {
        assertRejected(copy -> question(copy, "q2").put("type", "dropdown"));
    }

    @Test
    void conditionWithTwoFormsIsRejected() {
        assertRejected(copy -> question(copy, "q3").set("visibleWhen",
                parse("{\"question\": \"Q2\", \"anyOf\": [1], \"orgType\": \"kommune\"}")));
    }

    @Test
    void conditionWithUnknownFormIsRejected() {
        assertRejected(copy -> question(copy, "q3").set("visibleWhen",
                parse("{\"question\": \"Q2\", \"equals\": 1}")));
    }

    @Test
    void brokenConditionDeepInsideCombinatorsIsRejected() {
        assertRejected(copy -> question(copy, "q3").set("visibleWhen",
                parse("{\"all\": [{\"not\": {\"orgType\": \"bydel\"}}]}")));
    }

    @Test
    void gridWithoutColumnsIsRejected() {
        assertRejected(copy -> question(copy, "q12").remove("columns"));
    }

    @Test
    void maxChoicesOnSingleChoiceQuestionIsRejected() {
        assertRejected(copy -> question(copy, "q2").put("maxChoices", 2));
    }

    @Test
    void unknownSurveyEndingIsRejected() {
        assertRejected(copy -> ((ObjectNode) question(copy, "q0").get("options").get(1)).put("endsSurvey", "ABORTED"));
    }

    private static void assertRejected(Consumer<JsonNode> breakage) {
        Set<ValidationMessage> errors = schema.validate(broken(breakage));
        assertFalse(errors.isEmpty(), "the broken copy is rejected");
    }

    private static JsonNode broken(Consumer<JsonNode> breakage) {
        JsonNode copy = definition.deepCopy();
        breakage.accept(copy);
        return copy;
    }

    private static ObjectNode question(JsonNode root, String pageId) {
        for (JsonNode page : root.get("pages")) {
            if (page.get("id").asText().equals(pageId)) {
                return (ObjectNode) page.get("questions").get(0);
            }
        }
        throw new IllegalArgumentException("no page " + pageId);
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = QuestionnaireSchemaTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing resource " + resource);
            }
            return JSON.readTree(in);
        }
    }
}
