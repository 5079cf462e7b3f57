package no.ks.barometer.local.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.ks.barometer.local.functions.LocalFunction;
import no.ks.barometer.local.functions.LocalFunctions;
import no.ks.barometer.local.schedule.LocalSchedule;
import no.ks.barometer.local.schedule.LocalScheduler;
import no.ks.barometer.local.template.SamTemplate;
import no.ks.barometer.local.template.ValueResolver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HTTP server with a template of test functions: routing from the template, the events the functions get, the
 * answers written back, IAM-protected routes, and the web app's files.
 */
class ApiServerTest {

    private static final String TEMPLATE = """
            Parameters:
              Stage:
                Type: String
                Default: test
            Globals:
              Function:
                Environment:
                  Variables:
                    ECHO_NAME:
                      Fn::Sub: echo-${Stage}
            Resources:
              Table:
                Type: AWS::DynamoDB::Table
                Properties:
                  BillingMode: PAY_PER_REQUEST
              Api:
                Type: AWS::Serverless::HttpApi
              EchoFunction:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: unused.jar
                  Handler: no.ks.barometer.local.http.handlers.EchoHandler::handleRequest
                  Events:
                    GetThing:
                      Type: HttpApi
                      Properties:
                        ApiId:
                          Ref: Api
                        Method: GET
                        Path: /v1/things/{id}
                    PutThing:
                      Type: HttpApi
                      Properties:
                        ApiId:
                          Ref: Api
                        Method: PUT
                        Path: /v1/things/{id}
                    Files:
                      Type: HttpApi
                      Properties:
                        ApiId:
                          Ref: Api
                        Method: GET
                        Path: /v1/files/{proxy+}
                    Secrets:
                      Type: HttpApi
                      Properties:
                        ApiId:
                          Ref: Api
                        Method: GET
                        Path: /v1/admin/secrets
                        Auth:
                          Authorizer: AWS_IAM
              SpecialFunction:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: unused.jar
                  Handler: no.ks.barometer.local.http.handlers.EchoHandler::handleRequest
                  Environment:
                    Variables:
                      ECHO_NAME: special
                  Events:
                    GetSpecial:
                      Type: HttpApi
                      Properties:
                        ApiId:
                          Ref: Api
                        Method: GET
                        Path: /v1/things/special
              BinaryFunction:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: unused.jar
                  Handler: no.ks.barometer.local.http.handlers.BinaryHandler::handleRequest
                  Events:
                    Upload:
                      Type: HttpApi
                      Properties:
                        ApiId:
                          Ref: Api
                        Method: POST
                        Path: /v1/binary
              FailingFunction:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: unused.jar
                  Handler: no.ks.barometer.local.http.handlers.FailingHandler::handleRequest
                  Events:
                    Boom:
                      Type: HttpApi
                      Properties:
                        ApiId:
                          Ref: Api
                        Method: GET
                        Path: /v1/boom
              StreamFunction:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: unused.jar
                  Handler: no.ks.barometer.local.http.handlers.StreamEchoHandler::handleRequest
                  Events:
                    Stream:
                      Type: HttpApi
                      Properties:
                        ApiId: !Ref Api
                        Method: ANY
                        Path: /v1/stream/{proxy+}
                    Nightly:
                      Type: ScheduleV2
                      Properties:
                        ScheduleExpression: cron(0 2 * * ? *)
              MalformedFunction:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: unused.jar
                  Handler: no.ks.barometer.local.http.handlers.MalformedBodyHandler::handleRequest
                  Events:
                    Malformed:
                      Type: HttpApi
                      Properties:
                        ApiId:
                          Ref: Api
                        Method: GET
                        Path: /v1/malformed
            """;

    private static final String ADMIN_TOKEN = "test-admin-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;
    private static ApiServer server;
    private static URI base;

    @BeforeAll
    static void start() throws Exception {
        Path web = dir.resolve("web");
        Files.createDirectories(web.resolve("assets"));
        Files.writeString(web.resolve(StaticFiles.PUBLISHED_LIST), "index.html\nassets/\n");
        Files.writeString(web.resolve("index.html"), "<!doctype html><title>Barometer</title>");
        Files.writeString(web.resolve("package.json"), "{}");
        Files.writeString(web.resolve("assets/app.js"), "console.log('app');");
        Files.writeString(web.resolve("assets/style.css"), "body{}");
        Files.writeString(web.resolve(".env"), "hidden");
        Files.writeString(dir.resolve("secret.txt"), "outside the web folder");
        SamTemplate template = SamTemplate.parse(TEMPLATE);
        ValueResolver resolver = new ValueResolver(template, Map.of("Table", "local-table"), "eu-north-1");
        Clock clock = Clock.systemUTC();
        Map<String, LocalFunction> functions = LocalFunctions.load(template, resolver, Map.of(), null, "local-table",
                clock);
        server = new ApiServer(0, Router.from(template), functions, new StaticFiles(web), ADMIN_TOKEN, clock,
                new LocalScheduler(LocalSchedule.allOf(template), functions, clock, System.out), ApiServer.Limits.DEFAULT);
        server.start();
        base = URI.create("http://127.0.0.1:" + server.port());
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).GET();
    }

    private static JsonNode echoedEvent(HttpResponse<String> response) throws IOException {
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body()).path("event");
    }

    @Test
    void requestBecomesAnHttpApiV2Event() throws Exception {
        HttpResponse<String> response = send(get("/v1/things/42?a=1&b=x%20y&a=2")
                .header("X-Custom", "Value")
                .header("Cookie", "first=1; second=2")
                .header("User-Agent", "barometer-test"));
        JsonNode event = echoedEvent(response);
        assertEquals("2.0", event.path("version").asText());
        assertEquals("GET /v1/things/{id}", event.path("routeKey").asText());
        assertEquals("/v1/things/42", event.path("rawPath").asText());
        assertEquals("a=1&b=x%20y&a=2", event.path("rawQueryString").asText());
        assertEquals("42", event.path("pathParameters").path("id").asText());
        assertEquals("1,2", event.path("queryStringParameters").path("a").asText());
        assertEquals("x y", event.path("queryStringParameters").path("b").asText());
        assertEquals("Value", event.path("headers").path("x-custom").asText());
        assertFalse(event.path("headers").has("cookie"), "cookies move out of the headers");
        assertEquals(List.of("first=1", "second=2"),
                JSON.convertValue(event.path("cookies"), List.class));
        JsonNode context = event.path("requestContext");
        assertEquals("$default", context.path("stage").asText());
        assertEquals("GET /v1/things/{id}", context.path("routeKey").asText());
        assertEquals("GET", context.path("http").path("method").asText());
        assertEquals("/v1/things/42", context.path("http").path("path").asText());
        assertEquals("127.0.0.1", context.path("http").path("sourceIp").asText());
        assertEquals("barometer-test", context.path("http").path("userAgent").asText());
        assertFalse(context.path("requestId").asText().isEmpty());
        assertTrue(Math.abs(context.path("timeEpoch").asLong() - System.currentTimeMillis()) < 60_000);
        assertFalse(event.path("isBase64Encoded").asBoolean());
    }

    @Test
    void functionGetsItsTemplateEnvironmentResolved() throws Exception {
        JsonNode body = JSON.readTree(send(get("/v1/things/1")).body());
        assertEquals("echo-test", body.path("name").asText());
        assertEquals("EchoFunction", body.path("function").asText());
    }

    @Test
    void literalRouteWinsOverAParameterRoute() throws Exception {
        JsonNode body = JSON.readTree(send(get("/v1/things/special")).body());
        assertEquals("special", body.path("name").asText());
        assertEquals("GET /v1/things/special", body.path("event").path("routeKey").asText());
    }

    @Test
    void greedyParameterTakesTheRestOfThePath() throws Exception {
        JsonNode event = echoedEvent(send(get("/v1/files/a/b/c.txt")));
        assertEquals("a/b/c.txt", event.path("pathParameters").path("proxy").asText());
    }

    @Test
    void jsonBodyArrivesAsTextAndTheAnswerKeepsItsHeadersAndCookies() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("/v1/things/7"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"svar\":\"æøå\"}")));
        JsonNode event = echoedEvent(response);
        assertEquals("{\"svar\":\"æøå\"}", event.path("body").asText());
        assertFalse(event.path("isBase64Encoded").asBoolean());
        assertEquals(List.of("one", "two"), response.headers().allValues("X-Echo"));
        assertEquals(List.of("seen=1; Path=/"), response.headers().allValues("Set-Cookie"));
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void textBodyThatIsNotUtf8ArrivesBase64EncodedByteForByte() throws Exception {
        byte[] bytes = {'{', '"', 'a', (byte) 0xFF, (byte) 0xC0, (byte) 0xAF, '"', ':', '1', '}', (byte) 0xC3};
        JsonNode event = echoedEvent(send(HttpRequest.newBuilder(base.resolve("/v1/things/7"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))));
        assertTrue(event.path("isBase64Encoded").asBoolean(), "bytes that are not UTF-8 are not decoded lossily");
        assertArrayEquals(bytes, java.util.Base64.getDecoder().decode(event.path("body").asText()));
    }

    @Test
    void binaryBodyTravelsBase64EncodedBothWays() throws Exception {
        byte[] bytes = {0, 1, 2, (byte) 0xff, (byte) 0xfe};
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(base.resolve("/v1/binary"))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        assertArrayEquals(bytes, response.body());
    }

    @Test
    void streamHandlerGetsTheEventAsPayloadFormatTwoJson() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("/v1/stream/items/9?x=1"))
                .header("Content-Type", "application/json")
                .header("Cookie", "a=1")
                .POST(HttpRequest.BodyPublishers.ofString("{\"n\":1}")));
        assertEquals(201, response.statusCode(), response.body());
        JsonNode event = JSON.readTree(response.body());
        assertEquals("2.0", event.path("version").asText());
        assertEquals("ANY /v1/stream/{proxy+}", event.path("routeKey").asText());
        assertEquals("/v1/stream/items/9", event.path("rawPath").asText());
        assertEquals("x=1", event.path("rawQueryString").asText());
        assertEquals("items/9", event.path("pathParameters").path("proxy").asText());
        assertEquals("1", event.path("queryStringParameters").path("x").asText());
        assertEquals("application/json", event.path("headers").path("content-type").asText());
        assertEquals("a=1", event.path("cookies").path(0).asText());
        assertEquals("{\"n\":1}", event.path("body").asText());
        assertTrue(event.path("isBase64Encoded").isBoolean(), "isBase64Encoded is sent, and as a boolean");
        assertFalse(event.path("isBase64Encoded").asBoolean());
        JsonNode http = event.path("requestContext").path("http");
        assertEquals("POST", http.path("method").asText());
        assertEquals("/v1/stream/items/9", http.path("path").asText());
        assertEquals("127.0.0.1", http.path("sourceIp").asText());
        assertTrue(event.path("requestContext").path("timeEpoch").isIntegralNumber());
        assertFalse(event.has("stageVariables"), "absent values are left out, not sent as null");
    }

    @Test
    void streamHandlersAnswerGivesStatusHeadersAndEveryCookie() throws Exception {
        HttpResponse<String> response = send(get("/v1/stream/echo"));
        assertEquals(201, response.statusCode());
        assertEquals("stream", response.headers().firstValue("x-kind").orElseThrow());
        assertEquals(List.of("stream=1; Path=/", "second=2; Path=/"), response.headers().allValues("Set-Cookie"));
    }

    @Test
    void streamHandlersJsonWithoutStatusCodeIsTheBodyOfA200() throws Exception {
        HttpResponse<String> response = send(get("/v1/stream/plain"));
        assertEquals(200, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("no statusCode", JSON.readTree(response.body()).path("echo").asText());
    }

    @Test
    void streamHandlersBase64BodyIsDecoded() throws Exception {
        HttpResponse<byte[]> response = HTTP.send(get("/v1/stream/binary").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        assertArrayEquals(new byte[] {0, 1, (byte) 0xff}, response.body());
    }

    @Test
    void streamHandlersAnswerThatIsNotJsonOrHasWrongTypesIsAnInternalServerError() throws Exception {
        for (String path : List.of("/v1/stream/garbage", "/v1/stream/wrong-types")) {
            HttpResponse<String> response = send(get(path));
            assertEquals(500, response.statusCode(), path);
            assertEquals("Internal Server Error", JSON.readTree(response.body()).path("message").asText(), path);
        }
    }

    private static HttpRequest.Builder runSchedule(String name) {
        return HttpRequest.newBuilder(base.resolve("/local/schedules/" + name + "/run"))
                .POST(HttpRequest.BodyPublishers.noBody());
    }

    @Test
    void scheduleRunsOnRequestWithTheAdminTokenAndShowsEventAndAnswer() throws Exception {
        HttpResponse<String> response = send(runSchedule("StreamFunctionNightly")
                .header("Authorization", "Bearer " + ADMIN_TOKEN));
        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = JSON.readTree(response.body());
        assertEquals("StreamFunctionNightly", body.path("schedule").asText());
        assertEquals("StreamFunction", body.path("function").asText());
        assertEquals("aws.scheduler", body.path("event").path("source").asText());
        assertEquals(201, body.path("output").path("statusCode").asInt(), "the stream handler's answer");
    }

    @Test
    void scheduleRunNeedsTheAdminToken() throws Exception {
        assertEquals(403, send(runSchedule("StreamFunctionNightly")).statusCode());
        assertEquals(403, send(runSchedule("StreamFunctionNightly").header("Authorization", "Bearer nope"))
                .statusCode());
    }

    @Test
    void unknownScheduleIsA404AndOnlyPostRuns() throws Exception {
        HttpResponse<String> unknown = send(runSchedule("NoSuchSchedule")
                .header("Authorization", "Bearer " + ADMIN_TOKEN));
        assertEquals(404, unknown.statusCode());
        assertEquals("urn:barometer:problem:schedule-not-found", JSON.readTree(unknown.body()).path("type").asText());
        HttpResponse<String> get = send(get("/local/schedules/StreamFunctionNightly/run")
                .header("Authorization", "Bearer " + ADMIN_TOKEN));
        assertEquals(405, get.statusCode());
        assertEquals("POST", get.headers().firstValue("Allow").orElseThrow());
        assertEquals(404, send(get("/local/schedules/StreamFunctionNightly")).statusCode());
    }

    @Test
    void iamRouteRefusesARequestWithoutTheAdminToken() throws Exception {
        HttpResponse<String> missing = send(get("/v1/admin/secrets"));
        assertEquals(403, missing.statusCode());
        assertEquals("Forbidden", JSON.readTree(missing.body()).path("message").asText());
        HttpResponse<String> wrong = send(get("/v1/admin/secrets").header("Authorization", "Bearer not-it"));
        assertEquals(403, wrong.statusCode());
    }

    @Test
    void iamRouteAcceptsTheAdminTokenAndTellsTheFunctionWhoCalled() throws Exception {
        JsonNode event = echoedEvent(send(get("/v1/admin/secrets")
                .header("Authorization", "Bearer " + ADMIN_TOKEN)));
        JsonNode iam = event.path("requestContext").path("authorizer").path("iam");
        assertEquals("local admin", iam.path("callerId").asText());
        assertEquals(LocalAccount.ID, iam.path("accountId").asText());
    }

    @Test
    void publicRouteCarriesNoIamIdentity() throws Exception {
        JsonNode event = echoedEvent(send(get("/v1/things/1")));
        assertTrue(event.path("requestContext").path("authorizer").isNull()
                || event.path("requestContext").path("authorizer").isMissingNode());
    }

    @Test
    void unknownApiRouteIsAJsonProblem404() throws Exception {
        HttpResponse<String> response = send(get("/v1/nothing-here"));
        assertEquals(404, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        JsonNode problem = JSON.readTree(response.body());
        assertEquals("urn:barometer:problem:route-not-found", problem.path("type").asText());
        assertEquals(404, problem.path("status").asInt());
    }

    @Test
    void wrongMethodOnAKnownPathIs405WithTheAllowedMethods() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("/v1/things/1"))
                .DELETE());
        assertEquals(405, response.statusCode());
        assertEquals("GET, PUT", response.headers().firstValue("Allow").orElseThrow());
    }

    @Test
    void failingFunctionGivesApiGatewaysInternalServerError() throws Exception {
        HttpResponse<String> response = send(get("/v1/boom"));
        assertEquals(500, response.statusCode());
        assertEquals("Internal Server Error", JSON.readTree(response.body()).path("message").asText());
    }

    @Test
    void answerTheStackCannotWriteIsAnInternalServerError() throws Exception {
        HttpResponse<String> response = send(get("/v1/malformed"));
        assertEquals(500, response.statusCode());
        assertEquals("Internal Server Error", JSON.readTree(response.body()).path("message").asText());
    }

    @Test
    void rootServesIndexHtmlWithoutCaching() throws Exception {
        HttpResponse<String> response = send(get("/"));
        assertEquals(200, response.statusCode());
        assertEquals("text/html; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("no-cache", response.headers().firstValue("Cache-Control").orElseThrow());
        assertTrue(response.body().contains("<title>Barometer</title>"));
    }

    @Test
    void filesGoOutWithTheSecurityHeadersOnce() throws Exception {
        HttpResponse<String> response = send(get("/assets/app.js"));
        assertEquals(List.of(StaticFiles.CONTENT_SECURITY_POLICY),
                response.headers().allValues("Content-Security-Policy"));
        assertEquals(List.of("no-referrer"), response.headers().allValues("Referrer-Policy"));
        assertEquals(List.of("nosniff"), response.headers().allValues("X-Content-Type-Options"));
    }

    @Test
    void filesGetTheirContentTypes() throws Exception {
        assertEquals("text/javascript; charset=utf-8",
                send(get("/assets/app.js")).headers().firstValue("Content-Type").orElseThrow());
        assertEquals("text/css; charset=utf-8",
                send(get("/assets/style.css")).headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void folderIsNotListed() throws Exception {
        assertEquals(404, send(get("/assets/")).statusCode());
        assertEquals(404, send(get("/assets")).statusCode());
    }

    @Test
    void hiddenFileIsNotServed() throws Exception {
        assertEquals(404, send(get("/.env")).statusCode());
    }

    @Test
    void fileThatIsNotPublishedIsNotServed() throws Exception {
        assertEquals(404, send(get("/package.json")).statusCode());
    }

    @Test
    void encodedTraversalIsRefusedAsAnAmbiguousRequest() throws Exception {
        for (String path : List.of("/%2e%2e/secret.txt", "/assets/..%2f..%2fsecret.txt",
                "/assets/%2e%2e/%2e%2e/secret.txt")) {
            HttpResponse<String> response = send(get(path));
            assertEquals(400, response.statusCode(), path);
            assertEquals("urn:barometer:problem:malformed-request", JSON.readTree(response.body()).path("type")
                    .asText(), path);
        }
    }

    private static void assertOwnAnswer(int status, String contentType, String head, String what) {
        assertTrue(head.startsWith("HTTP/1.1 " + status + " "), what + ": " + head);
        String lower = head.toLowerCase(java.util.Locale.ROOT);
        assertTrue(lower.contains("\r\ncontent-type: " + contentType + "\r\n"), what + ": " + head);
        assertTrue(lower.contains("\r\nx-content-type-options: nosniff\r\n"), what + ": " + head);
        assertTrue(lower.contains("\r\nreferrer-policy: no-referrer\r\n"), what + ": " + head);
        assertTrue(lower.contains("\r\ncontent-security-policy: default-src 'none'; frame-ancestors 'none'\r\n"),
                what + ": " + head);
        assertTrue(lower.contains("\r\ncache-control: no-store\r\n"), what + ": " + head);
    }

    @Test
    void requestsThatAreNotValidHttpAreAnsweredWithAProblemAndTheSecurityHeaders() throws Exception {
        Map<String, String> requests = Map.of(
                "conflicting Content-Length and Transfer-Encoding",
                "PUT /v1/things/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n",
                "Content-Length: -1",
                "PUT /v1/things/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: -1\r\n\r\n{}",
                "a chunk size that is no number",
                "PUT /v1/things/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n",
                "a header line without a name",
                "GET /v1/things/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nno colon here\r\n\r\n");
        for (Map.Entry<String, String> request : requests.entrySet()) {
            String response = rawRequest(request.getValue());
            String head = response.substring(0, Math.max(0, response.indexOf("\r\n\r\n") + 2));
            assertOwnAnswer(400, "application/problem+json", head, request.getKey());
            JsonNode problem = JSON.readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
            assertEquals("urn:barometer:problem:malformed-request", problem.path("type").asText(), request.getKey());
            assertEquals(400, problem.path("status").asInt(), request.getKey());
        }
    }

    @Test
    void everyAnswerTheStackGivesItselfCarriesTheSecurityHeaders() throws Exception {
        record Case(String what, String request, int status, String contentType) {
        }
        String end = " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
        List<Case> cases = List.of(
                new Case("no route", "GET /v1/nothing-here" + end, 404, "application/problem+json"),
                new Case("wrong method", "DELETE /v1/things/1" + end, 405, "application/problem+json"),
                new Case("no file", "GET /missing.js" + end, 404, "application/problem+json"),
                new Case("file by POST", "POST /index.html" + end, 405, "application/problem+json"),
                new Case("IAM route without the token", "GET /v1/admin/secrets" + end, 403, "application/json"),
                new Case("unknown schedule", "POST /local/schedules/Nope/run" + end, 403, "application/json"),
                new Case("body too large", "PUT /v1/things/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                        + "Content-Length: " + (ApiServer.MAX_BODY_BYTES + 1) + "\r\n\r\n", 413, "application/json"),
                new Case("failing function", "GET /v1/boom" + end, 500, "application/json"));
        for (Case c : cases) {
            String response = rawRequest(c.request());
            assertOwnAnswer(c.status(), c.contentType(), response.substring(0, response.indexOf("\r\n\r\n") + 2),
                    c.what());
        }
    }

    @Test
    void bodyOverTheLimitIsRefusedOnItsAnnouncedLengthWithoutBeingRead() throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(("PUT /v1/things/1 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + (ApiServer.MAX_BODY_BYTES + 1)
                    + "\r\n\r\n{").getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            byte[] start = socket.getInputStream().readNBytes(12);
            assertEquals("HTTP/1.1 413", new String(start, StandardCharsets.ISO_8859_1),
                    "answered with one byte of the body sent");
        }
    }

    @Test
    void chunkedBodyIsReadNoFurtherThanTheLimit() throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("PUT /v1/things/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            byte[] chunk = new byte[1024 * 1024];
            java.util.Arrays.fill(chunk, (byte) ' ');
            String size = Integer.toHexString(chunk.length) + "\r\n";
            try {
                for (int sent = 0; sent <= ApiServer.MAX_BODY_BYTES; sent += chunk.length) {
                    out.write(size.getBytes(StandardCharsets.ISO_8859_1));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                }
            } catch (IOException closedAtTheLimit) {
                // The server may close the connection once it has answered; the answer is already on its way.
            }
            byte[] start = socket.getInputStream().readNBytes(12);
            assertEquals("HTTP/1.1 413", new String(start, StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void rawTraversalIsRefused() throws Exception {
        for (String path : List.of("/../secret.txt", "/assets/../../secret.txt", "/..\\secret.txt")) {
            String response = rawRequest("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            assertFalse(response.contains("outside the web folder"), path + " leaked: " + response);
            assertFalse(response.startsWith("HTTP/1.1 200"), path + " answered 200");
        }
    }

    @Test
    void fileAnswersOnlyGetAndHead() throws Exception {
        HttpResponse<String> head = send(HttpRequest.newBuilder(base.resolve("/index.html"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
        HttpResponse<String> post = send(HttpRequest.newBuilder(base.resolve("/index.html"))
                .POST(HttpRequest.BodyPublishers.ofString("x")));
        assertEquals(405, post.statusCode());
    }

    private static String rawRequest(String request) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
