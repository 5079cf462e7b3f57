package no.ks.barometer.questionnaire;

/** Longest accepted texts, counted in UTF-16 code units as a browser's {@code maxlength} counts them. */
public record Limits(int textMaxLength, int otherMaxLength) {
}
