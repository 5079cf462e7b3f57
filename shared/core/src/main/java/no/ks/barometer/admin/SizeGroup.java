package no.ks.barometer.admin;

/** Organisations by population, as progress figures group them. */
public enum SizeGroup {
    UNDER_5000("under 5 000", 0),
    FROM_5000("5 000–19 999", 5_000),
    FROM_20000("20 000–49 999", 20_000),
    FROM_50000("50 000 og over", 50_000);

    private final String label;
    private final int from;

    SizeGroup(String label, int from) {
        this.label = label;
        this.from = from;
    }

    public String label() {
        return label;
    }

    public static SizeGroup of(int population) {
        SizeGroup group = UNDER_5000;
        for (SizeGroup candidate : values()) {
            if (population >= candidate.from) {
                group = candidate;
            }
        }
        return group;
    }
}
