package no.ks.barometer.response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class FingerprintsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void canonicalFormIgnoresMemberOrderAtEveryDepth() throws IOException {
        String a = new String(Fingerprints.canonical(read("{\"b\":{\"y\":1,\"x\":[2,{\"q\":1,\"p\":2}]},\"a\":1}")),
                StandardCharsets.UTF_8);
        String b = new String(Fingerprints.canonical(read("{\"a\":1,\"b\":{\"x\":[2,{\"p\":2,\"q\":1}],\"y\":1}}")),
                StandardCharsets.UTF_8);
        assertEquals("{\"a\":1,\"b\":{\"x\":[2,{\"p\":2,\"q\":1}],\"y\":1}}", a);
        assertEquals(a, b);
    }

    @Test
    void fingerprintsDifferWhenAValueDiffersButNotWhenOnlyTheOrderDoes() throws IOException {
        assertEquals(Fingerprints.of(read("{\"a\":1,\"b\":2}")), Fingerprints.of(read("{\"b\":2,\"a\":1}")));
        assertNotEquals(Fingerprints.of(read("{\"a\":1,\"b\":2}")), Fingerprints.of(read("{\"a\":1,\"b\":3}")));
    }

    private static JsonNode read(String text) throws IOException {
        return JSON.readTree(text);
    }
}
