package no.ks.barometer.response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Equal hashes for equal request bodies, to recognise a repeated write ({@link LastWrite#bodyHash()}). */
public final class Fingerprints {

    private static final ObjectWriter CANONICAL = new ObjectMapper()
            .configure(JsonNodeFeature.WRITE_PROPERTIES_SORTED, true)
            .writer();

    private Fingerprints() {
    }

    /** The same bytes for the same JSON whatever the order of its object members. */
    public static byte[] canonical(JsonNode node) {
        try {
            return CANONICAL.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always serialises", e);
        }
    }

    /** Hex SHA-256 of the canonical form. */
    public static String of(JsonNode node) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical(node)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
