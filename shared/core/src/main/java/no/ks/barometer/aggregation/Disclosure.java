package no.ks.barometer.aggregation;

/** Whether a segment's figures of a table are shown. */
public enum Disclosure {
    /** Computed for this snapshot. */
    PUBLISHED("published"),
    /** Not safe to show now: the figures last published are shown again, with the snapshot they come from. */
    CARRIED_FORWARD("carried-forward"),
    /** Not shown, and never shown before. Not zero. */
    SUPPRESSED("suppressed");

    private final String code;

    Disclosure(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
