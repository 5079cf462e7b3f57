package no.ks.barometer.mailing;

/** What the receiving side said about a mail that SES handed on, as SES event publishing reports it. */
public enum FeedbackKind {
    /** The address does not work and will not: find another recipient. */
    PERMANENT_BOUNCE("Adressen virker ikke (permanent avvist)"),
    /** The mailbox refused it for now (full, away, too large); SES gave up after retrying. */
    TRANSIENT_BOUNCE("Midlertidig avvist (for eksempel full innboks)"),
    /** SES could not tell why it bounced. */
    UNDETERMINED_BOUNCE("Avvist av ukjent grunn"),
    /** The recipient marked the mail as unwanted. */
    COMPLAINT("Mottakeren meldte e-posten som uønsket");

    private final String label;

    FeedbackKind(String label) {
        this.label = label;
    }

    /** Norwegian, for the administrator. */
    public String label() {
        return label;
    }
}
