package no.ks.barometer.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HiddenAnswerRemovalTest extends EngineFixture {

    @Test
    void changingAFilterAnswerRemovesTheAnswersItHides() {
        SaveOutcome outcome = ENGINE.savePage(KOMMUNE, kommuneComplete(), "pa", answers("QA", one(2)));
        assertEquals(List.of(), outcome.problems());
        assertEquals(Set.of("QB", "QC", "QD"), outcome.removedQuestions());
        assertEquals(answers("Q0", one(1), "QA", one(2)), outcome.state().answers());
        assertEquals(List.of("p0", "pa", "pz"), outcome.state().savedPages(), "hidden pages are no longer saved");
        assertEquals(Optional.of("pe"), outcome.nextPage());
        assertEquals(Completion.IN_PROGRESS, outcome.completion());
    }

    @Test
    void removedAnswersDoNotComeBackWhenTheFilterIsRestored() {
        ResponseState changed = saved(KOMMUNE, kommuneComplete(), "pa", answers("QA", one(2)));
        ResponseState restored = saved(KOMMUNE, changed, "pa", answers("QA", one(1)));
        assertFalse(restored.answers().containsKey("QB"));
        assertEquals(Optional.of("pb"), ENGINE.nextPage(KOMMUNE, restored));
    }

    @Test
    void withdrawnCarriedForwardChoiceIsDroppedAndTheRestKept() {
        ResponseState state = saved(KOMMUNE, kommuneAtQc(), "pc", answers("QC", many(1, 2)));
        SaveOutcome outcome = ENGINE.savePage(KOMMUNE, state, "pb", answers("QB", many(2, 3)));
        assertEquals(many(2), outcome.state().answers().get("QC"));
        assertEquals(Set.of(), outcome.removedQuestions(), "QC still has an answer, so it is not reported");
        assertEquals(Optional.of("pd"), outcome.nextPage());
    }

    @Test
    void questionWhoseEveryCarriedForwardChoiceIsWithdrawnIsRemoved() {
        ResponseState state = saved(KOMMUNE, kommuneAtQc(), "pc", answers("QC", many(1)));
        SaveOutcome outcome = ENGINE.savePage(KOMMUNE, state, "pb", answers("QB", many(2, 3)));
        assertEquals(Set.of("QC"), outcome.removedQuestions());
        assertFalse(outcome.state().answers().containsKey("QC"));
        assertEquals(Optional.of("pc"), outcome.nextPage(), "QC is still visible and must be answered again");
    }

    @Test
    void optionNotCarriedForwardSurvivesAnyChangeOfTheSource() {
        ResponseState state = saved(KOMMUNE, kommuneAtQc(), "pc", answers("QC", many(9)));
        SaveOutcome outcome = ENGINE.savePage(KOMMUNE, state, "pb", answers("QB", many(3)));
        assertEquals(many(9), outcome.state().answers().get("QC"));
        assertEquals(Set.of(), outcome.removedQuestions());
    }

    @Test
    void sourceChangeThatHidesTheCarryForwardQuestionRemovesIt() {
        ResponseState state = saved(KOMMUNE, kommuneAtQc(), "pc", answers("QC", many(1)));
        SaveOutcome outcome = ENGINE.savePage(KOMMUNE, state, "pb", answers("QB", many(5)));
        assertEquals(Set.of("QC"), outcome.removedQuestions());
        assertEquals(List.of("p0", "pa", "pb"), outcome.state().savedPages());
    }

    @Test
    void endingTheSurveyRemovesEveryLaterAnswer() {
        SaveOutcome outcome = ENGINE.savePage(KOMMUNE, kommuneComplete(), "p0", answers("Q0", one(3)));
        assertEquals(Set.of("QA", "QB", "QC", "QD"), outcome.removedQuestions());
        assertEquals(answers("Q0", one(3)), outcome.state().answers());
        assertEquals(List.of("p0"), outcome.state().savedPages());
        assertEquals(Completion.WRONG_RECIPIENT, outcome.completion());
        assertEquals(Optional.empty(), outcome.nextPage());
    }

    @Test
    void answersToQuestionsTheQuestionnaireDoesNotHaveAreRemoved() {
        ResponseState state = state(answers("Q0", one(1), "Q404", one(1)), "p0");
        SaveOutcome outcome = ENGINE.savePage(KOMMUNE, state, "pa", answers("QA", one(2)));
        assertEquals(Set.of("Q404"), outcome.removedQuestions());
        assertEquals(answers("Q0", one(1), "QA", one(2)), outcome.state().answers());
    }

    @Test
    void removedQuestionsAreListedInQuestionnaireOrder() {
        SaveOutcome outcome = ENGINE.savePage(KOMMUNE, kommuneComplete(), "pa", answers("QA", one(2)));
        assertEquals(List.of("QB", "QC", "QD"), List.copyOf(outcome.removedQuestions()));
    }

    @Test
    void effectiveAnswersLeaveOutHiddenQuestionsWithdrawnChoicesAndAnswersThatSayNothing() {
        ResponseState stale = state(answers("Q0", one(1), "QA", one(1), "QB", many(2), "QC", many(1, 2),
                "QE", text("Skjult"), "QZ", text("  ")), "p0", "pa", "pb", "pc");
        List<Answer> effective = ENGINE.effectiveAnswers(KOMMUNE, stale.answers());
        assertEquals(QUESTIONNAIRE.questions().size(), effective.size());
        assertEquals(Arrays.asList(one(1), one(1), many(2), many(2), null, null, null, null), effective,
                "QC loses the 1 QB no longer has; QE is hidden; a blank QZ says nothing");
    }
}
