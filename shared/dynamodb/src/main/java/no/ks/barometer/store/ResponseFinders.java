package no.ks.barometer.store;

import no.ks.barometer.questionnaire.QuestionnaireCatalog;
import no.ks.barometer.respondent.ResponseFinder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;

/** The respondent use cases' finder on the Barometer table, with the questionnaires on the classpath. */
public final class ResponseFinders {

    private ResponseFinders() {
    }

    public static ResponseFinder on(DynamoDbClient client, String tableName, Clock clock) {
        return new ResponseFinder(new ResponseDao(client, tableName), new SurveyDao(client, tableName),
                QuestionnaireCatalog.fromClasspath(), clock);
    }
}
