package no.ks.barometer.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
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

    /** Bytes that are not UTF-8: a byte never used, an overlong '/', a lone continuation, a surrogate, a cut end. */
    static final List<byte[]> NOT_UTF8 = List.of(
            new byte[] {(byte) 0xFF},
            new byte[] {(byte) 0xC0, (byte) 0xAF},
            new byte[] {(byte) 0x80},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0xC3});

    private static byte[] pageWithText(byte[] inside) {
        byte[] start = "{\"version\":3,\"answers\":{\"Q28\":{\"text\":\"a".getBytes(StandardCharsets.US_ASCII);
        byte[] end = "b\"}}}".getBytes(StandardCharsets.US_ASCII);
        byte[] body = Arrays.copyOf(start, start.length + inside.length + end.length);
        System.arraycopy(inside, 0, body, start.length, inside.length);
        System.arraycopy(end, 0, body, start.length + inside.length, end.length);
        return body;
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedWith400WhenTheBodyIsBase64Encoded() {
        for (byte[] bad : NOT_UTF8) {
            APIGatewayV2HTTPEvent event = event(json(), Base64.getEncoder().encodeToString(pageWithText(bad)));
            event.setIsBase64Encoded(true);
            assertRefused(400, event, HexFormat.of().formatHex(bad));
        }
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedWith400WhenTheyArriveDecodedAsText() {
        // A text body reaches the function already decoded; bytes that were not UTF-8 are left as U+FFFD.
        for (byte[] bad : NOT_UTF8) {
            String decoded = new String(pageWithText(bad), StandardCharsets.UTF_8);
            assertRefused(400, event(json(), decoded), HexFormat.of().formatHex(bad));
        }
    }

    @Test
    void textBodyWithALoneSurrogateIsRefusedWith400() {
        assertRefused(400, event(json(), "{\"version\":3,\"answers\":{\"Q28\":{\"text\":\"a\uD800b\"}}}"));
    }

    @Test
    void replacementCharacterIsRefusedInEitherEncodingSinceItIsWhatALossyDecodingLeaves() {
        byte[] body = "{\"text\":\"a\uFFFDb\"}".getBytes(StandardCharsets.UTF_8);
        APIGatewayV2HTTPEvent encoded = event(json(), Base64.getEncoder().encodeToString(body));
        encoded.setIsBase64Encoded(true);
        assertRefused(400, encoded, "base64");
        assertRefused(400, event(json(), new String(body, StandardCharsets.UTF_8)), "text");
    }

    @Test
    void wellFormedTextOutsideAsciiIsAcceptedInEitherEncoding() {
        String text = "{\"text\":\"Østfold 😀 æøå\"}";
        APIGatewayV2HTTPEvent encoded = event(json(),
                Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
        encoded.setIsBase64Encoded(true);
        assertEquals("Østfold 😀 æøå", HttpRequests.jsonBody(encoded).get("text").textValue());
        assertEquals("Østfold 😀 æøå", HttpRequests.jsonBody(event(json(), text)).get("text").textValue());
    }

    private static void assertRefused(int status, APIGatewayV2HTTPEvent event, String what) {
        RequestRejected rejected = assertThrows(RequestRejected.class, () -> HttpRequests.jsonBody(event), what);
        assertEquals(status, rejected.problem().type().status(), what);
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
