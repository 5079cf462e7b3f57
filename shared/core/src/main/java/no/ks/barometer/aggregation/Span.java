package no.ks.barometer.aggregation;

import java.util.ArrayList;
import java.util.List;

/**
 * Exact span membership over the rationals for small integer vectors: whether a figure is a linear combination of
 * published figures. Rows are reduced with integer operations and divided by their gcd, so nothing rounds.
 */
final class Span {
    private final List<long[]> basis = new ArrayList<>();
    private final List<Integer> pivots = new ArrayList<>();

    /** The span of these rows, reduced once so that many vectors can be tested against it. */
    Span(List<long[]> rows) {
        for (long[] row : rows) {
            long[] reduced = reduce(row.clone(), basis, pivots);
            int pivot = firstNonZero(reduced);
            if (pivot >= 0) {
                basis.add(reduced);
                pivots.add(pivot);
            }
        }
    }

    boolean contains(long[] target) {
        return firstNonZero(reduce(target.clone(), basis, pivots)) < 0;
    }

    private static long[] reduce(long[] vector, List<long[]> basis, List<Integer> pivots) {
        for (int i = 0; i < basis.size(); i++) {
            int pivot = pivots.get(i);
            if (vector[pivot] == 0) {
                continue;
            }
            long[] row = basis.get(i);
            long a = row[pivot];
            long b = vector[pivot];
            for (int j = 0; j < vector.length; j++) {
                vector[j] = Math.subtractExact(Math.multiplyExact(vector[j], a), Math.multiplyExact(row[j], b));
            }
            normalise(vector);
        }
        return vector;
    }

    private static void normalise(long[] vector) {
        long gcd = 0;
        for (long value : vector) {
            gcd = gcd(gcd, Math.abs(value));
        }
        if (gcd > 1) {
            for (int j = 0; j < vector.length; j++) {
                vector[j] /= gcd;
            }
        }
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    private static int firstNonZero(long[] vector) {
        for (int j = 0; j < vector.length; j++) {
            if (vector[j] != 0) {
                return j;
            }
        }
        return -1;
    }
}
