package no.ks.barometer.aggregation;

/** A snapshot that may be shown to readers, and the state the next one is controlled against. */
public record Publication(Snapshot snapshot, PublicationState state) {
}
