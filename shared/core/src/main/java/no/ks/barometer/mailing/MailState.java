package no.ks.barometer.mailing;

/** Where one organisation's mail of one mailing stands. */
public enum MailState {
    /** Claimed by a sender, which then hands it to the outbox; left so only if that sender died in between. */
    CLAIMED,
    /** The outbox accepted it. */
    SENT
}
