package no.ks.barometer.response;

/** Where an organisation's response stands (docs/data-model.md). */
public enum ResponseStatus {
    INVITED,
    OPENED,
    IN_PROGRESS,
    COMPLETED,
    DECLINED,
    WRONG_RECIPIENT;

    /** Whether answers may still be saved: a completed, declined or misdirected response is final. */
    public boolean acceptsAnswers() {
        return this == INVITED || this == OPENED || this == IN_PROGRESS;
    }
}
