package no.ks.barometer.results;

import no.ks.barometer.snapshot.PublishedResults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Published snapshots as files under a folder, which the local stack serves at the same paths as CloudFront
 * ({@code /results/<surveyId>/latest.json}). Each file is written beside its place and moved in, so a reader never
 * sees half a file.
 */
public final class FolderPublishedResults implements PublishedResults {

    private final Path root;

    /** @param root the folder that holds {@code results/} */
    public FolderPublishedResults(Path root) {
        this.root = root;
    }

    @Override
    public void publish(String surveyId, String snapshotId, byte[] json) {
        write(PublishedResults.path(surveyId, snapshotId), json);
        write(PublishedResults.latestPath(surveyId), json);
    }

    private void write(String relative, byte[] json) {
        Path file = root.resolve(relative).normalize();
        if (!file.startsWith(root.normalize())) {
            throw new IllegalArgumentException("Not under the results folder: " + relative);
        }
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), ".publishing-", ".json");
            Files.write(temporary, json);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
