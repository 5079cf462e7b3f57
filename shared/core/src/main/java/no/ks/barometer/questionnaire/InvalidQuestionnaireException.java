package no.ks.barometer.questionnaire;

import java.util.List;

/** A definition that cannot be used: its JSON does not have the documented shape, or the linter found errors. */
public final class InvalidQuestionnaireException extends RuntimeException {
    private final List<String> problems;

    public InvalidQuestionnaireException(String definition, List<String> problems) {
        super(definition + " is not a valid questionnaire definition:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
