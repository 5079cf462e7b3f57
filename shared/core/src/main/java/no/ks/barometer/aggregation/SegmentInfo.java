package no.ks.barometer.aggregation;

/** A segment and the number of organisations invited in it (public: the register). */
public record SegmentInfo(String code, String label, long invited) {
}
