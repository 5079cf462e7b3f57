package no.ks.barometer.rules;

/**
 * The answer to a single question.
 *
 * @param other the other-specify text, or null when none is given
 */
public record SingleChoice(int code, String other) implements Answer {
    public SingleChoice(int code) {
        this(code, null);
    }
}
