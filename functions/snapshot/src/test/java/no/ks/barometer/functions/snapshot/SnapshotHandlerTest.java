package no.ks.barometer.functions.snapshot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import no.ks.barometer.aggregation.DisclosureControl;
import no.ks.barometer.invitation.InvitationService;
import no.ks.barometer.invitation.Organisation;
import no.ks.barometer.questionnaire.QuestionnaireCatalog;
import no.ks.barometer.response.LastWrite;
import no.ks.barometer.response.PageWrite;
import no.ks.barometer.response.ResponseStatus;
import no.ks.barometer.response.StoredResponse;
import no.ks.barometer.response.Submission;
import no.ks.barometer.response.WriteOutcome;
import no.ks.barometer.store.DynamoInvitationStore;
import no.ks.barometer.store.DynamoSnapshotStore;
import no.ks.barometer.store.ResponseDao;
import no.ks.barometer.store.SnapshotServices;
import no.ks.barometer.store.SurveyDao;
import no.ks.barometer.survey.Survey;
import no.ks.barometer.survey.SurveyState;
import no.ks.barometer.testing.DynamoDbLocal;
import no.ks.barometer.testing.MutableClock;
import no.ks.barometer.testing.Organisations;
import no.ks.barometer.testing.Surveys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The schedule's work on DynamoDB Local: a snapshot of a survey that takes answers whenever its responses changed,
 * one more after it stops taking them, and nothing for a survey that has not opened.
 */
@ExtendWith(DynamoDbLocal.class)
class SnapshotHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DynamoDbLocal.LocalTable table;
    private MutableClock clock;
    private SnapshotHandler handler;
    private ByteArrayOutputStream log;

    @BeforeEach
    void setUp() {
        table = DynamoDbLocal.newTable();
        clock = new MutableClock(Surveys.START.plus(Duration.ofDays(1)));
        log = new ByteArrayOutputStream();
        handler = new SnapshotHandler(SnapshotServices.on(table.client(), table.tableName(),
                QuestionnaireCatalog::fromClasspath, Optional.empty(), DisclosureControl.DEFAULT_K, clock),
                new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @Test
    void anOpenSurveyGetsASnapshotWhenItsResponsesChangedAndOnlyThen() throws IOException {
        Survey survey = survey(Surveys.open("open"));
        complete(survey, Organisations.halden());

        assertEquals(Map.of("open", "COMPUTED"), run());
        clock.advance(Duration.ofMinutes(15));
        assertEquals(Map.of("open", "UNCHANGED"), run());
        complete(survey, Organisations.oestfold());
        clock.advance(Duration.ofMinutes(15));
        assertEquals(Map.of("open", "COMPUTED"), run());

        DynamoSnapshotStore store = new DynamoSnapshotStore(table.client(), table.tableName());
        assertEquals(2, store.list("open", Optional.empty(), 10).size());
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("snapshot survey=open result=UNCHANGED"));
    }

    @Test
    void aClosedSurveyGetsOneMoreSnapshotAndThenNone() throws IOException {
        Survey survey = survey(Surveys.open("closing"));
        complete(survey, Organisations.halden());
        assertEquals(Map.of("closing", "COMPUTED"), run());

        new SurveyDao(table.client(), table.tableName()).put(Surveys.closed(survey));
        clock.advance(Duration.ofMinutes(15));
        assertEquals(Map.of("closing", "COMPUTED"), run());
        clock.advance(Duration.ofMinutes(15));
        assertEquals(Map.of("closing", "NOT_RUNNING"), run());
    }

    @Test
    void aSurveyThatHasNotOpenedGetsNoSnapshot() {
        survey(new Survey("later", "Innovasjonsbarometeret 2025", Surveys.QUESTIONNAIRE, 1, SurveyState.OPEN,
                clock.instant().plus(Duration.ofDays(1)), clock.instant().plus(Duration.ofDays(60)),
                URI.create("https://barometer.example/")));

        assertEquals(Map.of("later", "NOT_RUNNING"), run());
    }

    private Map<String, String> run() {
        return handler.handleRequest(Map.of("source", "aws.scheduler"), null);
    }

    private Survey survey(Survey survey) {
        new SurveyDao(table.client(), table.tableName()).put(survey);
        return survey;
    }

    /** Invites the organisation, saves a first page and submits, as the respondent functions would. */
    private void complete(Survey survey, Organisation organisation) throws IOException {
        new InvitationService(new DynamoInvitationStore(table.client(), table.tableName()), clock)
                .invite(survey, organisation, Duration.ofDays(30));
        ResponseDao responses = new ResponseDao(table.client(), table.tableName());
        StoredResponse base = responses.get(survey.id(), organisation.number()).orElseThrow();
        ObjectNode answers = (ObjectNode) JSON.readTree("{\"Q0\": {\"choice\": 1}}");
        WriteOutcome saved = responses.savePage(base, new PageWrite(0, ResponseStatus.IN_PROGRESS, answers,
                List.of("q0"), Surveys.QUESTIONNAIRE, 1, clock.instant(),
                new LastWrite("page:q0", 0, "seed", List.of())));
        StoredResponse written = ((WriteOutcome.Written) saved).response();
        responses.submit(written, new Submission(written.version(), clock.instant(),
                new LastWrite(LastWrite.SUBMIT, written.version(), "seed", List.of())));
    }
}
