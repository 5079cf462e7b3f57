package no.ks.barometer.respondent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import no.ks.barometer.invitation.Organisation;
import no.ks.barometer.questionnaire.QuestionnaireCatalog;
import no.ks.barometer.response.ResponseStatus;
import no.ks.barometer.response.StoredResponse;
import no.ks.barometer.rules.ProblemCode;
import no.ks.barometer.survey.Survey;
import no.ks.barometer.testing.InMemoryResponses;
import no.ks.barometer.testing.InMemorySurveys;
import no.ks.barometer.testing.MutableClock;
import no.ks.barometer.testing.Organisations;
import no.ks.barometer.testing.Surveys;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The respondent use cases on in-memory stores: what each request comes to, and what is stored. */
class RespondentUseCasesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final QuestionnaireCatalog CATALOG = QuestionnaireCatalog.fromClasspath();

    private final MutableClock clock = new MutableClock(Surveys.START.plus(Duration.ofDays(1)));
    private final InMemoryResponses responses = new InMemoryResponses();
    private final InMemorySurveys surveys = new InMemorySurveys();
    private final Survey survey = Surveys.open("use-cases");
    private final Organisation halden = Organisations.halden();
    private final ResponseFinder finder = finder();
    private final PageSaving saving = new PageSaving(finder);
    private final Submitting submitting = new Submitting(finder);
    private final String token;

    RespondentUseCasesTest() {
        surveys.put(survey);
        token = responses.invite(survey, halden, clock.instant(), clock.instant().plus(Duration.ofDays(90)));
    }

    private ResponseFinder finder() {
        return new ResponseFinder(responses, surveys, CATALOG, clock);
    }

    @Test
    void firstShowOpensTheResponseAndLaterOnesLeaveIt() {
        RespondentOutcome first = finder.show(token);
        RespondentOutcome second = finder.show(token);

        assertEquals(ResponseStatus.OPENED, assertInstanceOf(RespondentOutcome.Shown.class, first).view().status());
        assertEquals(ResponseStatus.OPENED, assertInstanceOf(RespondentOutcome.Shown.class, second).view().status());
        assertEquals(1, responses.writes());
    }

    @Test
    void malformedAndUnknownTokensAreAnsweredAlikeAndReadNothingForAMalformedOne() {
        assertInstanceOf(RespondentOutcome.InvalidToken.class, finder.show("not a token"));
        assertEquals(0, responses.reads());
        assertInstanceOf(RespondentOutcome.InvalidToken.class, finder.show(token.substring(1) + "A"));
    }

    @Test
    void expiredTokenIsInvalid() {
        clock.advance(Duration.ofDays(90));

        assertInstanceOf(RespondentOutcome.InvalidToken.class, finder.show(token));
    }

    @Test
    void closingASurveyReachesAWarmFinderWithinTheRefreshTime() {
        finder.show(token);
        surveys.put(Surveys.closed(survey));

        RespondentOutcome stillOpen = finder.show(token);
        clock.advance(ResponseFinder.SURVEY_REFRESH);
        RespondentOutcome closed = finder.show(token);

        assertInstanceOf(RespondentOutcome.Shown.class, stillOpen);
        assertInstanceOf(RespondentOutcome.SurveyClosed.class, closed);
    }

    @Test
    void savedPageIsStoredWithTheNextVersionAndPage() {
        RespondentOutcome outcome = saving.save(token, "q0", 0, answers("{\"Q0\":{\"choice\":1}}"));

        RespondentView view = assertInstanceOf(RespondentOutcome.Saved.class, outcome).view();
        assertEquals(1, view.version());
        assertEquals(ResponseStatus.IN_PROGRESS, view.status());
        assertEquals(List.of("q0"), view.savedPages());
        assertEquals("q1", view.nextPage().orElseThrow());
        assertEquals(1, stored().version());
    }

    @Test
    void repeatedSaveIsAnsweredAsBeforeWithoutAnotherWrite() {
        saving.save(token, "q0", 0, answers("{\"Q0\":{\"choice\":1}}"));
        int writes = responses.writes();

        RespondentOutcome repeat = saving.save(token, "q0", 0, answers("{\"Q0\":{\"choice\":1}}"));

        assertEquals(1, assertInstanceOf(RespondentOutcome.Saved.class, repeat).view().version());
        assertEquals(writes, responses.writes());
    }

    @Test
    void staleVersionConflictsAndCarriesTheStoredResponse() {
        saving.save(token, "q0", 0, answers("{\"Q0\":{\"choice\":1}}"));

        RespondentOutcome stale = saving.save(token, "q0", 0, answers("{\"Q0\":{\"choice\":2}}"));

        RespondentView current = assertInstanceOf(RespondentOutcome.Conflict.class, stale).current();
        assertEquals(1, current.version());
        assertEquals(1, current.answers().get("Q0").get("choice").intValue());
    }

    @Test
    void writeRefusedBecauseAnotherContainerWroteFirstIsDecidedAgainOnTheStoredResponse() {
        saving.save(token, "q0", 0, answers("{\"Q0\":{\"choice\":1}}"));
        new PageSaving(finder()).save(token, "q1", 1, answers("{\"Q1\":{\"choice\":1}}"));

        RespondentOutcome late = saving.save(token, "q1", 1, answers("{\"Q1\":{\"choice\":2}}"));

        assertEquals(2, assertInstanceOf(RespondentOutcome.Conflict.class, late).current().version());
        assertEquals(1, stored().answers().get("Q1").get("choice").intValue());
    }

    @Test
    void answersThatBreakTheRulesAreRefusedWithTheirProblemsAndNothingIsStored() {
        RespondentOutcome outcome = saving.save(token, "q0", 0, answers("{\"Q0\":{\"choice\":99}}"));

        RespondentOutcome.Refused refused = assertInstanceOf(RespondentOutcome.Refused.class, outcome);
        assertEquals(halden.number(), refused.orgNumber());
        assertEquals(ProblemCode.UNKNOWN_OPTION, refused.problems().get(0).code());
        assertEquals(0, responses.writes());
    }

    @Test
    void unknownPageIsNotFound() {
        RespondentOutcome outcome = saving.save(token, "q99", 0, answers("{}"));

        assertEquals("q99", assertInstanceOf(RespondentOutcome.PageNotFound.class, outcome).pageId());
    }

    @Test
    void revokedTokenIsRefusedByAFinderThatRemembersTheResponse() {
        saving.save(token, "q0", 0, answers("{\"Q0\":{\"choice\":1}}"));
        StoredResponse saved = stored();
        responses.put(new StoredResponse(saved.surveyId(), saved.organisation(), null, saved.tokenExpiresAt(),
                saved.status(), saved.times(), saved.questionnaireId(), saved.questionnaireVersion(),
                saved.version(), saved.answers(), saved.savedPages(), saved.lastWrite()));

        assertInstanceOf(RespondentOutcome.InvalidToken.class,
                saving.save(token, "q1", 1, answers("{\"Q1\":{\"choice\":99}}")));
        assertInstanceOf(RespondentOutcome.InvalidToken.class,
                saving.save(token, "q1", 1, answers("{\"Q1\":{\"choice\":1}}")));
        assertEquals(1, stored().version());
    }

    @Test
    void unfinishedResponseIsNotSubmitted() {
        saving.save(token, "q0", 0, answers("{\"Q0\":{\"choice\":1}}"));

        RespondentOutcome outcome = submitting.submit(token, 1);

        assertInstanceOf(RespondentOutcome.Refused.class, outcome);
        assertEquals(ResponseStatus.IN_PROGRESS, stored().status());
    }

    @Test
    void finishedResponseIsSubmittedOnceAndThenClosed() {
        long version = answerEveryPage();

        RespondentOutcome submitted = submitting.submit(token, version);
        RespondentOutcome repeated = submitting.submit(token, version);
        RespondentOutcome late = saving.save(token, "q28", version + 1, answers("{\"Q28\":{\"text\":\"Etterpå\"}}"));

        assertEquals(ResponseStatus.COMPLETED,
                assertInstanceOf(RespondentOutcome.Submitted.class, submitted).view().status());
        assertInstanceOf(RespondentOutcome.Submitted.class, repeated);
        assertInstanceOf(RespondentOutcome.Closed.class, late);
        assertEquals(version + 1, stored().version());
    }

    @Test
    void finishedResponseCanBeReadButNotWrittenAfterTheSurveyClosedUntilItsTokenExpires() {
        long version = answerEveryPage();
        submitting.submit(token, version);
        surveys.put(Surveys.closed(survey));
        clock.advance(ResponseFinder.SURVEY_REFRESH);

        RespondentOutcome read = finder.show(token);
        RespondentOutcome save = saving.save(token, "q28", version + 1, answers("{\"Q28\":{\"text\":\"Etterpå\"}}"));
        RespondentOutcome submit = submitting.submit(token, version + 1);
        clock.advance(Duration.ofDays(90));
        RespondentOutcome expired = finder.show(token);

        assertEquals(ResponseStatus.COMPLETED, assertInstanceOf(RespondentOutcome.Shown.class, read).view().status());
        assertInstanceOf(RespondentOutcome.SurveyClosed.class, save);
        assertInstanceOf(RespondentOutcome.SurveyClosed.class, submit);
        assertInstanceOf(RespondentOutcome.InvalidToken.class, expired);
    }

    @Test
    void unfinishedResponseCannotBeReadAfterTheSurveyClosed() {
        saving.save(token, "q0", 0, answers("{\"Q0\":{\"choice\":1}}"));
        surveys.put(Surveys.closed(survey));
        clock.advance(ResponseFinder.SURVEY_REFRESH);

        assertInstanceOf(RespondentOutcome.SurveyClosed.class, finder.show(token));
    }

    @Test
    void answersAreShownInQuestionnaireOrderWhateverOrderTheStoreKeeps() {
        answerEveryPage();
        StoredResponse saved = stored();
        ObjectNode reversed = JSON.createObjectNode();
        List<String> ids = new ArrayList<>();
        saved.answers().fieldNames().forEachRemaining(ids::add);
        Collections.reverse(ids);
        ids.forEach(id -> reversed.set(id, saved.answers().get(id)));
        responses.put(new StoredResponse(saved.surveyId(), saved.organisation(), saved.tokenHash(),
                saved.tokenExpiresAt(), saved.status(), saved.times(), saved.questionnaireId(),
                saved.questionnaireVersion(), saved.version(), reversed, saved.savedPages(), saved.lastWrite()));

        RespondentView view = assertInstanceOf(RespondentOutcome.Shown.class, finder().show(token)).view();

        List<String> shown = new ArrayList<>();
        view.answers().fieldNames().forEachRemaining(shown::add);
        assertEquals(List.of("Q0", "Q1", "Q2", "Q28"), shown);
    }

    /** Q2 = Vet ikke leads straight to the last page. */
    private long answerEveryPage() {
        String[][] pages = {{"q0", "{\"Q0\":{\"choice\":1}}"}, {"q1", "{\"Q1\":{\"choice\":2}}"},
                {"q2", "{\"Q2\":{\"choice\":3}}"}, {"q28", "{\"Q28\":{\"text\":\"Vi vet for lite om dette.\"}}"}};
        long version = 0;
        for (String[] page : pages) {
            version = assertInstanceOf(RespondentOutcome.Saved.class,
                    saving.save(token, page[0], version, answers(page[1]))).view().version();
        }
        return version;
    }

    private StoredResponse stored() {
        return responses.stored(survey.id(), halden.number());
    }

    private static ObjectNode answers(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
