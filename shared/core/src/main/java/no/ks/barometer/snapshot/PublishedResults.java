package no.ks.barometer.snapshot;

/**
 * Where a published snapshot is readable without credentials, as static JSON:
 * {@code results/data/<surveyId>/latest.json} and {@code results/data/<surveyId>/<snapshotId>.json}, on the web
 * app's origin (the results page is at {@code /results/}, so the data has a folder of its own under it).
 */
public interface PublishedResults {

    /** Writes the snapshot under its id first, then as the survey's latest. */
    void publish(String surveyId, String snapshotId, byte[] json);

    static String latestPath(String surveyId) {
        return "results/data/" + surveyId + "/latest.json";
    }

    static String path(String surveyId, String snapshotId) {
        return "results/data/" + surveyId + "/" + snapshotId + ".json";
    }
}
