package no.ks.barometer.aggregation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What readers have been shown so far: for every table and segment ever published, the figures last published.
 * Kept beside the published snapshots, never shown to readers.
 */
public record PublicationState(List<PublishedFigures> figures) {
    private static final PublicationState NONE = new PublicationState(List.of());

    public PublicationState {
        figures = List.copyOf(figures);
    }

    /** Before the first publication. */
    public static PublicationState none() {
        return NONE;
    }

    Map<String, PublishedFigures> byTableAndSegment() {
        Map<String, PublishedFigures> map = new HashMap<>();
        for (PublishedFigures published : figures) {
            map.put(published.table() + " " + published.segment(), published);
        }
        return map;
    }
}
