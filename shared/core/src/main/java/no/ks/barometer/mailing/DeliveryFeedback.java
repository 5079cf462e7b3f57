package no.ks.barometer.mailing;

/**
 * Marks a sent mail with a bounce or complaint about it. The same report delivered again changes nothing, so the
 * event source may deliver it as often as it likes.
 */
public final class DeliveryFeedback {

    /** What became of one report. */
    public enum Outcome {
        RECORDED,
        /** This report was recorded before: a redelivery. */
        ALREADY_RECORDED,
        /** No sent mail has the report's message id: mail from elsewhere, or from another stack. */
        UNKNOWN_MAIL
    }

    private final FeedbackStore store;

    public DeliveryFeedback(FeedbackStore store) {
        this.store = store;
    }

    public Outcome record(MailFeedback feedback) {
        return store.sentMail(feedback.messageId())
                .map(mail -> store.record(mail, feedback) ? Outcome.RECORDED : Outcome.ALREADY_RECORDED)
                .orElse(Outcome.UNKNOWN_MAIL);
    }
}
