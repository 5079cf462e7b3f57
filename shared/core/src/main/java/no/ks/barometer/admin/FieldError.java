package no.ks.barometer.admin;

/**
 * One thing wrong in a request or a register file.
 *
 * @param line    the line of the file where the row starts (1 is the first line), or 0 when the error is not about
 *                a row
 * @param field   the column or member at fault
 * @param message Norwegian, says what is wrong and what is expected
 */
public record FieldError(int line, String field, String message) {
}
