package no.ks.barometer.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoutingTest extends EngineFixture {

    @Test
    void firstPageComesFirst() {
        assertEquals(Optional.of("p0"), ENGINE.nextPage(KOMMUNE, ResponseState.empty()));
        assertEquals(Completion.IN_PROGRESS, ENGINE.completion(KOMMUNE, ResponseState.empty()));
    }

    @Test
    void nextPageIsTheFirstVisiblePageNotDone() {
        assertEquals(Optional.of("pc"), ENGINE.nextPage(KOMMUNE, kommuneAtQc()));
    }

    @Test
    void hiddenPagesAreSkipped() {
        ResponseState state = saved(KOMMUNE, ResponseState.empty(), "p0", answers("Q0", one(1)));
        state = saved(KOMMUNE, state, "pa", answers("QA", one(2)));
        assertEquals(Optional.of("pe"), ENGINE.nextPage(KOMMUNE, state));
    }

    @Test
    void savedPageWithARequiredQuestionUnansweredIsNotDone() {
        ResponseState state = state(answers("Q0", one(1)), "p0", "pa");
        assertEquals(Optional.of("pa"), ENGINE.nextPage(KOMMUNE, state));
    }

    @Test
    void answeredPageThatWasNeverSavedIsNotDone() {
        ResponseState state = state(answers("Q0", one(1), "QA", one(2)), "p0");
        assertEquals(Optional.of("pa"), ENGINE.nextPage(KOMMUNE, state));
    }

    @Test
    void pageOfOptionalQuestionsLeftBlankIsDoneOnceSaved() {
        ResponseState state = state(answers("Q0", one(1), "QA", one(2)), "p0", "pa", "pe");
        assertEquals(Optional.of("pz"), ENGINE.nextPage(KOMMUNE, state));
    }

    @Test
    void requiredGridIsDoneOnlyWithEveryShownRowAnswered() {
        ResponseState partly = state(answers("Q0", one(1), "QA", one(1), "QB", many(5), "QD", grid(1, "a")),
                "p0", "pa", "pb", "pd");
        assertEquals(Optional.of("pz"), ENGINE.nextPage(KOMMUNE, partly), "QD is hidden when QB = Vet ikke");
        ResponseState shown = state(answers("Q0", one(1), "QA", one(1), "QB", many(4), "QD", grid(1, "a")),
                "p0", "pa", "pb", "pd");
        assertEquals(Optional.of("pd"), ENGINE.nextPage(KOMMUNE, shown));
    }

    @Test
    void responseWithEveryVisiblePageDoneIsComplete() {
        ResponseState state = kommuneComplete();
        assertEquals(Optional.empty(), ENGINE.nextPage(KOMMUNE, state));
        assertEquals(Completion.COMPLETE, ENGINE.completion(KOMMUNE, state));
        assertEquals(new Progress(6, 6), ENGINE.progress(KOMMUNE, state));
        assertEquals(100, ENGINE.progress(KOMMUNE, state).percent());
    }

    @Test
    void declinedResponseHasNoNextPage() {
        ResponseState state = saved(KOMMUNE, ResponseState.empty(), "p0", answers("Q0", one(2)));
        assertEquals(Completion.DECLINED, ENGINE.completion(KOMMUNE, state));
        assertEquals(Optional.empty(), ENGINE.nextPage(KOMMUNE, state));
        assertEquals(new Progress(1, 1), ENGINE.progress(KOMMUNE, state));
    }

    @Test
    void wrongRecipientEndsTheResponse() {
        ResponseState state = saved(FYLKE, ResponseState.empty(), "p0", answers("Q0", one(3)));
        assertEquals(Completion.WRONG_RECIPIENT, ENGINE.completion(FYLKE, state));
    }

    @Test
    void progressCountsDoneVisiblePagesWithTheCurrentAnswers() {
        Progress progress = ENGINE.progress(KOMMUNE, kommuneAtQc());
        assertEquals(new Progress(3, 6), progress);
        assertEquals(50, progress.percent());
        assertEquals(new Progress(0, 3), ENGINE.progress(KOMMUNE, ResponseState.empty()));
    }

    @Test
    void pageIsReachableOnlyWhenEveryVisiblePageBeforeItIsDone() {
        ResponseState state = kommuneAtQc();
        assertTrue(ENGINE.reachable(KOMMUNE, state, "pa"), "an earlier page can be saved again");
        assertTrue(ENGINE.reachable(KOMMUNE, state, "pc"));
        assertFalse(ENGINE.reachable(KOMMUNE, state, "pd"), "pc is not done");
        assertFalse(ENGINE.reachable(KOMMUNE, state, "pe"), "pe is hidden from this kommune");
        assertFalse(ENGINE.reachable(KOMMUNE, state, "nope"));
    }
}
