package no.ks.barometer.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpExchangeTest {

    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final HttpExchange exchange = new HttpExchange("PUT /v1/test",
            new RequestLog(new PrintStream(logged, true, StandardCharsets.UTF_8)),
            failure -> failure instanceof StorageDown);

    private static final class StorageDown extends RuntimeException {
        StorageDown() {
            super("connection refused");
        }
    }

    @Test
    void refusalBecomesAProblemBody() {
        APIGatewayV2HTTPResponse response = exchange.handle(new APIGatewayV2HTTPEvent(), event -> {
            throw new RequestRejected(ApiProblem.malformed("Feltet «version» mangler."));
        });

        assertEquals(400, response.getStatusCode());
        assertEquals("application/problem+json", response.getHeaders().get("Content-Type"));
        assertEquals("no-store", response.getHeaders().get("Cache-Control"));
        assertEquals("nosniff", response.getHeaders().get("X-Content-Type-Options"));
        JsonNode body = Json.readStrict(response.getBody().getBytes(StandardCharsets.UTF_8));
        assertEquals("urn:barometer:problem:malformed-request", body.get("type").textValue());
        assertEquals("Ugyldig forespørsel", body.get("title").textValue());
        assertEquals(400, body.get("status").intValue());
        assertEquals("Feltet «version» mangler.", body.get("detail").textValue());
    }

    @Test
    void validationErrorsAreListedWithTheirQuestion() {
        APIGatewayV2HTTPResponse response = exchange.handle(new APIGatewayV2HTTPEvent(), event ->
                Replies.problem(ApiProblem.validationFailed("Noen svar må rettes.",
                        List.of(new ProblemError("Q12", "GRID_ROW_MISSING", "Velg et svar på hver linje.", 3, null)))));

        JsonNode error = Json.readStrict(response.getBody().getBytes(StandardCharsets.UTF_8)).get("errors").get(0);
        assertEquals("Q12", error.get("question").textValue());
        assertEquals("GRID_ROW_MISSING", error.get("code").textValue());
        assertEquals(3, error.get("row").intValue());
        assertFalse(error.has("option"));
    }

    @Test
    void failingDependencyAsksTheClientToRetry() {
        APIGatewayV2HTTPResponse response = exchange.handle(new APIGatewayV2HTTPEvent(), event -> {
            throw new StorageDown();
        });

        assertEquals(503, response.getStatusCode());
        assertEquals("1", response.getHeaders().get("Retry-After"));
        assertEquals("application/problem+json", response.getHeaders().get("Content-Type"));
    }

    @Test
    void bugIsA500ProblemAndIsLoggedWithItsTrace() {
        APIGatewayV2HTTPResponse response = exchange.handle(new APIGatewayV2HTTPEvent(), event -> {
            throw new IllegalStateException("broken invariant");
        });

        assertEquals(500, response.getStatusCode());
        String log = logged.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("broken invariant"), log);
        assertTrue(log.contains("\"status\":500"), log);
    }

    @Test
    void logLineNamesRouteStatusAndOrganisationButNotTheToken() {
        APIGatewayV2HTTPEvent request = new APIGatewayV2HTTPEvent();
        request.setHeaders(Map.of("authorization", "Bearer SECRETSECRETSECRETSECR"));
        request.setBody("{\"answers\":{\"Q9\":{\"text\":\"hemmelig\"}}}");
        exchange.handle(request, event -> Replies.json(200, Json.object()).forOrganisation("3101"));

        String[] lines = logged.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(1, lines.length);
        JsonNode line = Json.readStrict(lines[0].getBytes(StandardCharsets.UTF_8));
        assertEquals("PUT /v1/test", line.get("route").textValue());
        assertEquals(200, line.get("status").intValue());
        assertEquals("3101", line.get("org").textValue());
        assertTrue(line.get("latencyMs").isNumber());
        assertFalse(lines[0].contains("SECRET"));
        assertFalse(lines[0].contains("hemmelig"));
    }
}
