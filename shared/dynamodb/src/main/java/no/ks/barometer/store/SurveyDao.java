package no.ks.barometer.store;

import no.ks.barometer.survey.Survey;
import no.ks.barometer.survey.SurveyStore;
import no.ks.barometer.survey.SurveyState;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static no.ks.barometer.store.Attributes.n;
import static no.ks.barometer.store.Attributes.putIfPresent;
import static no.ks.barometer.store.Attributes.requiredString;
import static no.ks.barometer.store.Attributes.s;

/** The survey item: one per round of fieldwork. */
public final class SurveyDao implements SurveyStore {

    private final DynamoDbClient client;
    private final String tableName;

    public SurveyDao(DynamoDbClient client, String tableName) {
        this.client = client;
        this.tableName = tableName;
    }

    /** Creates or replaces the survey. */
    public void put(Survey survey) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.survey(survey.id()));
        item.put("surveyId", s(survey.id()));
        putIfPresent(item, "title", survey.title());
        item.put("questionnaireId", s(survey.questionnaireId()));
        item.put("questionnaireVersion", n(survey.questionnaireVersion()));
        item.put("state", s(survey.state().name()));
        putIfPresent(item, "opensAt", survey.opensAt());
        putIfPresent(item, "closesAt", survey.closesAt());
        item.put("linkBaseUrl", s(survey.linkBaseUrl().toString()));
        client.putItem(PutItemRequest.builder().tableName(tableName).item(item).build());
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
