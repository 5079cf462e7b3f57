package no.ks.barometer.response;

import java.time.Instant;

/** Completing a response read at {@code expectedVersion}; after it the response is read-only. */
public record Submission(long expectedVersion, Instant now, LastWrite lastWrite) {
}
