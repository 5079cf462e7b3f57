package no.ks.barometer.results;

import no.ks.barometer.aws.LambdaClients;
import no.ks.barometer.snapshot.PublishedResults;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Where a function publishes snapshots, from its environment. */
public final class PublishedResultsFactory {

    /** The results bucket (template.yaml). */
    public static final String BUCKET_VARIABLE = "RESULTS_BUCKET";
    /** A folder instead of the bucket: the local stack sets it, and it wins over a bucket name. */
    public static final String DIR_VARIABLE = "RESULTS_DIR";
    /** Set only outside AWS (tests): where an S3-compatible endpoint listens. */
    public static final String ENDPOINT_VARIABLE = "S3_ENDPOINT";

    private PublishedResultsFactory() {
    }

    /** Empty when neither variable is set: publishing is then refused as not set up. */
    public static Optional<PublishedResults> fromEnvironment(Map<String, String> environment) {
        Optional<String> dir = value(environment, DIR_VARIABLE);
        if (dir.isPresent()) {
            return Optional.of(new FolderPublishedResults(Path.of(dir.get())));
        }
        return value(environment, BUCKET_VARIABLE).map(bucket -> new S3PublishedResults(LambdaClients.configure(
                S3Client.builder(), environment, ENDPOINT_VARIABLE, LambdaClients.SOCKET_TIMEOUT).build(), bucket));
    }

    private static Optional<String> value(Map<String, String> environment, String name) {
        return Optional.ofNullable(environment.get(name)).filter(value -> !value.isBlank());
    }
}
