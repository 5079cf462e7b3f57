package no.ks.barometer.rules;

/**
 * Something that keeps a page from being saved or a response from being submitted.
 *
 * @param question the question concerned, or null for the page as a whole
 * @param row      the grid row concerned, or null
 * @param option   the option concerned, or null
 * @param message  for the respondent, in Norwegian Bokmål
 */
public record Problem(ProblemCode code, String question, Integer row, Integer option, String message) {

    static Problem of(ProblemCode code, String question) {
        return new Problem(code, question, null, null, code.message());
    }

    static Problem of(ProblemCode code, String question, String message) {
        return new Problem(code, question, null, null, message);
    }

    static Problem option(ProblemCode code, String question, int option, String message) {
        return new Problem(code, question, null, option, message);
    }

    static Problem row(ProblemCode code, String question, int row, String message) {
        return new Problem(code, question, row, null, message);
    }
}
