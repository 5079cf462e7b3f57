package no.ks.barometer.http;

/**
 * One entry of a problem body's {@code errors}: what is wrong with which answer.
 *
 * @param question the question it concerns, {@code null} for the page or the response as a whole
 * @param code     a stable code from docs/questionnaire-format.md
 * @param message  Norwegian, for the respondent
 * @param row      the grid row concerned, if any
 * @param option   the option concerned, if any
 */
public record ProblemError(String question, String code, String message, Integer row, Integer option) {
}
