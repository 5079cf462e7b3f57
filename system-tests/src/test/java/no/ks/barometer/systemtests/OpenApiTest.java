package no.ks.barometer.systemtests;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import no.ks.barometer.http.ProblemType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** template.yaml, openapi.yaml and the handler classes describe the same routes. */
class OpenApiTest {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static JsonNode template;
    private static JsonNode openApi;

    /** A route as template.yaml declares it. */
    private record Function(String name, String route, String handlerClass, String codeUri) {
    }

    @BeforeAll
    static void read() throws IOException {
        template = YAML.readTree(Repository.root().resolve("template.yaml").toFile());
        openApi = YAML.readTree(Repository.root().resolve("openapi.yaml").toFile());
    }

    @Test
    void openApiDocumentsExactlyTheRoutesOfTheTemplate() {
        assertEquals(templateFunctions().keySet(), openApiOperations().keySet());
        assertTrue(openApi.get("openapi").textValue().startsWith("3.1"));
    }

    @Test
    void everyOperationNamesTheFunctionThatServesItsRoute() {
        Map<String, Function> functions = templateFunctions();
        openApiOperations().forEach((route, operation) -> {
            String function = operation.path("x-barometer-function").asText();
            assertEquals(function, functions.get(route).name(), route);
        });
    }

    @Test
    void everyHandlerClassExistsInItsModuleAndServesItsRoute() throws Exception {
        for (Function function : templateFunctions().values()) {
            Class<?> handler = Class.forName(function.handlerClass());
            assertTrue(Modifier.isPublic(handler.getConstructor().getModifiers()), "public no-argument constructor");
            if (RequestStreamHandler.class.isAssignableFrom(handler)) {
                // The admin API: one container handler routes every /v1/admin/ route and logs its route key.
                assertTrue(function.route().contains(" /v1/admin/"), function.route());
                handler.getMethod("handleRequest", InputStream.class, OutputStream.class, Context.class);
            } else {
                assertTrue(RequestHandler.class.isAssignableFrom(handler), function.handlerClass());
                handler.getMethod("handleRequest", APIGatewayV2HTTPEvent.class, Context.class);
                Field route = handler.getDeclaredField("ROUTE");
                route.setAccessible(true);
                assertEquals(function.route(), route.get(null), "the route the handler logs");
            }

            Path module = Repository.root().resolve(function.codeUri()).getParent().getParent();
            assertEquals("function.jar", Path.of(function.codeUri()).getFileName().toString());
            assertTrue(Files.exists(module.resolve("pom.xml")), module.toString());
            assertTrue(Files.exists(module.resolve("src/main/java")
                    .resolve(function.handlerClass().replace('.', '/') + ".java")), function.handlerClass());
        }
    }

    @Test
    void everyOperationDocumentsTheRefusalsOfTheContract() {
        Map<String, Set<String>> expected = new HashMap<>(Map.of(
                "GET /v1/questionnaires/{id}", Set.of("200", "304", "400", "404"),
                "GET /v1/response", Set.of("200", "401", "403"),
                "PUT /v1/response/pages/{pageId}", Set.of("200", "400", "401", "403", "404", "409", "413", "415",
                        "422"),
                "POST /v1/response/submit", Set.of("200", "400", "401", "403", "409", "422"),
                "GET /v1/admin/surveys", Set.of("200", "403"),
                "POST /v1/admin/surveys", Set.of("201", "400", "403", "404", "409", "413"),
                "GET /v1/admin/surveys/{surveyId}", Set.of("200", "403", "404"),
                "POST /v1/admin/surveys/{surveyId}/open", Set.of("200", "400", "403", "404", "409"),
                "POST /v1/admin/surveys/{surveyId}/close", Set.of("200", "403", "404", "409"),
                "POST /v1/admin/surveys/{surveyId}/extend", Set.of("200", "400", "403", "404", "409", "413")));
        expected.putAll(Map.of(
                "POST /v1/admin/surveys/{surveyId}/register", Set.of("200", "400", "403", "404", "409", "413",
                        "415", "422"),
                "POST /v1/admin/surveys/{surveyId}/register/standard", Set.of("200", "403", "404", "409"),
                "GET /v1/admin/surveys/{surveyId}/invitations", Set.of("200", "400", "403", "404"),
                "POST /v1/admin/surveys/{surveyId}/invitations/{orgNumber}/reissue", Set.of("200", "403", "404", "409"),
                "POST /v1/admin/surveys/{surveyId}/invitations/{orgNumber}/revoke", Set.of("200", "403", "404", "409"),
                "GET /v1/admin/surveys/{surveyId}/progress", Set.of("200", "403", "404"),
                "GET /v1/admin/surveys/{surveyId}/export", Set.of("200", "400", "403", "404"),
                "GET /v1/admin/surveys/{surveyId}/codebook", Set.of("200", "403", "404"),
                "GET /v1/admin/surveys/{surveyId}/audit", Set.of("200", "400", "403")));
        expected.putAll(Map.of(
                "GET /v1/admin/surveys/{surveyId}/mailings", Set.of("200", "403", "404"),
                "POST /v1/admin/surveys/{surveyId}/mailings", Set.of("202", "400", "403", "404", "409", "413"),
                "POST /v1/admin/surveys/{surveyId}/mailings/dry-run", Set.of("200", "400", "403", "404", "409",
                        "413"),
                "POST /v1/admin/surveys/{surveyId}/mailings/scheduled", Set.of("202", "400", "403", "404", "409",
                        "413"),
                "GET /v1/admin/surveys/{surveyId}/mailings/{mailingId}", Set.of("200", "403", "404")));
        expected.putAll(Map.of(

                "GET /v1/admin/surveys/{surveyId}/snapshots", Set.of("200", "400", "403", "404"),
                "POST /v1/admin/surveys/{surveyId}/snapshots", Set.of("201", "403", "404", "409"),
                "GET /v1/admin/surveys/{surveyId}/snapshots/latest", Set.of("200", "304", "403", "404"),
                "GET /v1/admin/surveys/{surveyId}/snapshots/{snapshotId}", Set.of("200", "304", "403", "404"),
                "POST /v1/admin/surveys/{surveyId}/snapshots/{snapshotId}/publish", Set.of("200", "403", "404",
                        "503")));
        openApiOperations().forEach((route, operation) -> {
            Set<String> documented = new HashSet<>();
            operation.get("responses").fieldNames().forEachRemaining(documented::add);
            assertTrue(documented.containsAll(expected.get(route)), route + " documents " + documented);
        });
    }

    @Test
    void everyBodyHasAnExampleThatFitsItsSchema() {
        assertEquals(List.of(), new OpenApiContract().invalidExamples());
    }

    @Test
    void problemTypesAreTheOnesTheCodeSends() {
        Set<String> documented = new TreeSet<>();
        openApi.at("/components/schemas/Problem/properties/type/enum").forEach(t -> documented.add(t.textValue()));
        Set<String> sent = Arrays.stream(ProblemType.values()).map(ProblemType::uri)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(sent, documented);
    }

    private static Map<String, Function> templateFunctions() {
        Map<String, Function> functions = new HashMap<>();
        template.get("Resources").properties().forEach(resource -> {
            JsonNode definition = resource.getValue();
            if (!"AWS::Serverless::Function".equals(definition.path("Type").asText())) {
                return;
            }
            JsonNode properties = definition.get("Properties");
            String handler = properties.get("Handler").textValue();
            properties.path("Events").forEach(event -> {
                if ("HttpApi".equals(event.path("Type").asText())) {
                    String route = event.at("/Properties/Method").textValue().toUpperCase(Locale.ROOT) + " "
                            + event.at("/Properties/Path").textValue();
                    functions.put(route, new Function(resource.getKey(), route,
                            handler.substring(0, handler.indexOf("::")), properties.get("CodeUri").textValue()));
                }
            });
        });
        return functions;
    }

    /**
     * docs/respondent-api.md and docs/admin-api.md, the short forms, name under each route every status and problem
     * type openapi.yaml documents for it; what every route may answer stands once, under "Every route".
     */
    @Test
    void shortFormNamesEveryStatusAndProblemTypeOfEveryRoute() throws IOException {
        Map<String, String> respondent = shortFormSections("docs/respondent-api.md");
        Map<String, String> admin = shortFormSections("docs/admin-api.md");
        openApiOperations().forEach((route, operation) -> {
            boolean isAdmin = route.contains(" /v1/admin/");
            Map<String, String> sections = isAdmin ? admin : respondent;
            String document = isAdmin ? "docs/admin-api.md" : "docs/respondent-api.md";
            String everyRoute = sections.getOrDefault("Every route", "");
            String section = sections.get(route);
            assertTrue(section != null, document + " has no section for " + route);
            operation.get("responses").properties().forEach(response -> {
                String status = response.getKey();
                assertTrue(section.contains(status) || everyRoute.contains(status),
                        route + ": status " + status + " is not in " + document);
                Set<String> problems = new TreeSet<>();
                problemSlugs(resolved(response.getValue()), problems);
                for (String slug : problems) {
                    assertTrue(section.contains("`" + slug + "`") || everyRoute.contains("`" + slug + "`"),
                            route + ": problem " + slug + " is not in " + document);
                }
            });
        });
    }

    /** The text under each level-2 heading, keyed by the heading's route without its query ("GET /v1/x"). */
    private static Map<String, String> shortFormSections(String document) throws IOException {
        Map<String, String> sections = new HashMap<>();
        String heading = null;
        StringBuilder text = new StringBuilder();
        for (String line : Files.readAllLines(Repository.root().resolve(document))) {
            if (line.startsWith("## ")) {
                if (heading != null) {
                    sections.put(heading, text.toString());
                }
                heading = line.substring(3).replaceFirst("\\?.*$", "").trim();
                text.setLength(0);
            } else {
                text.append(line).append('\n');
            }
        }
        if (heading != null) {
            sections.put(heading, text.toString());
        }
        return sections;
    }

    private static JsonNode resolved(JsonNode node) {
        return node.has("$ref") ? openApi.at(node.get("$ref").textValue().substring(1)) : node;
    }

    private static void problemSlugs(JsonNode node, Set<String> slugs) {
        if (node.isTextual() && node.textValue().startsWith("urn:barometer:problem:")) {
            slugs.add(node.textValue().substring(node.textValue().lastIndexOf(':') + 1));
        }
        node.forEach(child -> problemSlugs(child, slugs));
    }

    private static Map<String, JsonNode> openApiOperations() {
        Map<String, JsonNode> operations = new HashMap<>();
        openApi.get("paths").properties().forEach(path -> path.getValue().properties().forEach(method ->
                operations.put(method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), method.getValue())));
        return operations;
    }
}
