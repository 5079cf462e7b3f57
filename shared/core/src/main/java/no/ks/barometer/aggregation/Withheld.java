package no.ks.barometer.aggregation;

/** A segment's figures of a table that are not published fresh, and why: listed so that none is read as zero. */
public record Withheld(String table, String segment, Disclosure disclosure, Reason reason) {
}
