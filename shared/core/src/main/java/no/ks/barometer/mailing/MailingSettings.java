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
 * @param mailsPerSecond  at most this many mails are handed to the outbox in a second, as configured; a run paces at
 *                        the account's rate instead when that is lower ({@link #rateWithin})
 */
public record MailingSettings(MailSettings content, OutgoingMail.Sender from, double mailsPerSecond) {

    public MailingSettings {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(from, "from");
        interval(mailsPerSecond);
    }

    /**
     * The rate to send at under the account's quota: the configured rate, or the account's when that is lower.
     * Refuses an account that may not send, since every mail of the run would be refused.
     */
    public double rateWithin(SendingQuota quota) {
        if (!quota.sendingEnabled()) {
            throw new SendingDisabledException();
        }
        return Math.min(mailsPerSecond, quota.maxSendRate());
    }

    /** The least time between two mails handed to the outbox at this rate, which must be above zero. */
    static Duration interval(double mailsPerSecond) {
        if (!(mailsPerSecond > 0)) {
            throw new IllegalArgumentException("A send rate must be above zero, not " + mailsPerSecond);
        }
        return Duration.ofNanos(Math.round(1_000_000_000 / mailsPerSecond));
    }
}
