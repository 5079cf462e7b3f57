package no.ks.barometer.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.ks.barometer.local.simulation.Plan;
import no.ks.barometer.local.simulation.SimulationReport;
import no.ks.barometer.questionnaire.OrgType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole stack in this JVM, in memory, on a free port, with a test web folder, five simulated respondents and a
 * links file; checked through its real HTTP API as a browser or script would use it.
 */
class LocalStackTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int SIMULATED = 5;

    @TempDir
    static Path dir;
    private static LocalStack stack;
    private static Path linksFile;
    private static String printed;

    @BeforeAll
    static void start() throws Exception {
        Path web = TestWeb.in(dir);
        Files.writeString(dir.resolve("outside.txt"), "not for the web");
        linksFile = dir.resolve("out/links.json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        stack = LocalStack.start(Options.parse("--port", "0", "--web", web.toString(), "--simulate",
                Integer.toString(SIMULATED), "--seed", "7", "--links-file", linksFile.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        printed = out.toString(StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(stack.baseUrl().resolve(path));
    }

    private static String token(RespondentLink link) {
        return link.url().getFragment().substring("t=".length());
    }

    /** A link the simulation did not use, so that tests start from an untouched response. */
    private static RespondentLink unsimulated(OrgType type, int skip) {
        Set<String> simulated = stack.simulation().orElseThrow().respondents().stream()
                .map(SimulationReport.Respondent::number).collect(Collectors.toSet());
        return stack.links().stream()
                .filter(link -> link.type() == type && !simulated.contains(link.number()))
                .skip(skip)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void everyOrganisationOfTheRegisterHasALink() {
        assertEquals(371, stack.links().size());
        assertEquals(371, stack.links().stream().map(RespondentLink::url).distinct().count());
        for (RespondentLink link : stack.links()) {
            assertTrue(link.url().toString().startsWith(stack.baseUrl() + "#t="), link.url().toString());
        }
    }

    @Test
    void linksFileFollowsTheContract() throws Exception {
        JsonNode file = JSON.readTree(linksFile.toFile());
        String base = stack.baseUrl().toString();
        assertEquals(base.substring(0, base.length() - 1), file.path("baseUrl").asText());
        assertEquals(stack.adminToken(), file.path("adminToken").asText());
        assertEquals(371, file.path("invitations").size());
        JsonNode halden = null;
        for (JsonNode invitation : file.path("invitations")) {
            if (invitation.path("number").asText().equals("3101")) {
                halden = invitation;
            }
        }
        assertTrue(halden != null, "Halden is invited");
        assertEquals("Halden", halden.path("name").asText());
        assertEquals("kommune", halden.path("type").asText());
        assertTrue(halden.path("url").asText().matches("http://127\\.0\\.0\\.1:\\d+/#t=[A-Za-z0-9_-]{22}"));
    }

    @Test
    void startPrintsTheUrlTheAdminTokenAndLinksOfBothKinds() {
        assertTrue(printed.contains(stack.baseUrl().toString()), printed);
        assertTrue(printed.contains(stack.adminToken()), printed);
        assertTrue(printed.contains("fylkeskommune: " + stack.baseUrl() + "#t="), printed);
        RespondentLink firstKommune = stack.links().stream().filter(l -> l.type() == OrgType.KOMMUNE)
                .findFirst().orElseThrow();
        assertTrue(printed.contains(firstKommune.url().toString()), printed);
        assertTrue(printed.contains(linksFile.toAbsolutePath().toString()), printed);
        assertTrue(printed.contains("Ctrl-C stopper"), printed);
    }

    @Test
    void questionnaireIsServedWithAnETagThatAnswers304() throws Exception {
        HttpResponse<String> first = send(request("/v1/questionnaires/innovasjonsbarometer-2024?version=1").GET());
        assertEquals(200, first.statusCode(), first.body());
        assertEquals("innovasjonsbarometer-2024", JSON.readTree(first.body()).path("id").asText());
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> second = send(request("/v1/questionnaires/innovasjonsbarometer-2024?version=1")
                .header("If-None-Match", etag).GET());
        assertEquals(304, second.statusCode());
        assertEquals("", second.body());
    }

    @Test
    void respondentSeesTheirOwnResponseByTheLinksToken() throws Exception {
        RespondentLink link = unsimulated(OrgType.FYLKESKOMMUNE, 0);
        HttpResponse<String> response = send(request("/v1/response")
                .header("Authorization", "Bearer " + token(link)).GET());
        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = JSON.readTree(response.body());
        assertEquals(link.number(), body.path("organisation").path("number").asText());
        assertEquals("fylkeskommune", body.path("organisation").path("type").asText());
        assertEquals("OPENED", body.path("status").asText());
        assertEquals("q0", body.path("nextPage").asText());
    }

    @Test
    void responseWithoutAValidTokenIs401() throws Exception {
        HttpResponse<String> response = send(request("/v1/response")
                .header("Authorization", "Bearer AAAAAAAAAAAAAAAAAAAAAA").GET());
        assertEquals(401, response.statusCode());
    }

    @Test
    void savedPageIsKeptAndMovesTheRespondentOn() throws Exception {
        RespondentLink link = unsimulated(OrgType.KOMMUNE, 0);
        HttpResponse<String> saved = send(request("/v1/response/pages/q0")
                .header("Authorization", "Bearer " + token(link))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"version\":0,\"answers\":{\"Q0\":{\"choice\":1}}}")));
        assertEquals(200, saved.statusCode(), saved.body());
        HttpResponse<String> again = send(request("/v1/response")
                .header("Authorization", "Bearer " + token(link)).GET());
        JsonNode body = JSON.readTree(again.body());
        assertEquals(1, body.path("answers").path("Q0").path("choice").asInt());
        assertEquals("IN_PROGRESS", body.path("status").asText());
        assertEquals("q1", body.path("nextPage").asText());
        assertEquals(1, body.path("version").asInt());
    }

    @Test
    void staleSaveIsRefusedWithTheCurrentState() throws Exception {
        RespondentLink link = unsimulated(OrgType.KOMMUNE, 1);
        String body = "{\"version\":0,\"answers\":{\"Q0\":{\"choice\":1}}}";
        assertEquals(200, send(request("/v1/response/pages/q0")
                .header("Authorization", "Bearer " + token(link)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))).statusCode());
        HttpResponse<String> stale = send(request("/v1/response/pages/q0")
                .header("Authorization", "Bearer " + token(link)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"version\":0,\"answers\":{\"Q0\":{\"choice\":3}}}")));
        assertEquals(409, stale.statusCode(), stale.body());
    }

    /** Bytes that are not UTF-8: a byte never used, an overlong '/', a lone continuation, a surrogate, a cut end. */
    private static final List<byte[]> NOT_UTF8 = List.of(
            new byte[] {(byte) 0xFF},
            new byte[] {(byte) 0xC0, (byte) 0xAF},
            new byte[] {(byte) 0x80},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0xC3},
            "\uFFFD".getBytes(StandardCharsets.UTF_8));

    @Test
    void textThatIsNotUtf8IsRefusedWith400AndNothingIsStored() throws Exception {
        RespondentLink link = unsimulated(OrgType.KOMMUNE, 2);
        String before = send(request("/v1/response").header("Authorization", "Bearer " + token(link)).GET()).body();
        for (byte[] bad : NOT_UTF8) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes("{\"version\":0,\"answers\":{\"Q28\":{\"text\":\"a".getBytes(StandardCharsets.US_ASCII));
            body.writeBytes(bad);
            body.writeBytes("b\"}}}".getBytes(StandardCharsets.US_ASCII));
            HttpResponse<String> response = send(request("/v1/response/pages/q28")
                    .header("Authorization", "Bearer " + token(link))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
            String what = HexFormat.of().formatHex(bad);
            assertEquals(400, response.statusCode(), what + ": " + response.body());
            assertEquals("urn:barometer:problem:malformed-request",
                    JSON.readTree(response.body()).path("type").asText(), what);
        }
        String after = send(request("/v1/response").header("Authorization", "Bearer " + token(link)).GET()).body();
        assertEquals(JSON.readTree(before), JSON.readTree(after), "nothing stored");
    }

    @Test
    void pageIdWithABackslashIsAProblemNotHtml() throws Exception {
        RespondentLink link = unsimulated(OrgType.KOMMUNE, 2);
        try (Socket socket = new Socket("127.0.0.1", stack.baseUrl().getPort())) {
            socket.getOutputStream().write(("PUT /v1/response/pages/q5\\ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer " + token(link) + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 26\r\nConnection: close\r\n\r\n{\"version\":0,\"answers\":{}}")
                    .getBytes(StandardCharsets.ISO_8859_1));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(response.startsWith("HTTP/1.1 4"), response);
            assertTrue(response.toLowerCase(java.util.Locale.ROOT).contains("content-type: application/problem+json"),
                    response);
            assertTrue(response.toLowerCase(java.util.Locale.ROOT).contains("x-content-type-options: nosniff"),
                    response);
        }
    }

    @Test
    void unknownApiRouteIs404Problem() throws Exception {
        HttpResponse<String> response = send(request("/v1/no-such-route").GET());
        assertEquals(404, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void webAppIsServedAtTheRootAndNothingOutsideIt() throws Exception {
        HttpResponse<String> index = send(request("/").GET());
        assertEquals(200, index.statusCode());
        assertTrue(index.body().contains("Test-app"));
        assertEquals("no-cache", index.headers().firstValue("Cache-Control").orElseThrow());
        HttpResponse<String> traversal = send(request("/%2e%2e/outside.txt").GET());
        assertEquals(400, traversal.statusCode(), "an ambiguous path is refused before any file is looked up");
        assertFalse(traversal.body().contains("not for the web"));
    }

    @Test
    void simulationLetsFiveDistinctOrganisationsAnswerThroughTheApi() throws Exception {
        SimulationReport report = stack.simulation().orElseThrow();
        assertEquals(SIMULATED, report.respondents().size());
        assertEquals(List.of(), report.failures());
        assertEquals(SIMULATED, new HashSet<>(report.respondents().stream()
                .map(SimulationReport.Respondent::number).toList()).size());
        Map<String, RespondentLink> links = stack.links().stream()
                .collect(Collectors.toMap(RespondentLink::number, l -> l));
        for (SimulationReport.Respondent respondent : report.respondents()) {
            String expected = switch (respondent.plan()) {
                case SUBMIT -> "COMPLETED";
                case STOP_HALF_WAY -> "IN_PROGRESS";
                case DECLINE -> "DECLINED";
            };
            assertEquals(expected, respondent.status(), respondent.toString());
            HttpResponse<String> stored = send(request("/v1/response")
                    .header("Authorization", "Bearer " + token(links.get(respondent.number()))).GET());
            assertEquals(expected, JSON.readTree(stored.body()).path("status").asText(), respondent.number());
        }
        Set<Plan> plans = report.respondents().stream().map(SimulationReport.Respondent::plan)
                .collect(Collectors.toSet());
        assertEquals(Set.of(Plan.SUBMIT, Plan.STOP_HALF_WAY, Plan.DECLINE), plans);
        assertTrue(printed.contains("Simulering: 5 respondenter"), printed);
        assertEquals(Map.of("COMPLETED", 3, "DECLINED", 1, "IN_PROGRESS", 1), report.byStatus());
    }

    @Test
    void baseUrlIsLoopback() {
        assertEquals(URI.create("http://127.0.0.1:" + stack.baseUrl().getPort() + "/"), stack.baseUrl());
    }
}
