package no.ks.barometer.mailing;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One bounce or complaint about one sent mail: the addresses it concerns, which need not be every recipient.
 *
 * @param messageId  the id the outbox gave the mail when it accepted it
 * @param feedbackId the provider's id of this report; the same report delivered again carries the same id
 * @param detail     the provider's finer reason (a bounce's subtype, a complaint's feedback type), or {@code null}
 * @param at         when the receiving side reported it
 */
public record MailFeedback(String messageId, String feedbackId, FeedbackKind kind, String detail, Instant at,
                           List<String> addresses) {

    public MailFeedback {
        requireText(messageId, "messageId");
        requireText(feedbackId, "feedbackId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        addresses = List.copyOf(addresses);
        if (addresses.isEmpty() || addresses.stream().anyMatch(address -> address == null || address.isBlank())) {
            // The addresses stay out of the message: it is logged, and the table is where addresses are kept.
            throw new IllegalArgumentException("Feedback names one or more addresses, none of them blank");
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Feedback needs a " + name);
        }
    }
}
