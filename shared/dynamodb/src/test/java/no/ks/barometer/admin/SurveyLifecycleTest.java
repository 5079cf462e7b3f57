package no.ks.barometer.admin;

import no.ks.barometer.survey.Survey;
import no.ks.barometer.survey.SurveyState;
import no.ks.barometer.testing.DynamoDbLocal;
import no.ks.barometer.testing.Surveys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import static no.ks.barometer.admin.AdminFixture.ADMIN;
import static no.ks.barometer.admin.AdminFixture.done;
import static no.ks.barometer.admin.AdminFixture.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(DynamoDbLocal.class)
class SurveyLifecycleTest {

    private static AdminFixture fixture;
    private static SurveyAdmin surveys;

    @BeforeAll
    static void setUp(DynamoDbLocal.LocalTable table) {
        fixture = new AdminFixture(table);
        surveys = fixture.admin.surveys();
    }

    @Test
    void createdSurveyIsStoredOpenOnTheCatalogVersionAndTakesAnswersInItsWindow() {
        Survey created = done(surveys.create(fixture.newSurvey("create-ok"), ADMIN));

        Survey stored = fixture.surveys.get("create-ok").orElseThrow();
        assertEquals(created, stored);
        assertEquals(SurveyState.OPEN, stored.state());
        assertEquals(1, stored.questionnaireVersion());
        assertEquals(URI.create("https://barometer.example/"), stored.linkBaseUrl());
        assertTrue(stored.acceptsAnswers(Surveys.START.plusSeconds(1)));
        assertFalse(stored.acceptsAnswers(Surveys.START.minusSeconds(1)));
    }

    @Test
    void withoutAVersionTheCatalogsCurrentOneIsTaken() {
        NewSurvey request = fixture.newSurvey("create-current");
        Survey created = done(surveys.create(new NewSurvey(request.id(), request.title(), request.questionnaireId(),
                null, request.opensAt(), request.closesAt(), request.linkBaseUrl()), ADMIN));

        assertEquals(AdminFixture.CATALOG.current(Surveys.QUESTIONNAIRE).orElseThrow().questionnaire().version(),
                created.questionnaireVersion());
    }

    @Test
    void secondSurveyWithTheSameIdIsRefusedAndTheFirstStays() {
        fixture.createSurvey("create-twice");
        NewSurvey again = fixture.newSurvey("create-twice");

        Outcome.Refused<Survey> refusal = refused(surveys.create(new NewSurvey(again.id(), "Annen tittel",
                again.questionnaireId(), 1, again.opensAt(), again.closesAt(), again.linkBaseUrl()), ADMIN));

        assertEquals(Refusal.SURVEY_EXISTS, refusal.reason());
        assertEquals("Innovasjonsbarometeret 2024", fixture.surveys.get("create-twice").orElseThrow().title());
    }

    @Test
    void questionnaireOrVersionNotInTheCatalogIsRefused() {
        NewSurvey base = fixture.newSurvey("create-unknown");
        assertEquals(Refusal.QUESTIONNAIRE_NOT_FOUND, refused(surveys.create(new NewSurvey(base.id(), base.title(),
                "finnes-ikke", 1, base.opensAt(), base.closesAt(), base.linkBaseUrl()), ADMIN)).reason());
        assertEquals(Refusal.QUESTIONNAIRE_NOT_FOUND, refused(surveys.create(new NewSurvey(base.id(), base.title(),
                base.questionnaireId(), 99, base.opensAt(), base.closesAt(), base.linkBaseUrl()), ADMIN)).reason());
        assertTrue(fixture.surveys.get("create-unknown").isEmpty());
    }

    @Test
    void badRequestsAreRefusedAndStoreNothing() {
        NewSurvey b = fixture.newSurvey("create-bad");
        Instant past = Surveys.START.minusSeconds(3600);
        for (NewSurvey bad : new NewSurvey[] {
                new NewSurvey("Store Bokstaver", b.title(), b.questionnaireId(), 1, b.opensAt(), b.closesAt(),
                        b.linkBaseUrl()),
                new NewSurvey(b.id(), " ", b.questionnaireId(), 1, b.opensAt(), b.closesAt(), b.linkBaseUrl()),
                new NewSurvey(b.id(), b.title(), b.questionnaireId(), 1, b.closesAt(), b.opensAt(), b.linkBaseUrl()),
                new NewSurvey(b.id(), b.title(), b.questionnaireId(), 1, past.minusSeconds(60), past, b.linkBaseUrl()),
                new NewSurvey(b.id(), b.title(), b.questionnaireId(), 1, null, b.closesAt(), b.linkBaseUrl()),
                new NewSurvey(b.id(), b.title(), b.questionnaireId(), 0, b.opensAt(), b.closesAt(), b.linkBaseUrl()),
                new NewSurvey(b.id(), b.title(), b.questionnaireId(), 1, b.opensAt(), b.closesAt(),
                        "http://barometer.example/"),
                new NewSurvey(b.id(), b.title(), b.questionnaireId(), 1, b.opensAt(), b.closesAt(),
                        "https://barometer.example/#t=x"),
                new NewSurvey(b.id(), b.title(), b.questionnaireId(), 1, b.opensAt(), b.closesAt(), "ikke en url")}) {
            assertEquals(Refusal.INVALID_REQUEST, refused(surveys.create(bad, ADMIN)).reason(), bad.toString());
        }
        assertTrue(fixture.surveys.get("create-bad").isEmpty());
    }

    @Test
    void localStackAddressOnLoopbackMayUsePlainHttp() {
        NewSurvey b = fixture.newSurvey("create-local");
        done(surveys.create(new NewSurvey(b.id(), b.title(), b.questionnaireId(), 1, b.opensAt(), b.closesAt(),
                "http://127.0.0.1:8080/"), ADMIN));
    }

    @Test
    void closeStopsAnswersAndSaysHowSoonWarmContainersNotice() {
        fixture.createSurvey("lifecycle-close");

        SurveyChange change = done(surveys.close("lifecycle-close", ADMIN));

        assertEquals(SurveyState.CLOSED, change.survey().state());
        assertEquals(Duration.ofSeconds(30), change.takesEffectWithin());
        assertFalse(fixture.surveys.get("lifecycle-close").orElseThrow().acceptsAnswers(fixture.clock.instant()));
    }

    @Test
    void closingAClosedSurveyChangesNothing() {
        fixture.createSurvey("lifecycle-close-twice");
        done(surveys.close("lifecycle-close-twice", ADMIN));

        assertEquals(Duration.ZERO, done(surveys.close("lifecycle-close-twice", ADMIN)).takesEffectWithin());
    }

    @Test
    void openAfterCloseTakesAnswersAgain() {
        fixture.createSurvey("lifecycle-reopen");
        done(surveys.close("lifecycle-reopen", ADMIN));

        SurveyChange change = done(surveys.open("lifecycle-reopen", ADMIN));

        assertEquals(SurveyState.OPEN, change.survey().state());
        assertTrue(fixture.surveys.get("lifecycle-reopen").orElseThrow().acceptsAnswers(fixture.clock.instant()));
    }

    @Test
    void extendMovesTheDeadlineLaterAndNeverEarlier() {
        fixture.createSurvey("lifecycle-extend");
        Instant closesAt = fixture.surveys.get("lifecycle-extend").orElseThrow().closesAt();

        assertEquals(Refusal.INVALID_REQUEST,
                refused(surveys.extend("lifecycle-extend", closesAt.minusSeconds(1), ADMIN)).reason());
        SurveyChange change = done(surveys.extend("lifecycle-extend", closesAt.plus(Duration.ofDays(7)), ADMIN));

        assertEquals(closesAt.plus(Duration.ofDays(7)), change.survey().closesAt());
        assertEquals(change.survey(), fixture.surveys.get("lifecycle-extend").orElseThrow());
    }

    @Test
    void openingASurveyPastItsDeadlineIsRefusedUntilItIsExtended() {
        fixture.createSurvey("lifecycle-late");
        done(surveys.close("lifecycle-late", ADMIN));
        Instant closesAt = fixture.surveys.get("lifecycle-late").orElseThrow().closesAt();
        fixture.clock.advance(Duration.between(fixture.clock.instant(), closesAt).plusSeconds(1));
        try {
            assertEquals(Refusal.INVALID_REQUEST, refused(surveys.open("lifecycle-late", ADMIN)).reason());
            done(surveys.extend("lifecycle-late", closesAt.plus(Duration.ofDays(1)), ADMIN));
            assertEquals(SurveyState.OPEN, done(surveys.open("lifecycle-late", ADMIN)).survey().state());
        } finally {
            fixture.clock.advance(Duration.between(fixture.clock.instant(), Surveys.START));
        }
    }

    @Test
    void changeMadeAgainstAStaleSurveyIsNotStored() {
        fixture.createSurvey("lifecycle-stale");
        Survey read = fixture.surveys.get("lifecycle-stale").orElseThrow();
        done(surveys.close("lifecycle-stale", ADMIN));

        assertFalse(fixture.surveys.replace(read, new Survey(read.id(), read.title(), read.questionnaireId(),
                read.questionnaireVersion(), read.state(), read.opensAt(), read.closesAt().plusSeconds(60),
                read.linkBaseUrl())));
        assertEquals(SurveyState.CLOSED, fixture.surveys.get("lifecycle-stale").orElseThrow().state());
    }

    @Test
    void unknownSurveyIsRefusedByEveryAction() {
        assertEquals(Refusal.SURVEY_NOT_FOUND, refused(surveys.get("finnes-ikke")).reason());
        assertEquals(Refusal.SURVEY_NOT_FOUND, refused(surveys.open("finnes-ikke", ADMIN)).reason());
        assertEquals(Refusal.SURVEY_NOT_FOUND, refused(surveys.close("finnes-ikke", ADMIN)).reason());
        assertEquals(Refusal.SURVEY_NOT_FOUND,
                refused(surveys.extend("finnes-ikke", Surveys.START.plusSeconds(1), ADMIN)).reason());
    }

    @Test
    void everySurveyIsListed() {
        fixture.createSurvey("list-a");
        fixture.createSurvey("list-b");

        assertTrue(surveys.list().stream().map(Survey::id).toList().containsAll(java.util.List.of("list-a",
                "list-b")));
    }
}
