package no.ks.barometer.rules;

public enum Completion {
    /** A visible page is not done yet. */
    IN_PROGRESS,
    /** Every visible page is done: the response can be submitted. */
    COMPLETE,
    /** An option that declines to take part was chosen. */
    DECLINED,
    /** An option saying the questionnaire reached the wrong organisation was chosen. */
    WRONG_RECIPIENT
}
