package no.ks.barometer.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Respondent tokens: 128 bits, written URL-safe so they fit in a link's fragment. A respondent's token is derived
 * from the {@link LinkKey} (an HMAC of survey, organisation and link generation), so the mailer can make the same
 * link again without anything readable being stored; other tokens (the local stack's admin token) are random.
 * Only the SHA-256 of a token is ever stored; a token needs no slow hash because it is as good as random, not
 * chosen by a person.
 */
public final class Tokens {

    /** 16 bytes in base64url without padding. */
    public static final int LENGTH = 22;
    private static final int BYTES = 16;
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{" + LENGTH + "}");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Names what the MAC is for, so that the same key could never make a link by accident for anything else. */
    private static final byte[] LINK_DOMAIN = "barometer-respondent-link-v1".getBytes(StandardCharsets.US_ASCII);

    private Tokens() {
    }

    public static String newToken() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }

    /**
     * The token of one organisation's link in one survey at one link generation: the first 128 bits of the key's
     * HMAC over the three, each length-prefixed so that no two different triples give the same message.
     */
    public static String derive(LinkKey key, String surveyId, String orgNumber, long generation) {
        byte[] mac = key.mac(linkMessage(surveyId, orgNumber, generation));
        if (mac.length < BYTES) {
            throw new IllegalStateException("A link key's MAC has " + mac.length + " bytes; a token needs " + BYTES);
        }
        return ENCODER.encodeToString(Arrays.copyOf(mac, BYTES));
    }

    private static byte[] linkMessage(String surveyId, String orgNumber, long generation) {
        byte[][] fields = {
                LINK_DOMAIN,
                surveyId.getBytes(StandardCharsets.UTF_8),
                orgNumber.getBytes(StandardCharsets.UTF_8),
                Long.toString(generation).getBytes(StandardCharsets.US_ASCII)};
        ByteBuffer message = ByteBuffer.allocate(Arrays.stream(fields).mapToInt(f -> Integer.BYTES + f.length).sum());
        for (byte[] field : fields) {
            message.putInt(field.length).put(field);
        }
        return message.array();
    }

    /**
     * Whether the text could be a token at all, so that garbage is refused without a database look-up. The last
     * character of 128 bits in base64url carries only two bits, but any of the alphabet is let through: the
     * look-up answers such a token exactly as an unknown one.
     */
    public static boolean isWellFormed(String token) {
        return token != null && WELL_FORMED.matcher(token).matches();
    }

    /** Lower-case hex SHA-256 of the token's ASCII text: the key a token is stored and found under. */
    public static String hash(String token) {
        return HexFormat.of().formatHex(sha256().digest(token.getBytes(StandardCharsets.US_ASCII)));
    }

    /** Compares two hashes in time independent of where they differ. */
    public static boolean sameHash(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
