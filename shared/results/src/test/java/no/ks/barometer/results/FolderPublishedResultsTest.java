package no.ks.barometer.results;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FolderPublishedResultsTest {

    @TempDir
    Path root;

    @Test
    void aPublishedSnapshotIsTheLatestAndStaysUnderItsIdWhenAnotherIsPublished() throws IOException {
        FolderPublishedResults results = new FolderPublishedResults(root);

        results.publish("barometer-2026", "20260915T100000000Z", bytes("{\"n\":1}"));
        results.publish("barometer-2026", "20260915T101500000Z", bytes("{\"n\":2}"));

        Path survey = root.resolve("results/data/barometer-2026");
        assertEquals("{\"n\":2}", Files.readString(survey.resolve("latest.json")));
        assertEquals("{\"n\":1}", Files.readString(survey.resolve("20260915T100000000Z.json")));
        assertEquals("{\"n\":2}", Files.readString(survey.resolve("20260915T101500000Z.json")));
        try (Stream<Path> files = Files.list(survey)) {
            assertEquals(3, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void nothingIsWrittenOutsideTheResultsFolder() {
        FolderPublishedResults results = new FolderPublishedResults(root);

        assertThrows(IllegalArgumentException.class, () -> results.publish("../../..", "x", bytes("{}")));
        assertTrue(Files.notExists(root.resolveSibling("latest.json")));
    }

    @Test
    void theFolderWinsOverABucketAndNeitherMeansNoPublishing() {
        assertInstanceOf(FolderPublishedResults.class, PublishedResultsFactory.fromEnvironment(Map.of(
                "RESULTS_DIR", root.toString(), "RESULTS_BUCKET", "barometer-prod-results")).orElseThrow());
        assertTrue(PublishedResultsFactory.fromEnvironment(Map.of()).isEmpty());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
