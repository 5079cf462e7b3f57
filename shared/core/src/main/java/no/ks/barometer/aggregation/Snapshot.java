package no.ks.barometer.aggregation;

import java.time.Instant;
import java.util.List;

/**
 * Aggregate figures of one questionnaire version for KS, with disclosure control applied (docs/aggregation.md).
 * Never holds open text or other-specify texts.
 *
 * @param completed  completed responses in all, null when that figure is not published fresh
 * @param k          the smallest base published
 * @param tables     participation first, then every single and multiple question and grid row, in order
 * @param withheld   every segment figure not published fresh, and why
 */
public record Snapshot(int formatVersion, String snapshotId, Instant computedAt, String questionnaireId,
                       int questionnaireVersion, Long completed, int k, List<SegmentInfo> segments,
                       List<ResponseRate> responseRates, List<Table> tables, List<Withheld> withheld) {
    public static final int FORMAT_VERSION = 1;

    public Snapshot {
        segments = List.copyOf(segments);
        responseRates = List.copyOf(responseRates);
        tables = List.copyOf(tables);
        withheld = List.copyOf(withheld);
    }
}
