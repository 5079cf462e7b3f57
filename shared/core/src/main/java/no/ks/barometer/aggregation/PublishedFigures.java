package no.ks.barometer.aggregation;

import java.time.Instant;
import java.util.List;

/**
 * The figures last published for one table and segment, with the bases per organisation type they were computed
 * on. Not for readers: it is what the next snapshot's disclosure control compares with.
 */
public record PublishedFigures(String table, String segment, String snapshotId, Instant computedAt,
                               long kommuneBase, long fylkeskommuneBase, long base, List<Long> counts) {
    public PublishedFigures {
        counts = List.copyOf(counts);
    }
}
