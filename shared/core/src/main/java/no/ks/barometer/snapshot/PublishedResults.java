package no.ks.barometer.snapshot;

/**
 * Where a published snapshot is readable without credentials, as static JSON: {@code results/<surveyId>/latest.json}
 * and {@code results/<surveyId>/<snapshotId>.json}.
 */
public interface PublishedResults {

    /** Writes the snapshot under its id first, then as the survey's latest. */
    void publish(String surveyId, String snapshotId, byte[] json);

    static String latestPath(String surveyId) {
        return "results/" + surveyId + "/latest.json";
    }

    static String path(String surveyId, String snapshotId) {
        return "results/" + surveyId + "/" + snapshotId + ".json";
    }
}
