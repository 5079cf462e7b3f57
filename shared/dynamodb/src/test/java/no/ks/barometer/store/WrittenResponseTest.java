package no.ks.barometer.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import no.ks.barometer.invitation.InvitationService;
import no.ks.barometer.invitation.IssuedInvitation;
import no.ks.barometer.response.LastWrite;
import no.ks.barometer.response.PageWrite;
import no.ks.barometer.response.ResponseStatus;
import no.ks.barometer.response.StoredResponse;
import no.ks.barometer.response.Submission;
import no.ks.barometer.response.WriteOutcome;
import no.ks.barometer.survey.Survey;
import no.ks.barometer.testing.DynamoDbLocal;
import no.ks.barometer.testing.MutableClock;
import no.ks.barometer.testing.Organisations;
import no.ks.barometer.testing.Surveys;
import no.ks.barometer.token.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * A respondent's write does not ask DynamoDB for the item back: the response it returns is made from what it read
 * and what it wrote. Here every kind of write is followed by a read, and the two must agree in every field.
 */
@ExtendWith(DynamoDbLocal.class)
class WrittenResponseTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static MutableClock clock;
    private static InvitationService invitations;
    private static ResponseDao responses;

    @BeforeAll
    static void setUp(DynamoDbLocal.LocalTable table) {
        clock = new MutableClock(Surveys.START);
        invitations = new InvitationService(new DynamoInvitationStore(table.client(), table.tableName()), clock);
        responses = new ResponseDao(table.client(), table.tableName());
    }

    private static StoredResponse invited(String surveyId) {
        Survey survey = Surveys.open(surveyId);
        IssuedInvitation issued = invitations.invite(survey, Organisations.halden(), Duration.ofDays(90));
        return responses.findByToken(Tokens.hash(issued.token()), clock.instant()).orElseThrow();
    }

    private static ObjectNode answers(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }

    private static StoredResponse written(WriteOutcome outcome) {
        return assertInstanceOf(WriteOutcome.Written.class, outcome).response();
    }

    /**
     * Field by field; the answers as the JSON they are sent as, since a read's numbers come back as another kind of
     * JSON number node than the written ones, and the store keeps no member order.
     */
    private static void assertSameAsRead(StoredResponse written) throws Exception {
        StoredResponse read = responses.get(written.surveyId(), written.organisation().number()).orElseThrow();
        assertEquals(JSON.readTree(read.answers().toString()), JSON.readTree(written.answers().toString()));
        assertEquals(read, new StoredResponse(written.surveyId(), written.organisation(), written.tokenHash(),
                written.tokenExpiresAt(), written.status(), written.times(), written.questionnaireId(),
                written.questionnaireVersion(), written.version(), read.answers(), written.savedPages(),
                written.lastWrite()));
    }

    private static PageWrite page(StoredResponse base, ResponseStatus status, ObjectNode answers,
                                  List<String> pages, List<String> removed) {
        return new PageWrite(base.version(), status, answers, pages, "innovasjonsbarometer-2024", 1,
                clock.instant(), new LastWrite(LastWrite.page(pages.getLast()), base.version(), "body", removed));
    }

    @Test
    void firstSaveLaterSaveAndSubmitEachReturnTheItemAsReadBack() throws Exception {
        StoredResponse opened = responses.markOpened(invited("written-saves"), clock.instant());
        clock.advance(Duration.ofMinutes(1));
        StoredResponse first = written(responses.savePage(opened, page(opened, ResponseStatus.IN_PROGRESS,
                answers("{\"Q0\":{\"choice\":1}}"), List.of("q0"), List.of())));
        assertSameAsRead(first);
        clock.advance(Duration.ofMinutes(1));
        StoredResponse second = written(responses.savePage(first, page(first, ResponseStatus.IN_PROGRESS,
                answers("{\"Q0\":{\"choice\":1},\"Q1\":{\"choices\":[2,3],\"other\":\"Æ ø å\"}}"),
                List.of("q0", "q1"), List.of("Q9"))));
        assertSameAsRead(second);
        assertEquals(first.times().startedAt(), second.times().startedAt(), "started once, at the first save");
        clock.advance(Duration.ofMinutes(1));
        StoredResponse submitted = written(responses.submit(second, new Submission(second.version(),
                clock.instant(), new LastWrite(LastWrite.SUBMIT, second.version(), "body", List.of()))));
        assertSameAsRead(submitted);
    }

    @Test
    void saveThatEndsTheSurveyReturnsTheItemAsReadBack() throws Exception {
        StoredResponse invited = invited("written-declined");
        StoredResponse declined = written(responses.savePage(invited, page(invited, ResponseStatus.DECLINED,
                answers("{\"Q0\":{\"choice\":2}}"), List.of("q0"), List.of())));
        assertSameAsRead(declined);
        assertEquals(clock.instant(), declined.times().endedAt());
    }
}
