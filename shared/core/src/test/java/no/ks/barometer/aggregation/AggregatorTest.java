package no.ks.barometer.aggregation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import no.ks.barometer.questionnaire.OrgType;
import no.ks.barometer.response.ResponseStatus;
import org.junit.jupiter.api.Test;

/** Every figure of a snapshot of {@link HandSet}, counted by hand; k = 1, so that only empty bases are withheld. */
class AggregatorTest {
    private static final Instant NOW = Instant.parse("2024-09-02T09:15:22.120Z");

    /**
     * Per table, per segment in the order alle, kommune, fylkeskommune, the four size groups, Østlandet,
     * Sørlandet, Vestlandet, Trøndelag, Nord-Norge: "base:count,count,…" in category order. "empty" is a base of
     * zero where someone who could answer was invited: withheld as below k. Where no one who could answer was
     * invited (nobody in Trøndelag; no fylkeskommune in the size groups or Sørlandet), the zeros are published.
     */
    private static final Map<String, List<String>> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("participation", List.of("8:6,1,1", "6:4,1,1", "2:2,0,0", "1:1,0,0", "1:1,0,0", "2:1,1,0",
                "2:1,0,1", "2:0,1,1", "empty", "3:3,0,0", "0:0,0,0", "3:3,0,0"));
        EXPECTED.put("Q0", List.of("6:6", "4:4", "2:2", "1:1", "1:1", "1:1", "1:1", "empty", "empty", "3:3",
                "0:0", "3:3"));
        EXPECTED.put("QA", List.of("6:4,1,1", "4:3,1,0", "2:1,0,1", "1:0,1,0", "1:1,0,0", "1:1,0,0", "1:1,0,0",
                "empty", "empty", "3:2,1,0", "0:0,0,0", "3:2,0,1"));
        EXPECTED.put("QB", List.of("4:1,2,1,0,1,1,1", "3:1,2,0,0,1,1,0", "1:0,0,1,0,0,0,1", "empty",
                "1:0,0,0,0,1,0,0", "1:0,1,0,0,0,1,0", "1:1,1,0,0,0,0,0", "empty", "empty", "2:1,1,1,0,0,0,1",
                "0:0,0,0,0,0,0,0", "2:0,1,0,0,1,1,0"));
        EXPECTED.put("QC", List.of("3:0,2,1,0", "2:0,2,0,0", "1:0,0,1,0", "empty", "empty", "1:0,1,0,0",
                "1:0,1,0,0", "empty", "empty", "2:0,1,1,0", "0:0,0,0,0", "1:0,1,0,0"));
        EXPECTED.put("QD#1", List.of("2:1,1", "2:1,1", "0:0,0", "empty", "empty", "1:0,1", "1:1,0", "empty",
                "empty", "1:1,0", "0:0,0", "1:0,1"));
        EXPECTED.put("QD#2", List.of("1:1,0", "0:0,0", "1:1,0", "0:0,0", "0:0,0", "0:0,0", "0:0,0", "empty",
                "0:0,0", "1:1,0", "0:0,0", "empty"));
        EXPECTED.put("QD#3", List.of("3:1,2", "2:0,2", "1:1,0", "empty", "empty", "1:0,1", "1:0,1", "empty",
                "empty", "2:1,1", "0:0,0", "1:0,1"));
    }

    private static Snapshot snapshot() {
        return new DisclosureControl(1).publish(HandSet.counts(), PublicationState.none(), "s1", NOW).snapshot();
    }

    @Test
    void everyBaseAndCountIsTheHandCountedOne() {
        Map<String, List<String>> actual = new LinkedHashMap<>();
        for (Table table : snapshot().tables()) {
            List<String> segments = new ArrayList<>();
            for (SegmentFigures figures : table.segments()) {
                if (figures.disclosure() == Disclosure.SUPPRESSED) {
                    assertEquals(Reason.BASE_BELOW_K, figures.reason(), table.key() + " " + figures.segment());
                    segments.add("empty");
                } else {
                    assertEquals(Disclosure.PUBLISHED, figures.disclosure(), table.key() + " " + figures.segment());
                    segments.add(figures.base() + ":" + figures.figures().stream()
                            .map(f -> String.valueOf(f.count())).collect(Collectors.joining(",")));
                }
            }
            actual.put(table.key(), segments);
        }
        assertEquals(EXPECTED, actual);
    }

    @Test
    void openTextAndOtherTextsAreNeverInASnapshot() {
        String json = SnapshotJson.write(snapshot()).toString();
        for (String text : List.of("Fritekst telles aldri", "Mer tid", "Beskrivelse", "Kort", "Egen måte")) {
            assertEquals(-1, json.indexOf(text), text);
        }
        assertEquals(List.of("participation", "Q0", "QA", "QB", "QC", "QD#1", "QD#2", "QD#3"),
                snapshot().tables().stream().map(Table::key).toList());
    }

    @Test
    void sharesAreOfTheBaseAndOfRespondentsForMultipleChoice() {
        Table qa = table("QA");
        assertEquals(List.of(0.6667, 0.1667, 0.1667), shares(qa, Segment.ALL));
        Table qb = table("QB");
        assertEquals(true, qb.perChoice());
        assertEquals(List.of(0.25, 0.5, 0.25, 0.0, 0.25, 0.25, 0.25), shares(qb, Segment.ALL));
        assertEquals(List.of(0.5, 0.5), shares(table("QD#1"), Segment.KOMMUNE));
        assertEquals(null, table("QB").segments().get(Segment.TROENDELAG.ordinal()).figures().getFirst().share(),
                "Trøndelag has no one invited: its zeros are published, without shares");
    }

    @Test
    void dontKnowAndOrganisationTypesAreMarkedOnTheCategories() {
        List<Category> categories = table("QB").categories();
        assertEquals(List.of("5"), categories.stream().filter(Category::dontKnow).map(Category::code).toList());
        assertEquals(Set.of(OrgType.KOMMUNE), categories.get(5).orgTypes());
        assertEquals(Set.of(OrgType.FYLKESKOMMUNE), categories.get(6).orgTypes());
        assertEquals(Set.of(OrgType.KOMMUNE), table("QD#1").categories().getFirst().orgTypes());
        assertEquals(List.of("1"), table("Q0").categories().stream().map(Category::code).toList());
    }

    @Test
    void responseRatesAreCompletedAgainstInvitedPerSegment() {
        Snapshot snapshot = snapshot();
        assertEquals(6L, snapshot.completed());
        ResponseRate all = snapshot.responseRates().get(Segment.ALL.ordinal());
        assertEquals(new ResponseRate("alle", 10, 6L, 0.6), all);
        assertEquals(new ResponseRate("fylkeskommune", 3, 2L, 0.6667),
                snapshot.responseRates().get(Segment.FYLKESKOMMUNE.ordinal()));
        assertEquals(new ResponseRate("landsdel-trondelag", 0, 0L, null),
                snapshot.responseRates().get(Segment.TROENDELAG.ordinal()));
        assertEquals(List.of(10L, 7L, 3L, 1L, 2L, 2L, 2L, 3L, 1L, 3L, 0L, 3L),
                snapshot.segments().stream().map(SegmentInfo::invited).toList());
    }

    @Test
    void aCompletedResponseOfAnotherVersionIsRefused() {
        Aggregator aggregator = new Aggregator(HandSet.LAYOUT);
        ResponseRecord other = HandSet.completed(HandSet.kommune("4601", "46", 1_000), "Q0", HandSet.one(1));
        ResponseRecord pinnedElsewhere = new ResponseRecord(other.organisation(), ResponseStatus.COMPLETED, 2,
                other.answers());
        assertThrows(IllegalArgumentException.class, () -> aggregator.accept(pinnedElsewhere));
    }

    private static Table table(String key) {
        return snapshot().tables().stream().filter(t -> t.key().equals(key)).findFirst().orElseThrow();
    }

    private static List<Double> shares(Table table, Segment segment) {
        return table.segments().get(segment.ordinal()).figures().stream().map(Figure::share).toList();
    }
}
