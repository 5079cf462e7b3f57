package no.ks.barometer.store;

import no.ks.barometer.snapshot.SnapshotHeader;
import no.ks.barometer.snapshot.SnapshotStore;
import no.ks.barometer.snapshot.StoredSnapshot;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static no.ks.barometer.store.Attributes.s;

/**
 * Snapshots in the survey's partition (docs/data-model.md). A snapshot's JSON and its publication state are each
 * gzipped and split into chunk items small enough for DynamoDB's 400 KB item limit, so a snapshot of any size
 * fits. The chunks are written first, each once ({@code attribute_not_exists}); then one transaction writes the
 * header and moves the latest pointer, on condition that the pointer still names the snapshot the computation
 * started from. Until that transaction, nothing refers to the chunks: a run that fails leaves the previous latest,
 * and its chunks unreferenced.
 */
public final class DynamoSnapshotStore implements SnapshotStore {

    /** Leaves room under the 400 KB item limit for the keys and attribute names. */
    static final int CHUNK_BYTES = 350 * 1024;
    private static final String JSON_PART = "json";
    private static final String STATE_PART = "state";

    private static final String LATEST = "latest";
    private static final String PUBLISHED = "published";
    private static final String PUBLISHED_AT = "publishedAt";
    private static final String SNAPSHOT_ID = "snapshotId";
    private static final String COMPUTED_AT = "computedAt";
    private static final String QUESTIONNAIRE_ID = "questionnaireId";
    private static final String QUESTIONNAIRE_VERSION = "questionnaireVersion";
    private static final String COMPLETED = "completed";
    private static final String ETAG = "etag";
    private static final String SOURCE_DIGEST = "sourceDigest";
    private static final String SURVEY_OPEN = "surveyOpen";
    private static final String JSON_CHUNKS = "jsonChunks";
    private static final String STATE_CHUNKS = "stateChunks";
    private static final String DATA = "data";

    private final DynamoDbClient client;
    private final String tableName;
    private final int chunkBytes;

    public DynamoSnapshotStore(DynamoDbClient client, String tableName) {
        this(client, tableName, CHUNK_BYTES);
    }

    DynamoSnapshotStore(DynamoDbClient client, String tableName, int chunkBytes) {
        this.client = client;
        this.tableName = tableName;
        this.chunkBytes = chunkBytes;
    }

    @Override
    public Pointers pointers(String surveyId) {
        Map<String, AttributeValue> item = get(Keys.snapshots(surveyId));
        return new Pointers(Optional.ofNullable(Attributes.string(item, LATEST)),
                Optional.ofNullable(Attributes.string(item, PUBLISHED)));
    }

    @Override
    public Optional<SnapshotHeader> header(String surveyId, String snapshotId) {
        Map<String, AttributeValue> item = get(Keys.snapshot(surveyId, snapshotId));
        return item.isEmpty() ? Optional.empty() : Optional.of(header(item));
    }

    @Override
    public List<SnapshotHeader> list(String surveyId, Optional<String> before, int limit) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", Keys.surveyPartition(surveyId));
        String condition;
        if (before.isPresent()) {
            // Ids sort by time, so "before" is the range from the prefix up to the cursor.
            condition = "pk = :pk AND sk BETWEEN :from AND :before";
            values.put(":from", s(Keys.SNAPSHOT_PREFIX));
            values.put(":before", s(Keys.SNAPSHOT_PREFIX + before.get()));
        } else {
            condition = "pk = :pk AND begins_with(sk, :prefix)";
            values.put(":prefix", s(Keys.SNAPSHOT_PREFIX));
        }
        List<SnapshotHeader> headers = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            var page = client.query(QueryRequest.builder().tableName(tableName)
                    .keyConditionExpression(condition)
                    .expressionAttributeValues(values)
                    .scanIndexForward(false)
                    .consistentRead(true)
                    .limit(limit + 1)
                    .exclusiveStartKey(startKey)
                    .build());
            for (Map<String, AttributeValue> item : page.items()) {
                SnapshotHeader header = header(item);
                if (before.isEmpty() || !header.snapshotId().equals(before.get())) {
                    headers.add(header);
                }
            }
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                    ? page.lastEvaluatedKey() : null;
        } while (startKey != null && headers.size() < limit);
        return headers.size() > limit ? headers.subList(0, limit) : headers;
    }

    @Override
    public byte[] json(String surveyId, SnapshotHeader header) {
        return read(surveyId, header.snapshotId(), JSON_PART, JSON_CHUNKS);
    }

    @Override
    public byte[] state(String surveyId, SnapshotHeader header) {
        return read(surveyId, header.snapshotId(), STATE_PART, STATE_CHUNKS);
    }

    @Override
    public boolean commit(String surveyId, StoredSnapshot snapshot, Optional<String> expectedLatest) {
        SnapshotHeader header = snapshot.header();
        int jsonChunks;
        int stateChunks;
        try {
            jsonChunks = writeChunks(surveyId, header.snapshotId(), JSON_PART, snapshot.json());
            stateChunks = writeChunks(surveyId, header.snapshotId(), STATE_PART, snapshot.state());
        } catch (ConditionalCheckFailedException e) {
            // Another computation in the same millisecond took this id.
            return false;
        }
        Map<String, AttributeValue> item = new HashMap<>(Keys.snapshot(surveyId, header.snapshotId()));
        item.put(SNAPSHOT_ID, s(header.snapshotId()));
        item.put(COMPUTED_AT, Attributes.instant(header.computedAt()));
        item.put(QUESTIONNAIRE_ID, s(header.questionnaireId()));
        item.put(QUESTIONNAIRE_VERSION, Attributes.n(header.questionnaireVersion()));
        if (header.completed() != null) {
            item.put(COMPLETED, Attributes.n(header.completed()));
        }
        item.put(ETAG, s(header.etag()));
        item.put(SOURCE_DIGEST, s(header.sourceDigest()));
        item.put(SURVEY_OPEN, AttributeValue.fromBool(header.surveyOpen()));
        item.put(JSON_CHUNKS, Attributes.n(jsonChunks));
        item.put(STATE_CHUNKS, Attributes.n(stateChunks));
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":id", s(header.snapshotId()));
        expectedLatest.ifPresent(previous -> values.put(":previous", s(previous)));
        try {
            client.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(
                    TransactWriteItem.builder().put(Put.builder().tableName(tableName).item(item)
                            .conditionExpression("attribute_not_exists(pk)").build()).build(),
                    TransactWriteItem.builder().update(Update.builder().tableName(tableName)
                            .key(Keys.snapshots(surveyId))
                            .updateExpression("SET #latest = :id")
                            .conditionExpression(expectedLatest.isPresent() ? "#latest = :previous"
                                    : "attribute_not_exists(#latest)")
                            .expressionAttributeNames(Map.of("#latest", LATEST))
                            .expressionAttributeValues(values)
                            .build()).build())
                    .build());
            return true;
        } catch (TransactionCanceledException e) {
            if (e.cancellationReasons().stream().anyMatch(r -> "ConditionalCheckFailed".equals(r.code()))) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void markPublished(String surveyId, String snapshotId, Instant at) {
        client.updateItem(UpdateItemRequest.builder().tableName(tableName)
                .key(Keys.snapshots(surveyId))
                .updateExpression("SET #published = :id, #at = :at")
                .expressionAttributeNames(Map.of("#published", PUBLISHED, "#at", PUBLISHED_AT))
                .expressionAttributeValues(Map.of(":id", s(snapshotId), ":at", Attributes.instant(at)))
                .build());
    }

    private int writeChunks(String surveyId, String snapshotId, String part, byte[] content) {
        byte[] compressed = gzip(content);
        int count = Math.max(1, (compressed.length + chunkBytes - 1) / chunkBytes);
        for (int i = 0; i < count; i++) {
            int from = i * chunkBytes;
            Map<String, AttributeValue> item = new HashMap<>(Keys.snapshotChunk(surveyId, snapshotId, part, i));
            item.put(DATA, AttributeValue.fromB(SdkBytes.fromByteArray(java.util.Arrays.copyOfRange(compressed,
                    from, Math.min(compressed.length, from + chunkBytes)))));
            client.putItem(PutItemRequest.builder().tableName(tableName).item(item)
                    .conditionExpression("attribute_not_exists(pk)").build());
        }
        return count;
    }

    private byte[] read(String surveyId, String snapshotId, String part, String countAttribute) {
        Map<String, AttributeValue> header = get(Keys.snapshot(surveyId, snapshotId));
        long count = Attributes.number(header, countAttribute, 0);
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        for (int i = 0; i < count; i++) {
            Map<String, AttributeValue> chunk = get(Keys.snapshotChunk(surveyId, snapshotId, part, i));
            if (chunk.isEmpty()) {
                throw new CorruptItemException("Snapshot " + snapshotId + " of " + surveyId + " lacks " + part
                        + " chunk " + i);
            }
            compressed.writeBytes(chunk.get(DATA).b().asByteArray());
        }
        return gunzip(compressed.toByteArray());
    }

    private Map<String, AttributeValue> get(Map<String, AttributeValue> key) {
        var response = client.getItem(GetItemRequest.builder().tableName(tableName).key(key).consistentRead(true)
                .build());
        return response.hasItem() ? response.item() : Map.of();
    }

    private static SnapshotHeader header(Map<String, AttributeValue> item) {
        AttributeValue completed = item.get(COMPLETED);
        return new SnapshotHeader(
                Attributes.requiredString(item, SNAPSHOT_ID),
                Attributes.instant(item, COMPUTED_AT),
                Attributes.requiredString(item, QUESTIONNAIRE_ID),
                (int) Attributes.number(item, QUESTIONNAIRE_VERSION, 0),
                completed == null ? null : Long.valueOf(completed.n()),
                Attributes.requiredString(item, ETAG),
                Attributes.requiredString(item, SOURCE_DIGEST),
                Boolean.TRUE.equals(item.get(SURVEY_OPEN).bool()));
    }

    private static byte[] gzip(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(byte[] compressed) {
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            return gzip.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
