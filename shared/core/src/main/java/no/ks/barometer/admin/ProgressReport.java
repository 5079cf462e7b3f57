package no.ks.barometer.admin;

import java.time.Instant;
import java.util.List;

/**
 * Where a survey's fieldwork stands: overall and per segment. Counts only, never answers.
 *
 * @param countedAt when the invitations were read
 */
public record ProgressReport(String surveyId, Instant countedAt, StatusCounts overall,
                             List<Segment> byOrgType, List<Segment> bySizeGroup, List<Segment> byFylke,
                             List<Segment> byLandsdel) {

    public ProgressReport {
        byOrgType = List.copyOf(byOrgType);
        bySizeGroup = List.copyOf(bySizeGroup);
        byFylke = List.copyOf(byFylke);
        byLandsdel = List.copyOf(byLandsdel);
    }

    /**
     * One group of organisations.
     *
     * @param key   stable, for machines: an organisation type code, size group or landsdel name, a fylkesnummer
     * @param label Norwegian, for people
     */
    public record Segment(String key, String label, StatusCounts counts) {
    }
}
