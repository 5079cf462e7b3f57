package no.ks.barometer.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SavePageTest extends EngineFixture {

    private static final ResponseState AT_QA = state(answers("Q0", one(1)), "p0");
    private static final ResponseState AT_QB = state(answers("Q0", one(1), "QA", one(1)), "p0", "pa");
    private static final ResponseState AT_QE = state(answers("Q0", one(1), "QA", one(2)), "p0", "pa");
    private static final ResponseState AT_QZ = state(answers("Q0", one(1), "QA", one(2)), "p0", "pa", "pe");

    private static Problem onlyProblem(ResponseState state, String page, Map<String, Answer> answers) {
        List<Problem> problems = ENGINE.savePage(KOMMUNE, state, page, answers).problems();
        assertEquals(1, problems.size(), problems::toString);
        return problems.get(0);
    }

    @Test
    void savedPageIsAddedAndItsAnswersStored() {
        SaveOutcome outcome = ENGINE.savePage(KOMMUNE, AT_QA, "pa", answers("QA", one(1)));
        assertTrue(outcome.accepted());
        assertEquals(answers("Q0", one(1), "QA", one(1)), outcome.state().answers());
        assertEquals(List.of("p0", "pa"), outcome.state().savedPages());
        assertEquals(Optional.of("pb"), outcome.nextPage());
        assertEquals(Completion.IN_PROGRESS, outcome.completion());
    }

    @Test
    void unknownPageIsRefused() {
        Problem problem = onlyProblem(AT_QA, "p99", answers());
        assertEquals(ProblemCode.PAGE_UNKNOWN, problem.code());
        assertEquals(null, problem.question());
    }

    @Test
    void pageAfterAnUnfinishedPageIsNotReachable() {
        assertEquals(ProblemCode.PAGE_NOT_REACHABLE, onlyProblem(AT_QA, "pz", answers()).code());
    }

    @Test
    void hiddenPageIsNotReachable() {
        assertEquals(ProblemCode.PAGE_NOT_REACHABLE, onlyProblem(AT_QB, "pe", answers()).code());
    }

    @Test
    void refusedSaveLeavesTheStateAsItWas() {
        SaveOutcome outcome = ENGINE.savePage(KOMMUNE, AT_QB, "pb", answers("QB", many(1, 2, 3)));
        assertFalse(outcome.accepted());
        assertSame(AT_QB, outcome.state());
        assertEquals(Set.of(), outcome.removedQuestions());
        assertEquals(Optional.of("pb"), outcome.nextPage());
    }

    @Test
    void earlierPageCanBeSavedAgain() {
        ResponseState state = saved(KOMMUNE, kommuneAtQc(), "pa", answers("QA", one(1)));
        assertEquals(kommuneAtQc(), state);
    }

    @Test
    void unknownQuestionIsReported() {
        assertEquals(Set.of(ProblemCode.UNKNOWN_QUESTION),
                codesOfSaving(KOMMUNE, AT_QA, "pa", answers("QA", one(1), "Q404", one(1))));
    }

    @Test
    void questionOfAnotherPageIsReported() {
        Problem problem = onlyProblem(AT_QA, "pa", answers("QA", one(1), "Q0", one(1)));
        assertEquals(ProblemCode.QUESTION_NOT_ON_PAGE, problem.code());
        assertEquals("Q0", problem.question());
    }

    @Test
    void answerToAHiddenQuestionOfThePageIsReported() {
        Problem problem = onlyProblem(AT_QE, "pe", answers("QE", text("Tid"), "QF", text("Hemmelig")));
        assertEquals(ProblemCode.QUESTION_HIDDEN, problem.code());
        assertEquals("QF", problem.question());
    }

    @Test
    void answerOfTheWrongShapeIsReportedForEveryType() {
        assertEquals(Set.of(ProblemCode.WRONG_ANSWER_TYPE),
                codesOfSaving(KOMMUNE, AT_QA, "pa", answers("QA", text("Ja"))));
        assertEquals(Set.of(ProblemCode.WRONG_ANSWER_TYPE),
                codesOfSaving(KOMMUNE, AT_QB, "pb", answers("QB", one(1))));
        assertEquals(Set.of(ProblemCode.WRONG_ANSWER_TYPE),
                codesOfSaving(KOMMUNE, AT_QZ, "pz", answers("QZ", many(1))));
        ResponseState atPd = saved(KOMMUNE, kommuneAtQc(), "pc", answers("QC", many(1)));
        assertEquals(Set.of(ProblemCode.WRONG_ANSWER_TYPE),
                codesOfSaving(KOMMUNE, atPd, "pd", answers("QD", one(1))));
    }

    @Test
    void listOfSeveralChoicesForASingleQuestionIsTooManyChoices() {
        Problem problem = onlyProblem(AT_QA, "pa", answers("QA", many(1, 2)));
        assertEquals(ProblemCode.TOO_MANY_CHOICES, problem.code());
        assertEquals("Du kan bare velge ett svaralternativ.", problem.message());
        assertEquals(ProblemCode.WRONG_ANSWER_TYPE, onlyProblem(AT_QA, "pa", answers("QA", many(1))).code());
    }

    @Test
    void unknownOptionIsReportedWithItsCode() {
        Problem problem = onlyProblem(AT_QA, "pa", answers("QA", one(8)));
        assertEquals(ProblemCode.UNKNOWN_OPTION, problem.code());
        assertEquals(8, problem.option());
    }

    @Test
    void optionOfTheOtherOrganisationTypeIsNotOffered() {
        Problem problem = onlyProblem(AT_QB, "pb", answers("QB", many(7)));
        assertEquals(ProblemCode.OPTION_NOT_OFFERED, problem.code());
        assertEquals(7, problem.option());
        assertEquals(Set.of(), codesOfSaving(FYLKE, AT_QB, "pb", answers("QB", many(7))));
    }

    @Test
    void carriedForwardOptionNotChosenEarlierIsNotOffered() {
        Problem problem = onlyProblem(kommuneAtQc(), "pc", answers("QC", many(3)));
        assertEquals(ProblemCode.OPTION_NOT_OFFERED, problem.code());
        assertEquals(3, problem.option());
    }

    @Test
    void sameOptionTwiceIsADuplicateChoice() {
        Problem problem = onlyProblem(AT_QB, "pb", answers("QB", many(1, 1)));
        assertEquals(ProblemCode.DUPLICATE_CHOICE, problem.code());
        assertEquals(1, problem.option());
    }

    @Test
    void moreThanMaxChoicesIsTooManyWithTheLimitInTheMessage() {
        Problem problem = onlyProblem(AT_QB, "pb", answers("QB", many(1, 2, 3)));
        assertEquals(ProblemCode.TOO_MANY_CHOICES, problem.code());
        assertEquals("Du kan velge inntil 2 svaralternativer.", problem.message());
    }

    @Test
    void exclusiveOptionCannotBeCombined() {
        Problem problem = onlyProblem(AT_QB, "pb", answers("QB", many(1, 5)));
        assertEquals(ProblemCode.EXCLUSIVE_CONFLICT, problem.code());
        assertEquals(5, problem.option());
        assertEquals("«Vet ikke» kan ikke kombineres med andre svaralternativer.", problem.message());
        assertEquals(Set.of(), codesOfSaving(KOMMUNE, AT_QB, "pb", answers("QB", many(5))));
    }

    @Test
    void otherOptionNeedsItsText() {
        assertEquals(ProblemCode.OTHER_TEXT_MISSING,
                onlyProblem(AT_QB, "pb", answers("QB", many(4))).code());
        assertEquals(ProblemCode.OTHER_TEXT_MISSING,
                onlyProblem(AT_QA, "pa", answers("QA", new SingleChoice(3, " \n"))).code());
        assertEquals(Set.of(), codesOfSaving(KOMMUNE, AT_QA, "pa", answers("QA", new SingleChoice(3, "Fond"))));
    }

    @Test
    void otherTextWithoutTheOtherOptionIsNotAllowed() {
        assertEquals(ProblemCode.OTHER_TEXT_NOT_ALLOWED,
                onlyProblem(AT_QB, "pb", answers("QB", new MultipleChoice(List.of(1), "Fond"))).code());
        assertEquals(ProblemCode.OTHER_TEXT_NOT_ALLOWED,
                onlyProblem(AT_QA, "pa", answers("QA", new SingleChoice(1, ""))).code());
    }

    @Test
    void otherTextLongerThanTheLimitIsTooLong() {
        Problem problem = onlyProblem(AT_QB, "pb", answers("QB", new MultipleChoice(List.of(4), "12345678901")));
        assertEquals(ProblemCode.OTHER_TEXT_TOO_LONG, problem.code());
        assertEquals("Teksten i tekstfeltet kan ha høyst 10 tegn.", problem.message());
        assertEquals(Set.of(), codesOfSaving(KOMMUNE, AT_QB, "pb",
                answers("QB", new MultipleChoice(List.of(4), "1234567890"))));
    }

    @Test
    void textLongerThanTheLimitIsTooLong() {
        assertEquals(ProblemCode.TEXT_TOO_LONG, onlyProblem(AT_QZ, "pz", answers("QZ", text("x".repeat(21)))).code());
        assertEquals(Set.of(), codesOfSaving(KOMMUNE, AT_QZ, "pz", answers("QZ", text("x".repeat(20)))));
    }

    @Test
    void textLengthCountsUtf16CodeUnitsAsABrowserDoes() {
        String tenEmoji = "\uD83D\uDE00".repeat(10);
        assertEquals(Set.of(), codesOfSaving(KOMMUNE, AT_QZ, "pz", answers("QZ", text(tenEmoji))));
        assertEquals(Set.of(ProblemCode.TEXT_TOO_LONG),
                codesOfSaving(KOMMUNE, AT_QZ, "pz", answers("QZ", text(tenEmoji + "!"))));
    }

    @Test
    void controlCharactersAreInvalidButLineBreaksAndTabsAreNot() {
        assertEquals(ProblemCode.INVALID_CHARACTERS, onlyProblem(AT_QZ, "pz", answers("QZ", text("a\u0000b"))).code());
        assertEquals(ProblemCode.INVALID_CHARACTERS, onlyProblem(AT_QZ, "pz", answers("QZ", text("a\u0085"))).code());
        assertEquals(ProblemCode.INVALID_CHARACTERS, onlyProblem(AT_QZ, "pz", answers("QZ", text("a\uD800b"))).code());
        assertEquals(ProblemCode.INVALID_CHARACTERS,
                onlyProblem(AT_QA, "pa", answers("QA", new SingleChoice(3, "a\u001Bb"))).code());
        assertEquals(Set.of(), codesOfSaving(KOMMUNE, AT_QZ, "pz", answers("QZ", text("a\r\n\tb æøå"))));
    }

    @Test
    void requiredQuestionLeftOutIsReported() {
        Problem problem = onlyProblem(AT_QA, "pa", answers());
        assertEquals(ProblemCode.REQUIRED, problem.code());
        assertEquals("QA", problem.question());
        assertEquals(Set.of(ProblemCode.REQUIRED), codesOfSaving(KOMMUNE, AT_QB, "pb", answers("QB", many())));
        assertEquals(Set.of(ProblemCode.REQUIRED), codesOfSaving(FYLKE, AT_QE, "pe", answers("QF", text("  "))));
    }

    @Test
    void requiredGridNeedsEveryShownRow() {
        ResponseState atPd = saved(KOMMUNE, kommuneAtQc(), "pc", answers("QC", many(1)));
        Problem problem = onlyProblem(atPd, "pd", answers("QD", grid(3, "a")));
        assertEquals(ProblemCode.GRID_ROW_MISSING, problem.code());
        assertEquals(1, problem.row());
        assertEquals("Velg et svar for «Kommuneadministrasjonen».", problem.message());
        assertEquals(ProblemCode.REQUIRED, onlyProblem(atPd, "pd", answers()).code());
    }

    @Test
    void rowNotShownToTheOrganisationTypeIsUnknown() {
        ResponseState atPd = saved(KOMMUNE, kommuneAtQc(), "pc", answers("QC", many(1)));
        Problem problem = onlyProblem(atPd, "pd", answers("QD", grid(1, "a", 2, "a", 3, "b")));
        assertEquals(ProblemCode.GRID_ROW_UNKNOWN, problem.code());
        assertEquals(2, problem.row());
        assertEquals(Set.of(ProblemCode.GRID_ROW_UNKNOWN),
                codesOfSaving(KOMMUNE, atPd, "pd", answers("QD", grid(1, "a", 3, "b", 4, "a"))));
    }

    @Test
    void columnTheGridDoesNotHaveIsUnknown() {
        ResponseState atPd = saved(KOMMUNE, kommuneAtQc(), "pc", answers("QC", many(1)));
        Problem problem = onlyProblem(atPd, "pd", answers("QD", grid(1, "a", 3, "z")));
        assertEquals(ProblemCode.GRID_COLUMN_UNKNOWN, problem.code());
        assertEquals(3, problem.row());
    }

    @Test
    void everyProblemOfAPageIsReportedAtOnce() {
        SaveOutcome outcome = ENGINE.savePage(KOMMUNE, AT_QB, "pb",
                answers("QB", new MultipleChoice(List.of(1, 5, 6, 4, 99), null), "QZ", text("x")));
        assertEquals(Set.of(ProblemCode.TOO_MANY_CHOICES, ProblemCode.EXCLUSIVE_CONFLICT,
                ProblemCode.OTHER_TEXT_MISSING, ProblemCode.UNKNOWN_OPTION, ProblemCode.QUESTION_NOT_ON_PAGE),
                codes(outcome.problems()));
    }

    @Test
    void questionOfThePageLeftOutLosesItsAnswer() {
        ResponseState state = saved(KOMMUNE, AT_QZ, "pz", answers("QZ", text("Bra")));
        assertEquals(text("Bra"), state.answers().get("QZ"));
        SaveOutcome outcome = ENGINE.savePage(KOMMUNE, state, "pz", answers());
        assertFalse(outcome.state().answers().containsKey("QZ"));
        assertEquals(Set.of(), outcome.removedQuestions(), "the respondent's own removal is not reported");
    }

    @Test
    void blankTextIsStoredAsNoAnswer() {
        ResponseState state = saved(KOMMUNE, AT_QZ, "pz", answers("QZ", text(" \n ")));
        assertFalse(state.answers().containsKey("QZ"));
        assertTrue(state.savedPages().contains("pz"));
    }

    @Test
    void newStateKeepsQuestionnaireOrder() {
        ResponseState shuffled = state(answers("QA", one(1), "Q0", one(1)), "pa", "p0");
        ResponseState state = saved(KOMMUNE, shuffled, "pb", answers("QB", many(2)));
        assertEquals(List.of("Q0", "QA", "QB"), List.copyOf(state.answers().keySet()));
        assertEquals(List.of("p0", "pa", "pb"), state.savedPages());
    }
}
