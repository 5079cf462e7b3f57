package no.ks.barometer.mailing;

import no.ks.barometer.mail.MailSettings;
import no.ks.barometer.mail.OutgoingMail;

import java.time.Duration;
import java.util.Objects;

/**
 * How a survey's mail is sent.
 *
 * @param content         who asks and whom to contact; the contact is also every mail's {@code Reply-To}
 * @param from            the sender address (verified in SES) and name
 * @param mailsPerSecond  at most this many mails are handed to the outbox in a second: SES's sending rate for the
 *                        account, or less
 */
public record MailingSettings(MailSettings content, OutgoingMail.Sender from, double mailsPerSecond) {

    public MailingSettings {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(from, "from");
        if (!(mailsPerSecond > 0)) {
            throw new IllegalArgumentException("A send rate must be above zero, not " + mailsPerSecond);
        }
    }

    /** The least time between two mails handed to the outbox. */
    Duration interval() {
        return Duration.ofNanos(Math.round(1_000_000_000 / mailsPerSecond));
    }
}
