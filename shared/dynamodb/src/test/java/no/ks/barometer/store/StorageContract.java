package no.ks.barometer.store;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What Barometer relies on from DynamoDB, run against every engine we test on: DynamoDB Local here, LocalStack
 * where a Docker engine exists. If an engine breaks one of these, the product's guarantees break with it.
 */
abstract class StorageContract {

    abstract DynamoDbClient client();

    abstract String tableName();

    @Test
    void tableHasTheDeclaredKeysAndIndex() {
        TableDescription table = client().describeTable(DescribeTableRequest.builder().tableName(tableName()).build())
                .table();
        assertEquals(BarometerTable.PARTITION_KEY, table.keySchema().get(0).attributeName());
        assertEquals(BarometerTable.SORT_KEY, table.keySchema().get(1).attributeName());
        assertEquals(BarometerTable.GSI1, table.globalSecondaryIndexes().get(0).indexName());
    }

    @Test
    void writtenItemIsReadBackWithAllItsAttributes() {
        Map<String, AttributeValue> item = Map.of(
                "pk", s("SURVEY#contract"), "sk", s("ORG#3101"),
                "name", s("Halden"), "version", n(0),
                "answers", AttributeValue.fromM(Map.of("Q0", AttributeValue.fromM(Map.of("choice", n(1))))));
        client().putItem(PutItemRequest.builder().tableName(tableName()).item(item).build());

        Map<String, AttributeValue> read = client().getItem(GetItemRequest.builder().tableName(tableName())
                .key(Map.of("pk", s("SURVEY#contract"), "sk", s("ORG#3101"))).consistentRead(true).build()).item();

        assertEquals(item, read);
    }

    @Test
    void updateWithStaleVersionIsRefusedAndLeavesTheItemUnchanged() {
        Map<String, AttributeValue> key = Map.of("pk", s("SURVEY#contract"), "sk", s("ORG#3102"));
        client().putItem(PutItemRequest.builder().tableName(tableName())
                .item(Map.of("pk", key.get("pk"), "sk", key.get("sk"), "version", n(3), "note", s("saved"))).build());

        assertThrows(ConditionalCheckFailedException.class, () -> client().updateItem(UpdateItemRequest.builder()
                .tableName(tableName()).key(key)
                .updateExpression("SET note = :note, version = :next")
                .conditionExpression("version = :expected")
                .expressionAttributeValues(Map.of(":note", s("overwritten"), ":next", n(3), ":expected", n(2)))
                .build()));

        Map<String, AttributeValue> read = client().getItem(GetItemRequest.builder().tableName(tableName())
                .key(key).consistentRead(true).build()).item();
        assertEquals("saved", read.get("note").s());
        assertEquals("3", read.get("version").n());
    }

    @Test
    void itemsOfOnePartitionAreQueriedBySortKeyPrefix() {
        for (String org : new String[] {"3201", "3203", "3205"}) {
            client().putItem(PutItemRequest.builder().tableName(tableName())
                    .item(Map.of("pk", s("SURVEY#query"), "sk", s("ORG#" + org))).build());
        }
        client().putItem(PutItemRequest.builder().tableName(tableName())
                .item(Map.of("pk", s("SURVEY#query"), "sk", s("SURVEY"))).build());

        int count = client().query(QueryRequest.builder().tableName(tableName())
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", s("SURVEY#query"), ":prefix", s("ORG#")))
                .build()).count();

        assertEquals(3, count);
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
