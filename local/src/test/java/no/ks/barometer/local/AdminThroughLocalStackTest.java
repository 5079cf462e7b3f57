package no.ks.barometer.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The administrator's API through the local stack's real HTTP server, as the command-line client uses it: the
 * printed admin token opens the {@code AWS_IAM} routes, the admin function serves them, and every action it records
 * names "local admin". Neither kind of token opens the other's routes.
 */
class AdminThroughLocalStackTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SURVEY = "pilot-2026";
    private static final String REGISTER = """
            number,name,type,fylke,population,maalform,emails\r
            3101,Halden,kommune,31,31444,Bokmål,postmottak@halden.kommune.example\r
            31,Østfold fylkeskommune,fylkeskommune,31,311000,Nøytral,postmottak@ostfoldfk.example\r
            """;

    @TempDir
    static Path dir;
    private static LocalStack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = LocalStack.start(Options.parse("--port", "0", "--web", TestWeb.in(dir).toString()),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpRequest.Builder admin(String path) {
        return HttpRequest.newBuilder(stack.baseUrl().resolve("/v1/admin/surveys" + path))
                .header("Authorization", "Bearer " + stack.adminToken());
    }

    private static JsonNode ok(int status, HttpResponse<String> response) throws Exception {
        assertEquals(status, response.statusCode(), response.uri() + ": " + response.body());
        return JSON.readTree(response.body());
    }

    private static String tokenOf(String link) {
        return URI.create(link).getFragment().substring("t=".length());
    }

    @Test
    void adminTokenRunsASurveyFromCreationToExportAndTheAuditTrailNamesLocalAdmin() throws Exception {
        JsonNode created = ok(201, send(admin("").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"id": "%s", "title": "Pilot 2026", "questionnaireId": "innovasjonsbarometer-2024",
                         "questionnaireVersion": 1, "opensAt": "2026-01-01T00:00:00Z",
                         "closesAt": "2099-12-31T23:00:00Z", "linkBaseUrl": "%s"}"""
                        .formatted(SURVEY, stack.baseUrl())))));
        assertEquals("OPEN", created.path("state").asText());

        JsonNode imported = ok(200, send(admin("/" + SURVEY + "/register")
                .header("Content-Type", "text/csv; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(REGISTER, StandardCharsets.UTF_8))));
        assertEquals(2, imported.path("invited").size());
        String haldenLink = null;
        for (JsonNode invited : imported.path("invited")) {
            if (invited.at("/organisation/number").asText().equals("3101")) {
                haldenLink = invited.path("link").asText();
            }
        }
        assertTrue(haldenLink != null && haldenLink.startsWith(stack.baseUrl() + "#t="), imported.toString());

        // The link the import made opens Halden's response through the same stack.
        HttpResponse<String> opened = send(HttpRequest.newBuilder(stack.baseUrl().resolve("/v1/response"))
                .header("Authorization", "Bearer " + tokenOf(haldenLink)));
        assertEquals(200, opened.statusCode(), opened.body());

        JsonNode invitations = ok(200, send(admin("/" + SURVEY + "/invitations")));
        Set<String> numbers = new HashSet<>();
        invitations.path("invitations").forEach(i -> numbers.add(i.at("/organisation/number").asText()));
        assertEquals(Set.of("3101", "31"), numbers);

        JsonNode progress = ok(200, send(admin("/" + SURVEY + "/progress")));
        assertEquals(2, progress.at("/overall/invited").asInt());
        assertEquals(1, progress.at("/overall/notOpened").asInt(), progress.toString());

        HttpResponse<String> export = send(admin("/" + SURVEY + "/export?format=csv"));
        assertEquals(200, export.statusCode(), export.body());
        List<String> rows = export.body().lines().toList();
        assertEquals(3, rows.size(), export.body());
        assertTrue(rows.stream().anyMatch(row -> row.startsWith("3101;Halden;")), export.body());

        JsonNode audit = ok(200, send(admin("/" + SURVEY + "/audit")));
        List<String> actions = new ArrayList<>();
        for (JsonNode entry : audit.path("entries")) {
            assertEquals("local admin", entry.path("actor").asText(), entry.toString());
            actions.add(entry.path("action").asText());
        }
        assertTrue(actions.containsAll(List.of("SURVEY_CREATED", "REGISTER_IMPORTED", "ORGANISATION_INVITED",
                "RESPONSES_EXPORTED")), actions.toString());
    }

    @Test
    void respondentTokenOnAnAdminRouteIsRefusedByTheStackAndChangesNothing() throws Exception {
        String respondentToken = tokenOf(stack.links().get(0).url().toString());
        HttpResponse<String> refused = send(HttpRequest.newBuilder(
                        stack.baseUrl().resolve("/v1/admin/surveys/innovasjonsbarometer-2024/close"))
                .header("Authorization", "Bearer " + respondentToken)
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(403, refused.statusCode(), refused.body());
        assertEquals("Forbidden", JSON.readTree(refused.body()).path("message").asText());
        JsonNode survey = ok(200, send(admin("/innovasjonsbarometer-2024")));
        assertEquals("OPEN", survey.path("state").asText());
        assertEquals(0, ok(200, send(admin("/innovasjonsbarometer-2024/audit"))).path("entries").size());
    }

    @Test
    void adminTokenOnARespondentRouteIsRefused() throws Exception {
        HttpResponse<String> refused = send(HttpRequest.newBuilder(stack.baseUrl().resolve("/v1/response"))
                .header("Authorization", "Bearer " + stack.adminToken()));
        assertEquals(401, refused.statusCode(), refused.body());
        assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElseThrow());
    }
}
