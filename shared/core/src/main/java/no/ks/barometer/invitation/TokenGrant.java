package no.ks.barometer.invitation;

import java.time.Instant;

/**
 * A link as stored: the SHA-256 of its token, the generation the token is derived from, and when it stops working.
 */
public record TokenGrant(String hash, long generation, Instant expiresAt) {
}
