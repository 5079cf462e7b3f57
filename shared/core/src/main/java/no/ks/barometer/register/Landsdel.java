package no.ks.barometer.register;

import java.util.Map;
import java.util.Optional;

/**
 * The five traditional parts of the country, by fylke (2024 structure). Møre og Romsdal counts as Vestlandet, as
 * in the traditional division; progress figures group organisations by it.
 */
public enum Landsdel {
    OESTLANDET("Østlandet"),
    SOERLANDET("Sørlandet"),
    VESTLANDET("Vestlandet"),
    TROENDELAG("Trøndelag"),
    NORD_NORGE("Nord-Norge");

    private static final Map<String, Landsdel> BY_FYLKE = Map.ofEntries(
            Map.entry("03", OESTLANDET),
            Map.entry("31", OESTLANDET),
            Map.entry("32", OESTLANDET),
            Map.entry("33", OESTLANDET),
            Map.entry("34", OESTLANDET),
            Map.entry("39", OESTLANDET),
            Map.entry("40", OESTLANDET),
            Map.entry("42", SOERLANDET),
            Map.entry("11", VESTLANDET),
            Map.entry("46", VESTLANDET),
            Map.entry("15", VESTLANDET),
            Map.entry("50", TROENDELAG),
            Map.entry("18", NORD_NORGE),
            Map.entry("55", NORD_NORGE),
            Map.entry("56", NORD_NORGE));

    private final String label;

    Landsdel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The landsdel of a fylke, by fylkesnummer; empty for a number that is not a fylke of the 2024 structure. */
    public static Optional<Landsdel> ofFylke(String fylkesnummer) {
        return Optional.ofNullable(BY_FYLKE.get(fylkesnummer));
    }
}
