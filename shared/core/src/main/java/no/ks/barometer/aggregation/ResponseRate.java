package no.ks.barometer.aggregation;

/**
 * Completed against invited in a segment, from the participation table's figures; null where those are suppressed.
 */
public record ResponseRate(String segment, long invited, Long completed, Double rate) {
}
