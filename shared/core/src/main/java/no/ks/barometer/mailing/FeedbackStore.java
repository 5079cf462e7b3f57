package no.ks.barometer.mailing;

import java.util.Optional;

/**
 * Where bounces and complaints are kept: on the mail they are about. The DynamoDB implementation is
 * {@code store.DynamoMailFeedback}, which finds a mail by its message id through the table's second index.
 */
public interface FeedbackStore {

    /** The sent mail the outbox gave this id, if any. */
    Optional<SentMail> sentMail(String messageId);

    /** Adds the feedback to the mail; false, and nothing changed, if this report was recorded already. */
    boolean record(SentMail mail, MailFeedback feedback);
}
