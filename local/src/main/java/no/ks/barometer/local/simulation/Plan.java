package no.ks.barometer.local.simulation;

/** What a simulated respondent sets out to do. */
public enum Plan {
    /** Answers every page and submits. */
    SUBMIT,
    /** Answers about half of the pages and leaves. */
    STOP_HALF_WAY,
    /** Declines at the first question. */
    DECLINE;

    /**
     * The plan of the respondent at {@code index}: per ten respondents, seven submit, two stop half way and one
     * declines, spread so that even a handful shows each kind.
     */
    static Plan forIndex(int index) {
        return switch (index % 10) {
            case 1, 6 -> STOP_HALF_WAY;
            case 3 -> DECLINE;
            default -> SUBMIT;
        };
    }
}
