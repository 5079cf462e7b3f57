package no.ks.barometer.store;

import no.ks.barometer.admin.Actor;
import no.ks.barometer.admin.AuditAction;
import no.ks.barometer.admin.AuditEntry;
import no.ks.barometer.admin.AuditLog;
import no.ks.barometer.admin.ListPage;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static no.ks.barometer.store.Attributes.putIfPresent;
import static no.ks.barometer.store.Attributes.requiredString;
import static no.ks.barometer.store.Attributes.s;

/**
 * Audit entries in the survey's partition ({@code SURVEY#<id>} / {@code AUDIT#<isoTimestamp>#<id>}), so that they
 * sort by time and are listed by a Query. They have no TTL: the trail is kept as long as the survey.
 */
public final class DynamoAuditLog implements AuditLog {

    /** BatchWriteItem takes at most 25 items. */
    private static final int BATCH = 25;
    private static final int MAX_ATTEMPTS = 5;

    private final DynamoDbClient client;
    private final String tableName;

    public DynamoAuditLog(DynamoDbClient client, String tableName) {
        this.client = client;
        this.tableName = tableName;
    }

    @Override
    public void record(List<AuditEntry> entries) {
        for (int from = 0; from < entries.size(); from += BATCH) {
            List<WriteRequest> writes = entries.subList(from, Math.min(entries.size(), from + BATCH)).stream()
                    .map(entry -> WriteRequest.builder().putRequest(PutRequest.builder().item(item(entry)).build())
                            .build())
                    .toList();
            write(writes);
        }
    }

    /** Writes a batch, sending again what DynamoDB left unprocessed (it does so under throttling). */
    private void write(List<WriteRequest> writes) {
        Map<String, List<WriteRequest>> pending = Map.of(tableName, writes);
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            if (attempt > MAX_ATTEMPTS) {
                throw new IllegalStateException("DynamoDB left audit entries unwritten after " + MAX_ATTEMPTS
                        + " attempts");
            }
            BatchWriteItemResponse response = client.batchWriteItem(
                    BatchWriteItemRequest.builder().requestItems(pending).build());
            pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
        }
    }

    @Override
    public ListPage<AuditEntry> list(String surveyId, Optional<String> before, int limit) {
        QueryResponse page = client.query(QueryRequest.builder().tableName(tableName)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :audit)")
                .expressionAttributeValues(Map.of(":pk", Keys.surveyPartition(surveyId),
                        ":audit", s(Keys.AUDIT_PREFIX)))
                .scanIndexForward(false)
                .limit(limit)
                .exclusiveStartKey(before.map(cursor -> Keys.audit(surveyId, cursor)).orElse(null))
                .build());
        List<AuditEntry> entries = page.items().stream().map(DynamoAuditLog::entry).toList();
        Optional<String> next = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                ? Optional.of(page.lastEvaluatedKey().get(BarometerTable.SORT_KEY).s()
                .substring(Keys.AUDIT_PREFIX.length()))
                : Optional.empty();
        return new ListPage<>(entries, next);
    }

    private static Map<String, AttributeValue> item(AuditEntry entry) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.audit(entry.surveyId(),
                Attributes.instant(entry.at()).s() + "#" + entry.id()));
        item.put("surveyId", s(entry.surveyId()));
        item.put("at", Attributes.instant(entry.at()));
        item.put("entryId", s(entry.id()));
        item.put("actor", s(entry.actor().principal()));
        item.put("action", s(entry.action().name()));
        putIfPresent(item, "orgNumber", entry.orgNumber());
        item.put("detail", s(entry.detail()));
        return item;
    }

    private static AuditEntry entry(Map<String, AttributeValue> item) {
        return new AuditEntry(
                requiredString(item, "surveyId"),
                Attributes.instant(item, "at"),
                requiredString(item, "entryId"),
                new Actor(requiredString(item, "actor")),
                AuditAction.valueOf(requiredString(item, "action")),
                Attributes.string(item, "orgNumber"),
                requiredString(item, "detail"));
    }
}
