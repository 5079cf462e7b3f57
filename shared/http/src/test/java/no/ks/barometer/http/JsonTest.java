package no.ks.barometer.http;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonTest {

    @Test
    void canonicalFormIgnoresMemberOrderAtEveryDepth() {
        String a = new String(Json.canonical(Json.readStrict(bytes("{\"b\":{\"y\":1,\"x\":[2,{\"q\":1,\"p\":2}]},\"a\":1}"))),
                StandardCharsets.UTF_8);
        String b = new String(Json.canonical(Json.readStrict(bytes("{\"a\":1,\"b\":{\"x\":[2,{\"p\":2,\"q\":1}],\"y\":1}}"))),
                StandardCharsets.UTF_8);
        assertEquals("{\"a\":1,\"b\":{\"x\":[2,{\"p\":2,\"q\":1}],\"y\":1}}", a);
        assertEquals(a, b);
    }

    @Test
    void wellFormedSurrogatePairsAreAccepted() {
        assertEquals("😀", Json.readStrict(bytes("\"\\ud83d\\ude00\"")).textValue());
    }

    @Test
    void loneSurrogatesAreRefusedInValuesAndKeys() {
        assertThrows(RequestRejected.class, () -> Json.readStrict(bytes("{\"a\":[\"\\ude00\"]}")));
        assertThrows(RequestRejected.class, () -> Json.readStrict(bytes("{\"\\ud83d\":1}")));
        assertThrows(RequestRejected.class, () -> Json.readStrict(bytes("\"\\ud83dx\"")));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
