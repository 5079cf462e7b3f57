package no.ks.barometer.questionnaire;

/** A column of a grid; its code is a letter as in the source ("a", "b", …). */
public record GridColumn(String code, String text) {
}
