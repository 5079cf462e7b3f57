package no.ks.barometer.token;

/**
 * The secret that respondent links are derived from: an HMAC key. In AWS it never leaves KMS (the mailer asks KMS
 * for each MAC); locally it is a key file. Whoever holds it can make every link, so nothing stored in the table
 * is enough to make one (docs/decisions/0010-derived-tokens.md).
 */
public interface LinkKey {

    /** The HMAC-SHA-256 of {@code message} under this key: 32 bytes. */
    byte[] mac(byte[] message);
}
