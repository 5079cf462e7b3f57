package no.ks.barometer.store;

import no.ks.barometer.admin.SurveyLifecycleStore;
import no.ks.barometer.survey.Survey;
import no.ks.barometer.survey.SurveyState;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static no.ks.barometer.store.Attributes.n;
import static no.ks.barometer.store.Attributes.putIfPresent;
import static no.ks.barometer.store.Attributes.requiredString;
import static no.ks.barometer.store.Attributes.s;

/**
 * The survey item: one per round of fieldwork. Every survey item also sits in the {@code gsi1} partition
 * {@code SURVEYS}, so that surveys are listed by a Query, never a Scan.
 */
public final class SurveyDao implements SurveyLifecycleStore {

    private final DynamoDbClient client;
    private final String tableName;

    public SurveyDao(DynamoDbClient client, String tableName) {
        this.client = client;
        this.tableName = tableName;
    }

    /** Creates or replaces the survey. */
    public void put(Survey survey) {
        client.putItem(PutItemRequest.builder().tableName(tableName).item(item(survey)).build());
    }

    @Override
    public boolean create(Survey survey) {
        try {
            client.putItem(PutItemRequest.builder().tableName(tableName).item(item(survey))
                    .conditionExpression("attribute_not_exists(pk)").build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** The state and closing time are what lifecycle actions change; the write holds only if neither moved. */
    @Override
    public boolean replace(Survey current, Survey next) {
        Map<String, String> names = new HashMap<>(Map.of("#state", "state", "#closesAt", "closesAt"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":state", s(current.state().name())));
        String closes;
        if (current.closesAt() == null) {
            closes = "attribute_not_exists(#closesAt)";
        } else {
            closes = "#closesAt = :closesAt";
            values.put(":closesAt", Attributes.instant(current.closesAt()));
        }
        try {
            client.putItem(PutItemRequest.builder().tableName(tableName).item(item(next))
                    .conditionExpression("attribute_exists(pk) AND #state = :state AND " + closes)
                    .expressionAttributeNames(names).expressionAttributeValues(values).build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public List<Survey> list() {
        List<Survey> surveys = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            QueryResponse page = client.query(QueryRequest.builder().tableName(tableName)
                    .indexName(BarometerTable.GSI1)
                    .keyConditionExpression("gsi1pk = :surveys")
                    .expressionAttributeValues(Map.of(":surveys", s(Keys.SURVEYS_INDEX)))
                    .exclusiveStartKey(startKey)
                    .build());
            page.items().forEach(item -> surveys.add(fromItem(item)));
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                    ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        return surveys;
    }

    private static Map<String, AttributeValue> item(Survey survey) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.survey(survey.id()));
        item.put(BarometerTable.GSI1_PARTITION_KEY, s(Keys.SURVEYS_INDEX));
        item.put(BarometerTable.GSI1_SORT_KEY, s(survey.id()));
        item.put("surveyId", s(survey.id()));
        putIfPresent(item, "title", survey.title());
        item.put("questionnaireId", s(survey.questionnaireId()));
        item.put("questionnaireVersion", n(survey.questionnaireVersion()));
        item.put("state", s(survey.state().name()));
        putIfPresent(item, "opensAt", survey.opensAt());
        putIfPresent(item, "closesAt", survey.closesAt());
        item.put("linkBaseUrl", s(survey.linkBaseUrl().toString()));
        return item;
    }

    @Override
    public Optional<Survey> get(String surveyId) {
        Map<String, AttributeValue> item = client.getItem(GetItemRequest.builder()
                .tableName(tableName).key(Keys.survey(surveyId)).consistentRead(true).build()).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    private static Survey fromItem(Map<String, AttributeValue> item) {
        return new Survey(
                requiredString(item, "surveyId"),
                Attributes.string(item, "title"),
                requiredString(item, "questionnaireId"),
                Math.toIntExact(Attributes.number(item, "questionnaireVersion", 1)),
                SurveyState.valueOf(requiredString(item, "state")),
                Attributes.instant(item, "opensAt"),
                Attributes.instant(item, "closesAt"),
                URI.create(requiredString(item, "linkBaseUrl")));
    }
}
