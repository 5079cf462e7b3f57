package no.ks.barometer.aggregation;

/** Why a segment's figures of a table are not published fresh (docs/aggregation.md). */
public enum Reason {
    BASE_BELOW_K("base-below-k", "Færre enn k svar i grunnlaget."),
    SMALL_INCREMENT("small-increment", "Færre enn k nye svar siden tallene sist ble publisert."),
    COMPLEMENT("complement", "Holdt tilbake fordi et skjult tall ellers kunne regnes ut av de publiserte.");

    private final String code;
    private final String description;

    Reason(String code, String description) {
        this.code = code;
        this.description = description;
    }

    public String code() {
        return code;
    }

    /** For readers, in Norwegian. */
    public String description() {
        return description;
    }
}
