package no.ks.barometer.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import no.ks.barometer.questionnaire.EndReason;
import no.ks.barometer.questionnaire.GridRow;
import no.ks.barometer.questionnaire.Option;
import no.ks.barometer.questionnaire.OrgType;
import org.junit.jupiter.api.Test;

class VisibilityTest extends EngineFixture {

    private static List<String> visible(OrgType orgType, ResponseState state) {
        return ENGINE.visibility(orgType, state).questionIds();
    }

    private static List<Integer> offered(OrgType orgType, ResponseState state, String question) {
        return ENGINE.visibility(orgType, state).question(question).orElseThrow()
                .options().stream().map(Option::code).toList();
    }

    @Test
    void filteredQuestionIsHiddenWhileItsFilterQuestionIsUnanswered() {
        assertEquals(List.of("Q0", "QA", "QZ"), visible(KOMMUNE, ResponseState.empty()));
    }

    @Test
    void filteredQuestionIsVisibleWhenTheChosenCodeIsInAnyOf() {
        ResponseState state = state(answers("Q0", one(1), "QA", one(1)), "p0", "pa");
        assertEquals(List.of("Q0", "QA", "QB", "QD", "QZ"), visible(KOMMUNE, state));
    }

    @Test
    void conditionOnAMultipleQuestionHoldsWhenAnyChosenCodeIsInAnyOf() {
        ResponseState state = state(answers("Q0", one(1), "QA", one(1), "QB", many(4, 3)), "p0", "pa", "pb");
        assertTrue(ENGINE.visibility(KOMMUNE, state).isVisible("QC"));
        ResponseState onlyOther = state(answers("Q0", one(1), "QA", one(1), "QB", many(4)), "p0", "pa", "pb");
        assertFalse(ENGINE.visibility(KOMMUNE, onlyOther).isVisible("QC"));
    }

    @Test
    void answerOfAHiddenQuestionIsAbsentForLaterConditions() {
        ResponseState stale = state(answers("Q0", one(1), "QA", one(2), "QB", many(1)), "p0", "pa", "pb");
        List<String> questions = visible(KOMMUNE, stale);
        assertFalse(questions.contains("QB"));
        assertFalse(questions.contains("QC"), "QB is hidden, so its answer cannot show QC");
    }

    @Test
    void notConditionHidesTheGridWhenVetIkkeIsChosen() {
        ResponseState vetIkke = state(answers("Q0", one(1), "QA", one(1), "QB", many(5)), "p0", "pa", "pb");
        assertFalse(ENGINE.visibility(KOMMUNE, vetIkke).isVisible("QD"));
        ResponseState area = state(answers("Q0", one(1), "QA", one(1), "QB", many(1)), "p0", "pa", "pb");
        assertTrue(ENGINE.visibility(KOMMUNE, area).isVisible("QD"));
    }

    @Test
    void orgTypeConditionsAndAnyShowQuestionsToFylkeskommunerOnly() {
        ResponseState state = state(answers("Q0", one(1), "QA", one(1)), "p0", "pa");
        assertEquals(List.of("Q0", "QA", "QB", "QD", "QE", "QF", "QZ"), visible(FYLKE, state));
        assertEquals(List.of("Q0", "QA", "QB", "QD", "QZ"), visible(KOMMUNE, state));
    }

    @Test
    void anyConditionHoldsWhenOneOfItsPartsHolds() {
        ResponseState no = state(answers("Q0", one(1), "QA", one(2)), "p0", "pa");
        assertTrue(ENGINE.visibility(KOMMUNE, no).isVisible("QE"));
        assertFalse(ENGINE.visibility(KOMMUNE, no).isVisible("QF"));
    }

    @Test
    void optionsAreOfferedOnlyToTheirOrganisationType() {
        ResponseState state = state(answers("Q0", one(1), "QA", one(1)), "p0", "pa");
        assertEquals(List.of(1, 2, 3, 4, 5, 6), offered(KOMMUNE, state, "QB"));
        assertEquals(List.of(1, 2, 3, 4, 5, 7), offered(FYLKE, state, "QB"));
    }

    @Test
    void rowsAreShownOnlyToTheirOrganisationType() {
        ResponseState state = state(answers("Q0", one(1), "QA", one(1)), "p0", "pa");
        assertEquals(List.of(1, 3), ENGINE.visibility(KOMMUNE, state).question("QD").orElseThrow()
                .rows().stream().map(GridRow::code).toList());
        assertEquals(List.of(2, 3), ENGINE.visibility(FYLKE, state).question("QD").orElseThrow()
                .rows().stream().map(GridRow::code).toList());
    }

    @Test
    void carryForwardOffersTheEarlierChoicesAndEveryOptionNotCarried() {
        ResponseState state = state(answers("Q0", one(1), "QA", one(1), "QB", many(3, 1)), "p0", "pa", "pb");
        assertEquals(List.of(1, 3, 9), offered(KOMMUNE, state, "QC"));
    }

    @Test
    void choosingAnEndingOptionHidesEverythingAfterIt() {
        ResponseState state = state(answers("Q0", one(2), "QA", one(1)), "p0", "pa");
        Visibility visibility = ENGINE.visibility(KOMMUNE, state);
        assertEquals(List.of("Q0"), visibility.questionIds());
        assertEquals(Optional.of(EndReason.DECLINED), visibility.ended());
    }

    @Test
    void pagesListOnlyTheirVisibleQuestions() {
        ResponseState state = state(answers("Q0", one(1), "QA", one(2)), "p0", "pa");
        VisiblePage page = ENGINE.visibility(KOMMUNE, state).pages().stream()
                .filter(p -> p.page().id().equals("pe")).findFirst().orElseThrow();
        assertEquals(List.of("QE"), page.questions().stream().map(q -> q.question().id()).toList());
    }

    @Test
    void standingGivesWhatTheSeparateQuestionsGiveForTheSameAnswers() {
        List<ResponseState> states = List.of(ResponseState.empty(),
                state(answers("Q0", one(1)), "p0"),
                state(answers("Q0", one(1), "QA", one(1), "QB", many(4, 3)), "p0", "pa", "pb"),
                state(answers("Q0", one(1), "QA", one(2), "QB", many(1)), "p0", "pa", "pb"));
        for (OrgType orgType : OrgType.values()) {
            for (ResponseState state : states) {
                Standing standing = ENGINE.standing(orgType, state);
                assertEquals(ENGINE.nextPage(orgType, state), standing.nextPage());
                assertEquals(ENGINE.progress(orgType, state), standing.progress());
                assertEquals(ENGINE.visibility(orgType, state), standing.visibility());
            }
        }
    }
}
