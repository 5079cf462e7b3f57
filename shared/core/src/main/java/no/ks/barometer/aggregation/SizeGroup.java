package no.ks.barometer.aggregation;

/** The four size groups of kommuner by population. */
public enum SizeGroup {
    UNDER_5000("under-5000", "Under 5 000 innbyggere", 0),
    FROM_5000("5000-19999", "5 000–19 999 innbyggere", 5_000),
    FROM_20000("20000-49999", "20 000–49 999 innbyggere", 20_000),
    FROM_50000("50000-og-over", "50 000 innbyggere og over", 50_000);

    private final String code;
    private final String label;
    private final int from;

    SizeGroup(String code, String label, int from) {
        this.code = code;
        this.label = label;
        this.from = from;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static SizeGroup of(int population) {
        SizeGroup[] groups = values();
        for (int i = groups.length - 1; i > 0; i--) {
            if (population >= groups[i].from) {
                return groups[i];
            }
        }
        return UNDER_5000;
    }
}
