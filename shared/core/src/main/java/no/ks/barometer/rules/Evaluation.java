package no.ks.barometer.rules;

import java.util.List;
import no.ks.barometer.questionnaire.EndReason;

/**
 * One pass over the questions in order with one organisation type and one set of answers: which questions and
 * pages are visible, the effective answers and the ending; which pages are done is worked out from them when first
 * asked for. Conditions refer only to earlier pages, so a single pass sees every answer a condition needs before
 * the condition.
 */
final class Evaluation {
    final int orgType;
    /** The given answers by question index. */
    final Answer[] stored;
    /**
     * The answers that count: those of visible questions, without carried-forward choices no longer chosen in the
     * source, and with answers that say nothing (no choice, blank text, no row) absent.
     */
    final Answer[] effective;
    final boolean[] visible;
    final boolean[] pageVisible;
    final boolean[] pageSaved;
    private final QuestionRules[] questions;
    /** Null until first asked for: counting wants only the effective answers, not which pages are done. */
    private boolean[] pageDone;
    /** Ids of given answers to questions the questionnaire does not have; null when there are none. */
    final List<String> unknownQuestions;
    EndReason ended;

    Evaluation(QuestionRules[] questions, int pages, int orgType, Answer[] stored, boolean[] pageSaved,
               List<String> unknownQuestions) {
        this.questions = questions;
        this.orgType = orgType;
        this.stored = stored;
        this.pageSaved = pageSaved;
        this.unknownQuestions = unknownQuestions;
        this.effective = new Answer[questions.length];
        this.visible = new boolean[questions.length];
        this.pageVisible = new boolean[pages];
        for (QuestionRules question : questions) {
            if (ended != null || (question.condition != null && !question.condition.test(orgType, effective))) {
                continue;
            }
            int i = question.index;
            visible[i] = true;
            pageVisible[question.page] = true;
            Answer answer = stored[i];
            if (answer != null && !RulesEngine.isEmpty(answer)) {
                answer = question.withoutWithdrawnChoices(answer, effective);
                effective[i] = answer;
                if (answer != null) {
                    ended = question.ending(orgType, answer);
                }
            }
        }
    }

    /**
     * Visible, saved, and every required visible question on it answered as it needs. A question's effective
     * answer is final once the pass has reached it, so this can be worked out after the pass.
     */
    private boolean pageDone(int page) {
        if (pageDone == null) {
            boolean[] missing = new boolean[pageVisible.length];
            for (QuestionRules question : questions) {
                int i = question.index;
                if (visible[i] && question.required && !question.complete(orgType, effective[i])) {
                    missing[question.page] = true;
                }
            }
            pageDone = new boolean[pageVisible.length];
            for (int p = 0; p < pageDone.length; p++) {
                pageDone[p] = pageVisible[p] && pageSaved[p] && !missing[p];
            }
        }
        return pageDone[page];
    }

    /** The first visible page that is not done, or -1: none, or the survey has ended. */
    int nextPage() {
        if (ended != null) {
            return -1;
        }
        for (int page = 0; page < pageVisible.length; page++) {
            if (pageVisible[page] && !pageDone(page)) {
                return page;
            }
        }
        return -1;
    }

    /** Visible, and every visible page before it is done. */
    boolean reachable(int page) {
        if (!pageVisible[page]) {
            return false;
        }
        for (int before = 0; before < page; before++) {
            if (pageVisible[before] && !pageDone(before)) {
                return false;
            }
        }
        return true;
    }

    Completion completion() {
        if (ended != null) {
            return switch (ended) {
                case DECLINED -> Completion.DECLINED;
                case WRONG_RECIPIENT -> Completion.WRONG_RECIPIENT;
            };
        }
        return nextPage() < 0 ? Completion.COMPLETE : Completion.IN_PROGRESS;
    }

    Progress progress() {
        int done = 0;
        int total = 0;
        for (int page = 0; page < pageVisible.length; page++) {
            if (pageVisible[page]) {
                total++;
                if (pageDone(page)) {
                    done++;
                }
            }
        }
        return new Progress(done, total);
    }
}
