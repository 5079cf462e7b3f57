package no.ks.barometer.http;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiProblemTest {

    private static ProblemError error(String question, String code, Integer option) {
        return new ProblemError(question, code, "Rett svaret.", null, option);
    }

    @Test
    void unauthorizedProblemWithoutAChallengeCannotBeMade() {
        assertThrows(IllegalArgumentException.class, () -> ApiProblem.of(ProblemType.INVALID_TOKEN, "Nei."));
    }

    @Test
    void firstErrorOfEachQuestionAndCodeIsKeptInOrder() {
        ApiProblem problem = ApiProblem.validationFailed("Rett svarene.", List.of(
                error("Q4", "UNKNOWN_OPTION", 40), error("Q4", "UNKNOWN_OPTION", 41), error("Q4", "DUPLICATE_CHOICE", 2),
                error(null, "PAGE_NOT_REACHABLE", null), error(null, "PAGE_NOT_REACHABLE", null)));

        assertEquals(List.of(error("Q4", "UNKNOWN_OPTION", 40), error("Q4", "DUPLICATE_CHOICE", 2),
                error(null, "PAGE_NOT_REACHABLE", null)), problem.errors());
        assertEquals(2, problem.omittedErrors());
        assertTrue(problem.detail().startsWith("Rett svarene. "), problem.detail());
        assertTrue(problem.detail().contains(" 2 feil til er utelatt"), problem.detail());
    }

    @Test
    void completeListKeepsTheDetailAsItIs() {
        ApiProblem problem = ApiProblem.validationFailed("Rett svarene.", List.of(error("Q1", "REQUIRED", null)));

        assertEquals(0, problem.omittedErrors());
        assertEquals("Rett svarene.", problem.detail());
    }

    @Test
    void listStopsAtTheCap() {
        List<ProblemError> found = new ArrayList<>();
        for (int i = 0; i < ApiProblem.MAX_ERRORS + 7; i++) {
            found.add(error("X" + i, "UNKNOWN_QUESTION", null));
        }

        ApiProblem problem = ApiProblem.validationFailed("Rett svarene.", found);

        assertEquals(found.subList(0, ApiProblem.MAX_ERRORS), problem.errors());
        assertEquals(7, problem.omittedErrors());
    }
}
