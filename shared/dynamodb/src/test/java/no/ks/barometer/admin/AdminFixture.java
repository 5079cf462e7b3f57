package no.ks.barometer.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import no.ks.barometer.questionnaire.QuestionnaireCatalog;
import no.ks.barometer.response.LastWrite;
import no.ks.barometer.response.PageWrite;
import no.ks.barometer.response.ResponseStatus;
import no.ks.barometer.response.StoredResponse;
import no.ks.barometer.response.Submission;
import no.ks.barometer.response.WriteOutcome;
import no.ks.barometer.store.DynamoAuditLog;
import no.ks.barometer.store.DynamoInvitationRecords;
import no.ks.barometer.store.DynamoInvitationStore;
import no.ks.barometer.store.ResponseDao;
import no.ks.barometer.store.SurveyDao;
import no.ks.barometer.testing.DynamoDbLocal;
import no.ks.barometer.testing.MutableClock;
import no.ks.barometer.testing.Surveys;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/** The administrative use cases on a DynamoDB Local table, and a way to give responses any state. */
final class AdminFixture {

    static final Actor ADMIN = new Actor("arn:aws:iam::123456789012:user/analytiker");
    static final QuestionnaireCatalog CATALOG = QuestionnaireCatalog.fromClasspath();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    final DynamoDbLocal.LocalTable table;
    final MutableClock clock = new MutableClock(Surveys.START);
    final SurveyDao surveys;
    final ResponseDao responses;
    final Administration admin;

    AdminFixture(DynamoDbLocal.LocalTable table) {
        this.table = table;
        this.surveys = new SurveyDao(table.client(), table.tableName());
        this.responses = new ResponseDao(table.client(), table.tableName());
        this.admin = Administration.on(surveys, new DynamoInvitationRecords(table.client(), table.tableName()),
                new DynamoInvitationStore(table.client(), table.tableName()),
                new DynamoAuditLog(table.client(), table.tableName()), () -> CATALOG, clock);
    }

    /** A survey of the 2024 questionnaire open from {@link Surveys#START} for 60 days. */
    NewSurvey newSurvey(String id) {
        return new NewSurvey(id, "Innovasjonsbarometeret 2024", Surveys.QUESTIONNAIRE, 1, Surveys.START,
                Surveys.START.plusSeconds(60L * 86_400), "https://barometer.example/");
    }

    void createSurvey(String id) {
        done(admin.surveys().create(newSurvey(id), ADMIN));
    }

    /**
     * Stores answers as they are, bypassing the rules (so a test can plant one the rules would have removed), and
     * moves the response to {@code status}.
     */
    void respond(String surveyId, String orgNumber, ResponseStatus status, String answersJson) {
        StoredResponse base = responses.get(surveyId, orgNumber).orElseThrow();
        Instant now = clock.instant();
        if (status == ResponseStatus.OPENED) {
            responses.markOpened(base, now);
            return;
        }
        ResponseStatus written = status == ResponseStatus.COMPLETED ? ResponseStatus.IN_PROGRESS : status;
        WriteOutcome saved = responses.savePage(base, new PageWrite(base.version(), written, object(answersJson),
                List.of("q0"), Surveys.QUESTIONNAIRE, 1, now, new LastWrite("page:q0", base.version(), "x",
                List.of())));
        if (status == ResponseStatus.COMPLETED) {
            StoredResponse after = ((WriteOutcome.Written) saved).response();
            responses.submit(after, new Submission(after.version(), now, new LastWrite(LastWrite.SUBMIT,
                    after.version(), "y", List.of())));
        }
    }

    static <T> T done(Outcome<T> outcome) {
        return switch (outcome) {
            case Outcome.Done<T> done -> done.value();
            case Outcome.Refused<T> refused -> throw new AssertionError("Refused: " + refused);
        };
    }

    static <T> Outcome.Refused<T> refused(Outcome<T> outcome) {
        return switch (outcome) {
            case Outcome.Done<T> done -> throw new AssertionError("Done: " + done);
            case Outcome.Refused<T> refused -> refused;
        };
    }

    private static ObjectNode object(String json) {
        try {
            return (ObjectNode) MAPPER.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
