package no.ks.barometer.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import no.ks.barometer.systemtests.RespondentClient.Reply;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks a handler's reply against what openapi.yaml documents for its route and status. */
final class OpenApiContract {

    private static final String BASE = "https://barometer.example/";
    private static final String DOCUMENT = BASE + "openapi.yaml";
    private static final String QUESTIONNAIRE_SCHEMA = "shared/core/src/main/resources/questionnaires/questionnaire.schema.json";
    private static final String SNAPSHOT_SCHEMA = "shared/core/src/main/resources/snapshot/snapshot.schema.json";

    private final JsonNode openApi;
    private final JsonSchemaFactory schemas;

    OpenApiContract() {
        Path root = Repository.root();
        try {
            String document = Files.readString(root.resolve("openapi.yaml"), StandardCharsets.UTF_8);
            String questionnaire = Files.readString(root.resolve(QUESTIONNAIRE_SCHEMA), StandardCharsets.UTF_8);
            String snapshot = Files.readString(root.resolve(SNAPSHOT_SCHEMA), StandardCharsets.UTF_8);
            openApi = new YAMLMapper().readTree(document);
            schemas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder
                    .schemaLoaders(loaders -> loaders.schemas(Map.of(
                            DOCUMENT, document,
                            BASE + QUESTIONNAIRE_SCHEMA, questionnaire,
                            BASE + SNAPSHOT_SCHEMA, snapshot))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param route as in template.yaml, e.g. {@code PUT /v1/response/pages/{pageId}} */
    void assertConforms(String route, Reply reply) {
        String[] parts = route.split(" ", 2);
        String operation = "/paths/" + escape(parts[1]) + "/" + parts[0].toLowerCase(Locale.ROOT);
        assertTrue(!openApi.at(operation).isMissingNode(), "undocumented route " + route);
        String pointer = operation + "/responses/" + reply.status();
        JsonNode response = openApi.at(pointer);
        assertTrue(!response.isMissingNode(), route + " does not document status " + reply.status());
        if (response.has("$ref")) {
            pointer = response.get("$ref").textValue().substring(1);
            response = openApi.at(pointer);
        }
        assertRequiredHeaders(route, reply, pointer, response);
        if (!response.has("content")) {
            assertEquals(null, reply.raw(), route + " " + reply.status() + " has no body");
            return;
        }
        String mediaType = reply.headers().get("Content-Type");
        assertNotNull(mediaType, route + " " + reply.status() + " has a body without Content-Type");
        String schemaPointer = pointer + "/content/" + escape(mediaType) + "/schema";
        assertTrue(!openApi.at(schemaPointer).isMissingNode(),
                route + " " + reply.status() + " does not document " + mediaType);
        JsonSchema schema = schemas.getSchema(SchemaLocation.of(DOCUMENT + "#" + schemaPointer));
        Set<ValidationMessage> errors = schema.validate(reply.body());
        assertTrue(errors.isEmpty(), route + " " + reply.status() + ": " + errors + "\n" + reply.raw());
    }

    /** Every header the response documents as required is sent, with a value its schema allows. */
    private void assertRequiredHeaders(String route, Reply reply, String pointer, JsonNode response) {
        response.path("headers").properties().forEach(header -> {
            if (!header.getValue().path("required").asBoolean()) {
                return;
            }
            String value = reply.headers().entrySet().stream()
                    .filter(sent -> sent.getKey().equalsIgnoreCase(header.getKey()))
                    .map(Map.Entry::getValue)
                    .findFirst().orElse(null);
            assertNotNull(value, route + " " + reply.status() + " lacks the header " + header.getKey());
            JsonSchema schema = schemas.getSchema(SchemaLocation.of(
                    DOCUMENT + "#" + pointer + "/headers/" + escape(header.getKey()) + "/schema"));
            Set<ValidationMessage> errors = schema.validate(TextNode.valueOf(value));
            assertTrue(errors.isEmpty(), route + " " + reply.status() + " " + header.getKey() + ": " + errors);
        });
    }

    /** Every example in the document that its own schema refuses, with where it is and why. */
    List<String> invalidExamples() {
        List<String> invalid = new ArrayList<>();
        openApi.get("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            String operation = "/paths/" + escape(path.getKey()) + "/" + method.getKey();
            JsonNode requestBody = method.getValue().path("requestBody");
            if (!requestBody.isMissingNode()) {
                checkExamples(operation + "/requestBody", invalid);
            }
            method.getValue().path("responses").properties().forEach(response -> {
                String pointer = operation + "/responses/" + response.getKey();
                JsonNode ref = response.getValue().get("$ref");
                checkExamples(ref == null ? pointer : ref.textValue().substring(1), invalid);
            });
        }));
        return invalid;
    }

    private void checkExamples(String pointer, List<String> invalid) {
        openApi.at(pointer).path("content").properties().forEach(media -> {
            String mediaPointer = pointer + "/content/" + escape(media.getKey());
            JsonSchema schema = schemas.getSchema(SchemaLocation.of(DOCUMENT + "#" + mediaPointer + "/schema"));
            List<JsonNode> examples = new ArrayList<>();
            if (media.getValue().has("example")) {
                examples.add(media.getValue().get("example"));
            }
            media.getValue().path("examples").forEach(example -> examples.add(example.get("value")));
            if (examples.isEmpty()) {
                invalid.add(mediaPointer + ": no example");
            }
            for (JsonNode example : examples) {
                Set<ValidationMessage> errors = schema.validate(example);
                if (!errors.isEmpty()) {
                    invalid.add(mediaPointer + ": " + errors);
                }
            }
        });
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
