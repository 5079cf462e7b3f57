package no.ks.barometer.rules;

/** The answer to a text question, exactly as typed. */
public record OpenText(String text) implements Answer {
}
