package no.ks.barometer.aggregation;

import java.util.Map;

/**
 * The five traditional landsdeler over the fylker of 2024 (docs/aggregation.md, which credits the division and
 * says how it differs from SSB's seven statistical landsdeler): Telemark belongs to Østlandet, Rogaland and Møre og
 * Romsdal to Vestlandet, Oslo to Østlandet.
 */
public enum Landsdel {
    OESTLANDET("ostlandet", "Østlandet"),
    SOERLANDET("sorlandet", "Sørlandet"),
    VESTLANDET("vestlandet", "Vestlandet"),
    TROENDELAG("trondelag", "Trøndelag"),
    NORD_NORGE("nord-norge", "Nord-Norge");

    private static final Map<String, Landsdel> BY_COUNTY = Map.ofEntries(
            Map.entry("03", OESTLANDET), Map.entry("31", OESTLANDET), Map.entry("32", OESTLANDET),
            Map.entry("33", OESTLANDET), Map.entry("34", OESTLANDET), Map.entry("39", OESTLANDET),
            Map.entry("40", OESTLANDET),
            Map.entry("42", SOERLANDET),
            Map.entry("11", VESTLANDET), Map.entry("15", VESTLANDET), Map.entry("46", VESTLANDET),
            Map.entry("50", TROENDELAG),
            Map.entry("18", NORD_NORGE), Map.entry("55", NORD_NORGE), Map.entry("56", NORD_NORGE));

    private final String code;
    private final String label;

    Landsdel(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** The landsdel of a fylke, by fylkesnummer; a number outside the 2024 structure is refused. */
    public static Landsdel ofCounty(String countyNumber) {
        Landsdel landsdel = BY_COUNTY.get(countyNumber);
        if (landsdel == null) {
            throw new IllegalArgumentException("Fylke " + countyNumber + " has no landsdel in the 2024 structure");
        }
        return landsdel;
    }
}
