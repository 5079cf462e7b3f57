package no.ks.barometer.admin;

import no.ks.barometer.response.ResponseStatus;
import no.ks.barometer.store.DynamoInvitationRecords;
import no.ks.barometer.testing.DynamoDbLocal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.util.List;

import static no.ks.barometer.admin.AdminFixture.ADMIN;
import static no.ks.barometer.admin.AdminFixture.done;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(DynamoDbLocal.class)
class ProgressOnTheTableTest {

    private static final String CSV = "number,name,type,fylke,population,maalform,emails\n"
            + "3101,Halden,kommune,31,31444,Bokmål,a@halden.example\n"
            + "3103,Sarpsborg,kommune,31,60000,Bokmål,a@sarpsborg.example\n"
            + "4602,Bergen,kommune,46,291000,Nynorsk,a@bergen.example\n"
            + "5501,Tromsø,kommune,55,4000,Bokmål,a@tromso.example\n"
            + "46,Vestland fylkeskommune,fylkeskommune,46,650000,Nynorsk,a@vlfk.example\n";

    @Test
    void progressIsCountedFromTheSurveysOwnPartitionWithoutAnswers(DynamoDbLocal.LocalTable table) {
        AdminFixture fixture = new AdminFixture(table);
        for (String survey : List.of("progress-other", "progress")) {
            fixture.createSurvey(survey);
            done(fixture.admin.register().importFile(survey, CSV, RegisterFormat.CSV, ADMIN));
        }
        fixture.respond("progress", "3101", ResponseStatus.COMPLETED, "{\"Q0\": {\"choice\": 1}}");
        fixture.respond("progress", "3103", ResponseStatus.IN_PROGRESS, "{\"Q0\": {\"choice\": 1}}");
        fixture.respond("progress", "4602", ResponseStatus.DECLINED, "{\"Q0\": {\"choice\": 2}}");
        fixture.respond("progress", "5501", ResponseStatus.OPENED, "{}");
        fixture.respond("progress-other", "3101", ResponseStatus.COMPLETED, "{\"Q0\": {\"choice\": 1}}");
        RecordingClient recording = new RecordingClient(table.client());
        ProgressCount count = new ProgressCount(fixture.surveys,
                new DynamoInvitationRecords(recording.client, table.tableName()), fixture.clock);

        ProgressReport report = done(count.progress("progress"));

        assertEquals(new StatusCounts(5, 1, 1, 1, 1, 1, 0, 20.0), report.overall());
        assertEquals(List.of("31", "46", "55"), report.byFylke().stream().map(ProgressReport.Segment::key).toList());
        assertFalse(recording.calls.isEmpty());
        for (RecordingClient.Call call : recording.calls) {
            assertEquals("query", call.operation());
            QueryRequest query = (QueryRequest) call.request();
            assertTrue(query.keyConditionExpression().startsWith("pk = :pk"), query.keyConditionExpression());
            assertEquals(AttributeValue.fromS("SURVEY#progress"), query.expressionAttributeValues().get(":pk"));
            assertFalse(query.expressionAttributeNames().containsValue("answers"), "answers are never read");
        }
    }
}
