package no.ks.barometer.mail;

import java.util.List;
import java.util.Objects;

/**
 * One mail on its way out: to every contact of one organisation at once (they share the organisation's one link
 * and the one claim that keeps the mail from going out twice).
 *
 * @param reference names the mail among others ({@code <mailingId>-<orgNumber>}); the local outbox's file name
 * @param replyTo   the survey's contact, whom a reply reaches
 */
public record OutgoingMail(String reference, Sender from, List<String> to, String replyTo, RenderedMail content) {

    public OutgoingMail {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(replyTo, "replyTo");
        Objects.requireNonNull(content, "content");
        to = List.copyOf(to);
        if (to.isEmpty()) {
            throw new IllegalArgumentException("A mail needs at least one recipient");
        }
    }

    /** Whom the mail says it is from: an address the sending service is allowed to send from, and a name. */
    public record Sender(String address, String name) {

        public Sender {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(name, "name");
        }
    }
}
