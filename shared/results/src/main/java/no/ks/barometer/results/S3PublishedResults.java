package no.ks.barometer.results;

import no.ks.barometer.snapshot.PublishedResults;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Published snapshots in the results bucket, which only the CloudFront distribution reads (template.yaml). A
 * snapshot under its id never changes, so it may be cached for long; {@code latest.json} changes when another
 * snapshot is published, so caches check it again after a minute.
 */
public final class S3PublishedResults implements PublishedResults {

    static final String BY_ID_CACHE = "public, max-age=31536000, immutable";
    static final String LATEST_CACHE = "public, max-age=60";

    private final S3Client client;
    private final String bucket;

    public S3PublishedResults(S3Client client, String bucket) {
        this.client = client;
        this.bucket = bucket;
    }

    @Override
    public void publish(String surveyId, String snapshotId, byte[] json) {
        put(PublishedResults.path(surveyId, snapshotId), json, BY_ID_CACHE);
        put(PublishedResults.latestPath(surveyId), json, LATEST_CACHE);
    }

    private void put(String key, byte[] json, String cacheControl) {
        client.putObject(PutObjectRequest.builder().bucket(bucket).key(key)
                .contentType("application/json")
                .cacheControl(cacheControl)
                .build(), RequestBody.fromBytes(json));
    }
}
