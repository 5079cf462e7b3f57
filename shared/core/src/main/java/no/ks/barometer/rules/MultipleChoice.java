package no.ks.barometer.rules;

import java.util.List;

/**
 * The answer to a multiple question, codes in the order given.
 *
 * @param other the other-specify text, or null when none is given
 */
public record MultipleChoice(List<Integer> codes, String other) implements Answer {
    public MultipleChoice {
        codes = List.copyOf(codes);
    }

    public MultipleChoice(List<Integer> codes) {
        this(codes, null);
    }

    public boolean contains(int code) {
        for (int i = 0; i < codes.size(); i++) {
            if (codes.get(i) == code) {
                return true;
            }
        }
        return false;
    }
}
