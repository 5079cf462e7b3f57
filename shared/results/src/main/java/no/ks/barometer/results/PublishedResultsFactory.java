package no.ks.barometer.results;

import no.ks.barometer.snapshot.PublishedResults;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Where a function publishes snapshots, from its environment. */
public final class PublishedResultsFactory {

    /** The results bucket (template.yaml). */
    public static final String BUCKET_VARIABLE = "RESULTS_BUCKET";
    /** A folder instead of the bucket: the local stack sets it, and it wins over a bucket name. */
    public static final String DIR_VARIABLE = "RESULTS_DIR";

    private PublishedResultsFactory() {
    }

    /** Empty when neither variable is set: publishing is then refused as not set up. */
    public static Optional<PublishedResults> fromEnvironment(Map<String, String> environment) {
        Optional<String> dir = value(environment, DIR_VARIABLE);
        if (dir.isPresent()) {
            return Optional.of(new FolderPublishedResults(Path.of(dir.get())));
        }
        return value(environment, BUCKET_VARIABLE).map(bucket -> new S3PublishedResults(S3Client.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(5))
                        .build())
                .region(Region.of(value(environment, "AWS_REGION").orElse("eu-north-1")))
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .build(), bucket));
    }

    private static Optional<String> value(Map<String, String> environment, String name) {
        return Optional.ofNullable(environment.get(name)).filter(value -> !value.isBlank());
    }
}
