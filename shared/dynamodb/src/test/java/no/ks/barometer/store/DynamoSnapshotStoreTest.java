package no.ks.barometer.store;

import no.ks.barometer.snapshot.SnapshotHeader;
import no.ks.barometer.snapshot.SnapshotStore;
import no.ks.barometer.snapshot.StoredSnapshot;
import no.ks.barometer.testing.DynamoDbLocal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(DynamoDbLocal.class)
class DynamoSnapshotStoreTest {

    private static final Instant AT = Instant.parse("2026-09-10T08:00:00Z");

    @Test
    void aSnapshotFarBeyondTheItemLimitIsStoredInChunksAndReadBackWhole(DynamoDbLocal.LocalTable table) {
        DynamoSnapshotStore store = new DynamoSnapshotStore(table.client(), table.tableName());
        // Random bytes do not compress: about 1.3 MB of JSON stays about 1 MB gzipped, three chunks.
        byte[] json = bigJson(1_000_000, 1);
        byte[] state = bigJson(500_000, 2);
        assertTrue(json.length > 400 * 1024);

        assertTrue(store.commit("big", snapshot("20260910T080000000Z", json, state), Optional.empty()));

        SnapshotHeader header = store.header("big", "20260910T080000000Z").orElseThrow();
        assertArrayEquals(json, store.json("big", header));
        assertArrayEquals(state, store.state("big", header));
        assertEquals(Optional.of("20260910T080000000Z"), store.pointers("big").latest());
    }

    @Test
    void aWriteThatFailsBetweenChunksLeavesThePreviousLatest(DynamoDbLocal.LocalTable table) {
        DynamoSnapshotStore store = new DynamoSnapshotStore(table.client(), table.tableName(), 1000);
        SnapshotHeader first = snapshot("20260910T080000000Z", bigJson(3000, 3), bigJson(10, 4)).header();
        assertTrue(store.commit("atomic", snapshot("20260910T080000000Z", bigJson(3000, 3), bigJson(10, 4)),
                Optional.empty()));
        DynamoSnapshotStore failing = new DynamoSnapshotStore(failingOnPut(table.client(), 3), table.tableName(),
                1000);

        assertThrows(IllegalStateException.class, () -> failing.commit("atomic",
                snapshot("20260910T081500000Z", bigJson(5000, 5), bigJson(10, 6)), Optional.of(first.snapshotId())));

        assertEquals(Optional.of(first.snapshotId()), store.pointers("atomic").latest());
        assertEquals(List.of(first.snapshotId()), ids(store.list("atomic", Optional.empty(), 10)));
        assertEquals(Optional.empty(), store.header("atomic", "20260910T081500000Z"));
    }

    @Test
    void aSnapshotComputedFromAnOlderLatestIsNotMadeLatest(DynamoDbLocal.LocalTable table) {
        DynamoSnapshotStore store = new DynamoSnapshotStore(table.client(), table.tableName());
        assertTrue(store.commit("race", snapshot("20260910T080000000Z", bytes("a"), bytes("s")), Optional.empty()));
        assertTrue(store.commit("race", snapshot("20260910T081500000Z", bytes("b"), bytes("s")),
                Optional.of("20260910T080000000Z")));

        assertFalse(store.commit("race", snapshot("20260910T081600000Z", bytes("c"), bytes("s")),
                Optional.of("20260910T080000000Z")));
        assertFalse(store.commit("race", snapshot("20260910T081700000Z", bytes("d"), bytes("s")), Optional.empty()));

        assertEquals(Optional.of("20260910T081500000Z"), store.pointers("race").latest());
        assertEquals(List.of("20260910T081500000Z", "20260910T080000000Z"),
                ids(store.list("race", Optional.empty(), 10)));
    }

    @Test
    void theListIsNewestFirstAndPagesOnFromACursor(DynamoDbLocal.LocalTable table) {
        DynamoSnapshotStore store = new DynamoSnapshotStore(table.client(), table.tableName());
        Optional<String> previous = Optional.empty();
        for (String id : List.of("20260910T080000000Z", "20260910T081500000Z", "20260910T083000000Z")) {
            assertTrue(store.commit("paged", snapshot(id, bytes(id), bytes("s")), previous));
            previous = Optional.of(id);
        }
        store.markPublished("paged", "20260910T081500000Z", AT);

        assertEquals(List.of("20260910T083000000Z", "20260910T081500000Z"),
                ids(store.list("paged", Optional.empty(), 2)));
        assertEquals(List.of("20260910T080000000Z"), ids(store.list("paged", Optional.of("20260910T081500000Z"), 2)));
        assertEquals(new SnapshotStore.Pointers(Optional.of("20260910T083000000Z"),
                Optional.of("20260910T081500000Z")), store.pointers("paged"));
    }

    private static List<String> ids(List<SnapshotHeader> headers) {
        return headers.stream().map(SnapshotHeader::snapshotId).toList();
    }

    private static StoredSnapshot snapshot(String id, byte[] json, byte[] state) {
        return new StoredSnapshot(new SnapshotHeader(id, AT, "innovasjonsbarometer-2024", 1, 12L, "\"tag-" + id + "\"",
                "digest", true), json, state);
    }

    private static byte[] bytes(String text) {
        return ("\"" + text + "\"").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bigJson(int randomBytes, long seed) {
        byte[] random = new byte[randomBytes];
        new Random(seed).nextBytes(random);
        return ("{\"noise\":\"" + Base64.getEncoder().encodeToString(random) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    /** The table's client, but the n-th PutItem fails as a lost connection would. */
    private static DynamoDbClient failingOnPut(DynamoDbClient client, int failing) {
        AtomicInteger puts = new AtomicInteger();
        return new DynamoDbClient() {
            @Override
            public PutItemResponse putItem(PutItemRequest request) {
                if (puts.incrementAndGet() == failing) {
                    throw new IllegalStateException("injected: the connection was lost");
                }
                return client.putItem(request);
            }

            @Override
            public GetItemResponse getItem(GetItemRequest request) {
                return client.getItem(request);
            }

            @Override
            public QueryResponse query(QueryRequest request) {
                return client.query(request);
            }

            @Override
            public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
                return client.transactWriteItems(request);
            }

            @Override
            public String serviceName() {
                return client.serviceName();
            }

            @Override
            public void close() {
            }
        };
    }
}
