package no.ks.barometer.snapshot;

import java.time.Instant;
import java.util.Objects;

/**
 * What is known of a stored snapshot without reading its body.
 *
 * @param completed    the completed count as published in the snapshot; null when it is not published fresh
 * @param etag         the entity tag of the snapshot's JSON, quoted, as HTTP sends it
 * @param sourceDigest a digest of what was read (every organisation, its status and its response's version), so
 *                     that a scheduled run that would read the same partition again writes nothing
 * @param surveyOpen   whether the survey took answers when it was computed; a closed survey gets one more
 *                     snapshot after the last one computed while it was open
 */
public record SnapshotHeader(String snapshotId, Instant computedAt, String questionnaireId, int questionnaireVersion,
                             Long completed, String etag, String sourceDigest, boolean surveyOpen) {
    public SnapshotHeader {
        Objects.requireNonNull(snapshotId, "snapshotId");
        Objects.requireNonNull(computedAt, "computedAt");
        Objects.requireNonNull(questionnaireId, "questionnaireId");
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(sourceDigest, "sourceDigest");
    }
}
