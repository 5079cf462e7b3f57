package no.ks.barometer.questionnaire;

import java.util.List;

/**
 * An option whose code is in {@code codes} is offered only if it was chosen in {@code question}; the other options
 * of the question are always offered.
 */
public record CarryForward(String question, List<Integer> codes) {
    public CarryForward {
        codes = List.copyOf(codes);
    }
}
