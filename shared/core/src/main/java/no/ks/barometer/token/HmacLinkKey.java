package no.ks.barometer.token;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

/** A link key held in this process's memory: the local stack's key file, or a key that lives only as long as the process. */
public final class HmacLinkKey implements LinkKey {

    /** As long as the HMAC-SHA-256 output; KMS's HMAC_256 keys have the same length. */
    public static final int KEY_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public HmacLinkKey(byte[] key) {
        if (key.length < KEY_BYTES) {
            throw new IllegalArgumentException("A link key needs " + KEY_BYTES + " bytes, not " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /**
     * A key nobody else has and that is gone when the process ends: its links work, but can never be derived
     * again, exactly like random tokens.
     */
    public static HmacLinkKey ephemeral() {
        byte[] bytes = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(bytes);
        return new HmacLinkKey(bytes);
    }

    @Override
    public byte[] mac(byte[] message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has " + ALGORITHM, e);
        }
    }
}
