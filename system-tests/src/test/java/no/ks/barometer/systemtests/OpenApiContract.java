package no.ks.barometer.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks a handler's reply against what openapi.yaml documents for its route and status. */
final class OpenApiContract {

    private static final ObjectMapper JSON = new ObjectMapper();
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
        assertConforms(route, reply.status(), reply.headers(), reply.raw());
    }

    /**
     * @param headers the reply's headers, names in any case
     * @param body    the reply's body as text (decoded when it was base64), null when it has none
     */
    void assertConforms(String route, int status, Map<String, String> headers, String body) {
        String[] parts = route.split(" ", 2);
        String operation = "/paths/" + escape(parts[1]) + "/" + parts[0].toLowerCase(Locale.ROOT);
        assertTrue(!openApi.at(operation).isMissingNode(), "undocumented route " + route);
        String pointer = operation + "/responses/" + status;
        JsonNode response = openApi.at(pointer);
        assertTrue(!response.isMissingNode(), route + " does not document status " + status);
        if (response.has("$ref")) {
            pointer = response.get("$ref").textValue().substring(1);
            response = openApi.at(pointer);
        }
        assertRequiredHeaders(route, status, headers, pointer, response);
        if (!response.has("content")) {
            assertTrue(body == null || body.isEmpty(), route + " " + status + " has no body, not " + body);
            return;
        }
        String sent = header(headers, "Content-Type");
        assertNotNull(sent, route + " " + status + " has a body without Content-Type");
        String mediaType = documentedMediaType(response, sent);
        assertNotNull(mediaType, route + " " + status + " does not document " + sent);
        String schemaPointer = pointer + "/content/" + escape(mediaType) + "/schema";
        JsonSchema schema = schemas.getSchema(SchemaLocation.of(DOCUMENT + "#" + schemaPointer));
        Set<ValidationMessage> errors = schema.validate(parsed(mediaType, body));
        assertTrue(errors.isEmpty(), route + " " + status + ": " + errors + "\n" + body);
    }

    /**
     * The response's documented media type that is the one sent. Type, subtype, parameter names and the charset are
     * compared without regard to case, as HTTP compares them (the container writes {@code charset=UTF-8} for the
     * {@code charset=utf-8} a resource sets), and spaces around {@code ;} do not count.
     */
    private static String documentedMediaType(JsonNode response, String sent) {
        String wanted = normalized(sent);
        for (String documented : (Iterable<String>) () -> response.path("content").fieldNames()) {
            if (normalized(documented).equals(wanted)) {
                return documented;
            }
        }
        return null;
    }

    private static String normalized(String mediaType) {
        return Arrays.stream(mediaType.split(";")).map(String::trim).map(part -> part.toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(";"));
    }

    /** A JSON body as its tree; any other (CSV, JSON Lines, Markdown) as one string, which its schema describes. */
    private static JsonNode parsed(String mediaType, String body) {
        String type = mediaType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!type.equals("application/json") && !type.endsWith("+json")) {
            return TextNode.valueOf(body);
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("A " + mediaType + " body that is not JSON: " + body, e);
        }
    }

    private static String header(Map<String, String> headers, String name) {
        return headers == null ? null : headers.entrySet().stream()
                .filter(sent -> sent.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    /** Every header the response documents as required is sent, with a value its schema allows. */
    private void assertRequiredHeaders(String route, int status, Map<String, String> headers, String pointer,
                                       JsonNode response) {
        response.path("headers").properties().forEach(header -> {
            if (!header.getValue().path("required").asBoolean()) {
                return;
            }
            String value = header(headers, header.getKey());
            assertNotNull(value, route + " " + status + " lacks the header " + header.getKey());
            JsonSchema schema = schemas.getSchema(SchemaLocation.of(
                    DOCUMENT + "#" + pointer + "/headers/" + escape(header.getKey()) + "/schema"));
            Set<ValidationMessage> errors = schema.validate(TextNode.valueOf(value));
            assertTrue(errors.isEmpty(), route + " " + status + " " + header.getKey() + ": " + errors);
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
