package no.ks.barometer.questionnaire;

/**
 * A rule a definition breaks.
 *
 * @param where the page, question, option or row concerned, e.g. {@code Q19.carryForward}
 */
public record LintProblem(LintRule rule, String where, String message) {
    @Override
    public String toString() {
        return rule + " at " + where + ": " + message;
    }
}
