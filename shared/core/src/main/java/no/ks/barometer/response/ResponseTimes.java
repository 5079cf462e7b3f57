package no.ks.barometer.response;

import java.time.Instant;

/** The moments in a response's life; each is {@code null} until it happens. */
public record ResponseTimes(
        Instant invitedAt,
        Instant openedAt,
        Instant startedAt,
        Instant lastSavedAt,
        Instant submittedAt,
        Instant endedAt) {
}
