package no.ks.barometer.snapshot;

import java.util.Objects;

/**
 * A snapshot as it is written: its header, its JSON (snapshot/snapshot.schema.json) and the publication state
 * that the next computation continues from, which readers never see.
 */
public record StoredSnapshot(SnapshotHeader header, byte[] json, byte[] state) {
    public StoredSnapshot {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(state, "state");
    }
}
