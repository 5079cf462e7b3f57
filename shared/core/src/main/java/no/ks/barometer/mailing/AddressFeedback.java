package no.ks.barometer.mailing;

import java.time.Instant;
import java.util.Objects;

/** What was reported about one address of one organisation's mail. */
public record AddressFeedback(String orgNumber, String mailingId, String address, FeedbackKind kind, String detail,
                              Instant at) {

    public AddressFeedback {
        Objects.requireNonNull(orgNumber, "orgNumber");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
    }
}
