package no.ks.barometer.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ValidateTest extends EngineFixture {

    @Test
    void completeResponseHasNoProblems() {
        assertEquals(List.of(), ENGINE.validate(KOMMUNE, kommuneComplete()));
    }

    @Test
    void declinedResponseWithOnlyItsConsentAnswerIsValid() {
        assertEquals(List.of(), ENGINE.validate(FYLKE, state(answers("Q0", one(2)), "p0")));
    }

    @Test
    void unansweredVisibleRequiredQuestionsAreReported() {
        List<Problem> problems = ENGINE.validate(KOMMUNE, state(answers("Q0", one(1), "QA", one(1)), "p0", "pa"));
        assertEquals(Set.of("QB", "QD"), Set.copyOf(problems.stream().map(Problem::question).toList()));
        assertEquals(Set.of(ProblemCode.REQUIRED), codes(problems));
    }

    @Test
    void storedAnswerOfAHiddenQuestionIsReported() {
        ResponseState stale = state(answers("Q0", one(1), "QA", one(2), "QB", many(1), "QE", text("Tid")),
                "p0", "pa", "pb", "pe", "pz");
        List<Problem> problems = ENGINE.validate(KOMMUNE, stale);
        assertEquals(List.of(new Problem(ProblemCode.QUESTION_HIDDEN, "QB", null, null,
                ProblemCode.QUESTION_HIDDEN.message())), problems);
    }

    @Test
    void storedAnswerToAnUnknownQuestionIsReported() {
        ResponseState state = state(answers("Q0", one(2), "Q404", text("x")), "p0");
        assertEquals(Set.of(ProblemCode.UNKNOWN_QUESTION), codes(ENGINE.validate(KOMMUNE, state)));
    }

    @Test
    void storedAnswerThatBreaksARuleIsReported() {
        ResponseState state = state(answers("Q0", one(1), "QA", one(1), "QB", many(1, 7), "QC", many(3),
                "QD", grid(1, "a", 3, "b")), "p0", "pa", "pb", "pc", "pd", "pz");
        assertEquals(Set.of(ProblemCode.OPTION_NOT_OFFERED), codes(ENGINE.validate(KOMMUNE, state)));
        assertEquals(List.of("QB", "QC"), ENGINE.validate(KOMMUNE, state).stream().map(Problem::question).toList());
    }

    @Test
    void fylkeskommuneNeedsItsOwnRowsAndQuestions() {
        ResponseState state = state(answers("Q0", one(1), "QA", one(1), "QB", many(7), "QD", grid(1, "a", 3, "b")),
                "p0", "pa", "pb", "pd", "pe", "pz");
        assertEquals(Set.of(ProblemCode.GRID_ROW_UNKNOWN, ProblemCode.GRID_ROW_MISSING, ProblemCode.REQUIRED),
                codes(ENGINE.validate(FYLKE, state)));
    }
}
