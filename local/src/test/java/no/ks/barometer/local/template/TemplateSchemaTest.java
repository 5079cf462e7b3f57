package no.ks.barometer.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Set;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** template.yaml is a template SAM accepts, checked against SAM's own JSON schema. */
class TemplateSchemaTest {

    /** The schema is large (750 KB); parse it once for the class. */
    private static final JsonSchema SAM_SCHEMA = loadSchema();

    private static JsonSchema loadSchema() {
        try (InputStream in = Files.newInputStream(Project.ROOT.resolve("schemas/sam.schema.json"))) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<ValidationMessage> validate(JsonNode template) {
        return SAM_SCHEMA.validate(template);
    }

    private static JsonNode brokenTemplate(Consumer<ObjectNode> breakIt) {
        JsonNode template = SamTemplate.readTree(Project.TEMPLATE_FILE);
        breakIt.accept((ObjectNode) template);
        return template;
    }

    private static ObjectNode functionProperties(ObjectNode template, String logicalId) {
        return (ObjectNode) template.path("Resources").path(logicalId).path("Properties");
    }

    @Test
    void templateConformsToTheSamSchema() {
        assertEquals(Set.of(), validate(SamTemplate.readTree(Project.TEMPLATE_FILE)));
    }

    @Test
    void functionWithAnUnknownPropertyIsRejected() {
        JsonNode broken = brokenTemplate(t -> functionProperties(t, "SubmitFunction").put("Handlr", "x::y"));
        assertFalse(validate(broken).isEmpty());
    }

    @Test
    void codeUriThatIsAListIsRejected() {
        JsonNode broken = brokenTemplate(t -> functionProperties(t, "QuestionnaireFunction")
                .putArray("CodeUri").add("functions/questionnaire/target/function.jar"));
        assertFalse(validate(broken).isEmpty());
    }

    @Test
    void httpApiEventWithAMisspeltPropertyIsRejected() {
        JsonNode broken = brokenTemplate(t -> ((ObjectNode) functionProperties(t, "SavePageFunction")
                .path("Events").path("SavePage").path("Properties")).put("Methd", "PUT"));
        assertFalse(validate(broken).isEmpty());
    }
}
