package no.ks.barometer.invitation;

import java.time.Instant;

/** A token as stored: its SHA-256 and when it stops working. */
public record TokenGrant(String hash, Instant expiresAt) {
}
