package no.ks.barometer.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HttpRequestsTest {

    @Test
    void bearerTokenIsReadFromAnyCaseOfHeaderAndScheme() {
        assertEquals(Optional.of("abc"), HttpRequests.bearerToken(event(Map.of("authorization", "Bearer abc"), null)));
        assertEquals(Optional.of("abc"), HttpRequests.bearerToken(event(Map.of("Authorization", "bearer  abc"), null)));
    }

    @Test
    void otherAuthorizationSchemesGiveNoToken() {
        assertEquals(Optional.empty(), HttpRequests.bearerToken(event(Map.of("authorization", "Basic YTpi"), null)));
        assertEquals(Optional.empty(), HttpRequests.bearerToken(event(Map.of("authorization", "Bearer a b"), null)));
        assertEquals(Optional.empty(), HttpRequests.bearerToken(event(Map.of(), null)));
        assertEquals(Optional.empty(), HttpRequests.bearerToken(new APIGatewayV2HTTPEvent()));
    }

    @Test
    void jsonBodyIsParsed() {
        JsonNode body = HttpRequests.jsonBody(event(json(), "{\"version\":1}"));
        assertEquals(1, body.get("version").intValue());
    }

    @Test
    void charsetUtf8IsAcceptedInAnyCase() {
        HttpRequests.jsonBody(event(Map.of("content-type", "application/json; charset=UTF-8"), "{}"));
        HttpRequests.jsonBody(event(Map.of("Content-Type", "Application/JSON"), "{}"));
    }

    @Test
    void bodyOfAnotherMediaTypeIsRefusedWith415() {
        assertRefused(415, event(Map.of("content-type", "text/plain"), "{}"));
        assertRefused(415, event(Map.of("content-type", "application/json; charset=iso-8859-1"), "{}"));
        assertRefused(415, event(Map.of("content-type", "application/jsonp"), "{}"));
        assertRefused(415, event(Map.of(), "{}"));
    }

    @Test
    void bodyOver64KiBIsRefusedWith413() {
        String large = "{\"x\":\"" + "a".repeat(HttpRequests.MAX_BODY_BYTES) + "\"}";
        assertRefused(413, event(json(), large));
        APIGatewayV2HTTPEvent encoded = event(json(),
                Base64.getEncoder().encodeToString(large.getBytes(StandardCharsets.UTF_8)));
        encoded.setIsBase64Encoded(true);
        assertRefused(413, encoded);
    }

    @Test
    void multiByteCharactersCountAsTheirBytes() {
        String justOver = "\"" + "ø".repeat(HttpRequests.MAX_BODY_BYTES / 2) + "\"";
        assertRefused(413, event(json(), justOver));
    }

    @Test
    void bodyOfExactly64KiBIsAccepted() {
        String exact = "\"" + "a".repeat(HttpRequests.MAX_BODY_BYTES - 2) + "\"";
        assertEquals(HttpRequests.MAX_BODY_BYTES - 2, HttpRequests.jsonBody(event(json(), exact)).textValue().length());
    }

    @Test
    void base64BodyIsDecoded() {
        APIGatewayV2HTTPEvent event = event(json(),
                Base64.getEncoder().encodeToString("{\"svar\":\"Østfold\"}".getBytes(StandardCharsets.UTF_8)));
        event.setIsBase64Encoded(true);
        assertEquals("Østfold", HttpRequests.jsonBody(event).get("svar").textValue());
    }

    @Test
    void invalidBase64IsRefusedWith400() {
        APIGatewayV2HTTPEvent event = event(json(), "not base64!");
        event.setIsBase64Encoded(true);
        assertRefused(400, event);
    }

    @Test
    void missingOrMalformedBodyIsRefusedWith400() {
        assertRefused(400, event(json(), null));
        assertRefused(400, event(json(), ""));
        assertRefused(400, event(json(), "   "));
        assertRefused(400, event(json(), "{\"version\":"));
        assertRefused(400, event(json(), "{\"version\":1} {}"));
        assertRefused(400, event(json(), "{'version':1}"));
        assertRefused(400, event(json(), "{\"version\":1,\"version\":2}"));
        assertRefused(400, event(json(), "{\"text\\ud800\":\"a\"}"));
        assertRefused(400, event(json(), "[".repeat(5000)));
    }

    @Test
    void invalidUtf8IsRefusedWith400() {
        byte[] bytes = {'"', (byte) 0xC3, (byte) 0x28, '"'};
        APIGatewayV2HTTPEvent event = event(json(), Base64.getEncoder().encodeToString(bytes));
        event.setIsBase64Encoded(true);
        assertRefused(400, event);
    }

    private static void assertRefused(int status, APIGatewayV2HTTPEvent event) {
        RequestRejected rejected = assertThrows(RequestRejected.class, () -> HttpRequests.jsonBody(event));
        assertEquals(status, rejected.problem().type().status());
    }

    private static Map<String, String> json() {
        return Map.of("content-type", "application/json");
    }

    private static APIGatewayV2HTTPEvent event(Map<String, String> headers, String body) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setHeaders(new HashMap<>(headers));
        event.setBody(body);
        return event;
    }
}
