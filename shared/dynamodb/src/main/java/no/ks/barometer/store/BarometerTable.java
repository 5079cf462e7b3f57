package no.ks.barometer.store;

import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.util.List;

/**
 * The one table every item lives in (single-table design, see docs/data-model.md). template.yaml declares the
 * same table for AWS; TemplateTableTest proves the two agree, so tests and the local stack run on the schema that
 * is deployed.
 */
public final class BarometerTable {

    public static final String PARTITION_KEY = "pk";
    public static final String SORT_KEY = "sk";
    public static final String GSI1 = "gsi1";
    public static final String GSI1_PARTITION_KEY = "gsi1pk";
    public static final String GSI1_SORT_KEY = "gsi1sk";
    /** Epoch seconds after which DynamoDB may delete the item (tokens past expiry, short-lived records). */
    public static final String TTL_ATTRIBUTE = "ttl";

    private BarometerTable() {
    }

    public static CreateTableRequest createTableRequest(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        stringAttribute(PARTITION_KEY),
                        stringAttribute(SORT_KEY),
                        stringAttribute(GSI1_PARTITION_KEY),
                        stringAttribute(GSI1_SORT_KEY))
                .keySchema(
                        key(PARTITION_KEY, KeyType.HASH),
                        key(SORT_KEY, KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                        .indexName(GSI1)
                        .keySchema(key(GSI1_PARTITION_KEY, KeyType.HASH), key(GSI1_SORT_KEY, KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                        .build())
                .build();
    }

    public static List<String> keyAttributes() {
        return List.of(PARTITION_KEY, SORT_KEY, GSI1_PARTITION_KEY, GSI1_SORT_KEY);
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
