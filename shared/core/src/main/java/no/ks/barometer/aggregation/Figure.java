package no.ks.barometer.aggregation;

/**
 * One category's figure in a segment.
 *
 * @param share count / base, rounded to four decimals; null when the base is zero
 */
public record Figure(String category, long count, Double share) {
}
