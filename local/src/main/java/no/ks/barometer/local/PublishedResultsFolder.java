package no.ks.barometer.local;

import no.ks.barometer.local.http.StaticFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the local stack keeps published snapshots instead of the results bucket: {@code published/} in the data
 * folder (kept between starts), or a temporary folder when the data lives only in memory. The admin function
 * writes into it ({@code RESULTS_DIR}), and the HTTP server serves {@code /results/data/} from it, as CloudFront
 * serves the bucket.
 *
 * @param root  the folder that holds {@code results/data/}
 * @param files what the HTTP server serves from it: only {@code results/data/}
 */
record PublishedResultsFolder(Path root, StaticFiles files) {

    /** The bucket's logical id in template.yaml and the name a Ref to it resolves to here. */
    static final String BUCKET_LOGICAL_ID = "ResultsBucket";
    static final String BUCKET_NAME = "barometer-local-results";

    static PublishedResultsFolder in(Optional<Path> dataDir) {
        try {
            Path root = dataDir.isPresent() ? Files.createDirectories(dataDir.get().resolve("published"))
                    : Files.createTempDirectory("barometer-published-");
            Files.writeString(root.resolve(StaticFiles.PUBLISHED_LIST), "results/data/\n");
            return new PublishedResultsFolder(root.toAbsolutePath(), new StaticFiles(root));
        } catch (IOException e) {
            throw new UncheckedIOException("Kunne ikke lage mappen for publiserte resultater", e);
        }
    }
}
