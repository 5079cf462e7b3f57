package no.ks.barometer.store;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads every item of one survey whose sort key starts with a prefix, page by page, strongly consistent. */
final class SurveyItems {

    private SurveyItems() {
    }

    /**
     * @param attributes the attributes to read (the sort key is always read)
     */
    static List<Map<String, AttributeValue>> withPrefix(DynamoDbClient client, String tableName, String surveyId,
                                                        String prefix, List<String> attributes) {
        Map<String, String> names = new HashMap<>();
        names.put("#sk", BarometerTable.SORT_KEY);
        List<String> projection = new ArrayList<>(List.of("#sk"));
        for (int i = 0; i < attributes.size(); i++) {
            names.put("#a" + i, attributes.get(i));
            projection.add("#a" + i);
        }
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            var page = client.query(QueryRequest.builder().tableName(tableName)
                    .keyConditionExpression("pk = :pk AND begins_with(#sk, :prefix)")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(Map.of(":pk", Keys.surveyPartition(surveyId),
                            ":prefix", AttributeValue.fromS(prefix)))
                    .projectionExpression(String.join(", ", projection))
                    .consistentRead(true)
                    .exclusiveStartKey(startKey)
                    .build());
            items.addAll(page.items());
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        return items;
    }
}
