package no.ks.barometer.aggregation;

import java.time.Instant;
import java.util.List;

/**
 * A table's figures for one segment.
 *
 * @param reason         why they are not published fresh; null when published
 * @param fromSnapshot   the snapshot carried-forward figures come from; null otherwise
 * @param fromComputedAt when that snapshot was computed; null otherwise
 * @param base           the number of completed responses that were shown the question and answered it (for the
 *                       participation table, the organisations that completed, declined or said wrong recipient);
 *                       null when suppressed
 * @param figures        one per category, in the table's order; empty when suppressed
 */
public record SegmentFigures(String segment, Disclosure disclosure, Reason reason, String fromSnapshot,
                             Instant fromComputedAt, Long base, List<Figure> figures) {
    public SegmentFigures {
        figures = List.copyOf(figures);
    }
}
