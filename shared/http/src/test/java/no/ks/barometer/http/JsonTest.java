package no.ks.barometer.http;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonTest {

    @Test
    void wellFormedSurrogatePairsAreAccepted() {
        assertEquals("😀", Json.readStrict(bytes("\"\\ud83d\\ude00\"")).textValue());
    }

    @Test
    void loneSurrogatesAreRefusedInMemberNamesAtEveryDepth() {
        assertThrows(RequestRejected.class, () -> Json.readStrict(bytes("{\"\\ud83d\":1}")));
        assertThrows(RequestRejected.class, () -> Json.readStrict(bytes("{\"a\":[{\"b\\ude00\":1}]}")));
    }

    @Test
    void loneSurrogatesInValuesAreLeftToTheRules() {
        assertEquals("\ud83dx", Json.readStrict(bytes("{\"a\":[\"\\ud83dx\"]}")).get("a").get(0).textValue());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
