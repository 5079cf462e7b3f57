package no.ks.barometer.aggregation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.TreeMap;
import no.ks.barometer.invitation.Organisation;
import no.ks.barometer.register.Register;
import no.ks.barometer.response.ResponseStatus;
import org.junit.jupiter.api.Test;

class SegmentTest {

    @Test
    void everyFylkeOfTheRegisterHasItsLandsdel() {
        Map<String, String> byCounty = new TreeMap<>();
        for (Organisation organisation : Register.standard().all()) {
            byCounty.put(organisation.countyNumber(), Landsdel.ofCounty(organisation.countyNumber()).label());
        }
        assertEquals(Map.ofEntries(Map.entry("03", "Østlandet"), Map.entry("11", "Vestlandet"),
                Map.entry("15", "Vestlandet"), Map.entry("18", "Nord-Norge"), Map.entry("31", "Østlandet"),
                Map.entry("32", "Østlandet"), Map.entry("33", "Østlandet"), Map.entry("34", "Østlandet"),
                Map.entry("39", "Østlandet"), Map.entry("40", "Østlandet"), Map.entry("42", "Sørlandet"),
                Map.entry("46", "Vestlandet"), Map.entry("50", "Trøndelag"), Map.entry("55", "Nord-Norge"),
                Map.entry("56", "Nord-Norge")), byCounty);
        assertThrows(IllegalArgumentException.class, () -> Landsdel.ofCounty("19"));
    }

    @Test
    void sizeGroupsHaveTheirBoundsWhereTheIssueSetsThem() {
        assertEquals(SizeGroup.UNDER_5000, SizeGroup.of(4_999));
        assertEquals(SizeGroup.FROM_5000, SizeGroup.of(5_000));
        assertEquals(SizeGroup.FROM_5000, SizeGroup.of(19_999));
        assertEquals(SizeGroup.FROM_20000, SizeGroup.of(20_000));
        assertEquals(SizeGroup.FROM_20000, SizeGroup.of(49_999));
        assertEquals(SizeGroup.FROM_50000, SizeGroup.of(50_000));
    }

    @Test
    void everyOrganisationOfTheRegisterFallsInTheSegmentsItBelongsTo() {
        Aggregator aggregator = new Aggregator(HandSet.LAYOUT);
        Register.standard().all().forEach(o -> aggregator.accept(HandSet.record(o, ResponseStatus.INVITED)));
        Counts counts = aggregator.counts();
        assertEquals(371, counts.invited(Segment.ALL));
        assertEquals(357, counts.invited(Segment.KOMMUNE));
        assertEquals(14, counts.invited(Segment.FYLKESKOMMUNE));
        assertEquals(357, counts.invited(Segment.KOMMUNE_UNDER_5000) + counts.invited(Segment.KOMMUNE_5000_19999)
                + counts.invited(Segment.KOMMUNE_20000_49999) + counts.invited(Segment.KOMMUNE_50000_AND_OVER));
        assertEquals(371, counts.invited(Segment.OESTLANDET) + counts.invited(Segment.SOERLANDET)
                + counts.invited(Segment.VESTLANDET) + counts.invited(Segment.TROENDELAG)
                + counts.invited(Segment.NORD_NORGE));
    }
}
