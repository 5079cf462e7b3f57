package no.ks.barometer.snapshot;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where snapshots are kept. A snapshot is immutable once written, and becomes the survey's latest only when it is
 * written whole ({@link #commit}); until then, and when the commit fails, readers get the previous latest.
 */
public interface SnapshotStore {

    /** The survey's latest snapshot and the one published, as far as they exist. */
    Pointers pointers(String surveyId);

    Optional<SnapshotHeader> header(String surveyId, String snapshotId);

    /** Newest first, at most {@code limit}, starting after {@code before} (a snapshot id) when given. */
    List<SnapshotHeader> list(String surveyId, Optional<String> before, int limit);

    byte[] json(String surveyId, SnapshotHeader header);

    byte[] state(String surveyId, SnapshotHeader header);

    /**
     * Writes the snapshot whole, then makes it the latest on condition that the latest is still
     * {@code expectedLatest}.
     *
     * @return false when another snapshot became latest meanwhile: this one is then not listed and not latest
     */
    boolean commit(String surveyId, StoredSnapshot snapshot, Optional<String> expectedLatest);

    /** Records that {@code snapshotId} is the one readers without credentials see. */
    void markPublished(String surveyId, String snapshotId, Instant at);

    /**
     * @param latest    the newest snapshot written whole
     * @param published the one readers without credentials see
     */
    record Pointers(Optional<String> latest, Optional<String> published) {
        public static Pointers none() {
            return new Pointers(Optional.empty(), Optional.empty());
        }
    }
}
