package no.ks.barometer.aggregation;

import static no.ks.barometer.aggregation.HandSet.completed;
import static no.ks.barometer.aggregation.HandSet.fylkeskommune;
import static no.ks.barometer.aggregation.HandSet.kommune;
import static no.ks.barometer.aggregation.HandSet.one;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DisclosureControlTest {
    private static final Instant T1 = Instant.parse("2024-09-02T09:00:00.000Z");
    private static final Instant T2 = Instant.parse("2024-09-03T09:00:00.000Z");
    private static final Instant T3 = Instant.parse("2024-09-04T09:00:00.000Z");
    private static final DisclosureControl K5 = new DisclosureControl(DisclosureControl.DEFAULT_K);

    /** Six kommuner, one in each of six size-and-landsdel atoms, and one fylkeskommune; all answer QA = 1. */
    private static List<ResponseRecord> sixKommunerAndOneFylkeskommune() {
        List<ResponseRecord> responses = new ArrayList<>();
        String[][] kommuner = {{"4601", "46", "3000"}, {"4602", "46", "12000"}, {"1801", "18", "30000"},
                {"1802", "18", "60000"}, {"5001", "50", "3000"}, {"4201", "42", "12000"}};
        for (String[] k : kommuner) {
            responses.add(completed(kommune(k[0], k[1], Integer.parseInt(k[2])), "Q0", one(1), "QA", one(1)));
        }
        responses.add(completed(fylkeskommune("46"), "Q0", one(1), "QA", one(2)));
        return responses;
    }

    private static Counts counts(List<ResponseRecord> responses) {
        Aggregator aggregator = new Aggregator(HandSet.LAYOUT);
        responses.forEach(aggregator::accept);
        return aggregator.counts();
    }

    private static SegmentFigures figures(Snapshot snapshot, String table, Segment segment) {
        return snapshot.tables().stream().filter(t -> t.key().equals(table)).findFirst().orElseThrow()
                .segments().get(segment.ordinal());
    }

    @Test
    void aBaseBelowKIsSuppressedAndItsComplementWithheld() {
        Snapshot snapshot = K5.publish(counts(sixKommunerAndOneFylkeskommune()), PublicationState.none(), "s1", T1)
                .snapshot();
        assertEquals(Reason.BASE_BELOW_K, figures(snapshot, "QA", Segment.FYLKESKOMMUNE).reason());
        assertEquals(Disclosure.SUPPRESSED, figures(snapshot, "QA", Segment.FYLKESKOMMUNE).disclosure());
        SegmentFigures kommune = figures(snapshot, "QA", Segment.KOMMUNE);
        assertEquals(Disclosure.SUPPRESSED, kommune.disclosure(), "all − kommune would give the fylkeskommune");
        assertEquals(Reason.COMPLEMENT, kommune.reason());
        assertNull(kommune.base());
        assertEquals(Disclosure.PUBLISHED, figures(snapshot, "QA", Segment.ALL).disclosure());
        assertEquals(7L, figures(snapshot, "QA", Segment.ALL).base());
        assertEquals(List.of(new Withheld("QA", "kommune", Disclosure.SUPPRESSED, Reason.COMPLEMENT)),
                snapshot.withheld().stream().filter(w -> w.table().equals("QA") && w.reason() == Reason.COMPLEMENT)
                        .toList());
    }

    @Test
    void everySuppressedFigureIsListedAsWithheld() {
        Snapshot snapshot = K5.publish(counts(sixKommunerAndOneFylkeskommune()), PublicationState.none(), "s1", T1)
                .snapshot();
        long notPublished = snapshot.tables().stream().flatMap(t -> t.segments().stream())
                .filter(f -> f.disclosure() != Disclosure.PUBLISHED).count();
        assertEquals(notPublished, snapshot.withheld().size());
    }

    @Test
    void fewerThanKNewResponsesCarryTheLastPublishedFiguresForward() {
        List<ResponseRecord> responses = sixKommunerAndOneFylkeskommune();
        Publication first = K5.publish(counts(responses), PublicationState.none(), "s1", T1);
        responses.add(completed(kommune("4603", "46", 3000), "Q0", one(1), "QA", one(3)));
        Publication second = K5.publish(counts(responses), first.state(), "s2", T2);

        SegmentFigures all = figures(second.snapshot(), "QA", Segment.ALL);
        assertEquals(Disclosure.CARRIED_FORWARD, all.disclosure());
        assertEquals(Reason.SMALL_INCREMENT, all.reason());
        assertEquals("s1", all.fromSnapshot());
        assertEquals(T1, all.fromComputedAt());
        assertEquals(7L, all.base(), "the figures readers saw, not the new ones");
        assertNull(second.snapshot().completed());

        for (int i = 0; i < 4; i++) {
            responses.add(completed(kommune("460" + (4 + i), "46", 3000), "Q0", one(1), "QA", one(1)));
        }
        Snapshot third = K5.publish(counts(responses), second.state(), "s3", T3).snapshot();
        SegmentFigures allNow = figures(third, "QA", Segment.ALL);
        assertEquals(Disclosure.PUBLISHED, allNow.disclosure(), "five more since the figures readers saw");
        assertEquals(12L, allNow.base());
        assertEquals(List.of(10L, 1L, 1L), allNow.figures().stream().map(Figure::count).toList());
    }

    @Test
    void kIsConfigurableAndAtLeastOne() {
        assertThrows(IllegalArgumentException.class, () -> new DisclosureControl(0));
        Snapshot snapshot = new DisclosureControl(8)
                .publish(counts(sixKommunerAndOneFylkeskommune()), PublicationState.none(), "s1", T1).snapshot();
        assertEquals(8, snapshot.k());
        assertEquals(Reason.BASE_BELOW_K, figures(snapshot, "QA", Segment.ALL).reason());
    }
}
