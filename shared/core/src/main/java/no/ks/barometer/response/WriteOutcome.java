package no.ks.barometer.response;

/** What became of a conditional write on a response. */
public sealed interface WriteOutcome {

    /** The write was stored; {@code response} is the item as it is now. */
    record Written(StoredResponse response) implements WriteOutcome {
    }

    /**
     * The response was no longer as the write expected it (another write came first, it was closed, or the token
     * was revoked); {@code current} is the item as read after the refusal, {@code null} if it is gone.
     */
    record Refused(StoredResponse current) implements WriteOutcome {
    }
}
