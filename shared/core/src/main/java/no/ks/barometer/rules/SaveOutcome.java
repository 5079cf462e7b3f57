package no.ks.barometer.rules;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The result of saving one page.
 *
 * @param problems         why the page was refused; empty when it was saved
 * @param state            the new state when saved, the unchanged one when refused
 * @param removedQuestions questions whose answers the save deleted, in questionnaire order, because the change hid them (or withdrew every
 *                         carried-forward choice); never the saved page's own questions
 * @param completion       of {@code state}
 * @param nextPage         of {@code state}
 */
public record SaveOutcome(List<Problem> problems, ResponseState state, Set<String> removedQuestions,
                          Completion completion, Optional<String> nextPage) {
    public SaveOutcome {
        problems = List.copyOf(problems);
        removedQuestions = Collections.unmodifiableSet(new LinkedHashSet<>(removedQuestions));
    }

    public boolean accepted() {
        return problems.isEmpty();
    }
}
