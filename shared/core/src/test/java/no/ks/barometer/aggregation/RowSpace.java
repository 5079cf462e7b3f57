package no.ks.barometer.aggregation;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The attacker's algebra, written apart from the production code's: the row space of published figures over the
 * rationals, by fraction-free Gaussian elimination on BigIntegers, and whether a cell lies in it (is determined).
 */
final class RowSpace {
    private final int dimension;
    private final List<BigInteger[]> basis = new ArrayList<>();
    private final List<Integer> pivots = new ArrayList<>();

    RowSpace(int dimension) {
        this.dimension = dimension;
    }

    void add(int[] row) {
        BigInteger[] reduced = reduce(toBig(row));
        int pivot = pivot(reduced);
        if (pivot >= 0) {
            for (int i = 0; i < basis.size(); i++) {
                BigInteger[] other = basis.get(i);
                if (other[pivot].signum() != 0) {
                    basis.set(i, eliminate(other, reduced, pivot));
                }
            }
            basis.add(reduced);
            pivots.add(pivot);
        }
    }

    boolean contains(int[] target) {
        return pivot(reduce(toBig(target))) < 0;
    }

    int rank() {
        return basis.size();
    }

    private BigInteger[] reduce(BigInteger[] vector) {
        for (int i = 0; i < basis.size(); i++) {
            int pivot = pivots.get(i);
            if (vector[pivot].signum() != 0) {
                vector = eliminate(vector, basis.get(i), pivot);
            }
        }
        return vector;
    }

    /** {@code vector} with its {@code pivot} entry cleared by a multiple of {@code row}, divided by its gcd. */
    private static BigInteger[] eliminate(BigInteger[] vector, BigInteger[] row, int pivot) {
        BigInteger a = row[pivot];
        BigInteger b = vector[pivot];
        BigInteger[] result = new BigInteger[vector.length];
        BigInteger gcd = BigInteger.ZERO;
        for (int j = 0; j < vector.length; j++) {
            result[j] = vector[j].multiply(a).subtract(row[j].multiply(b));
            gcd = gcd.gcd(result[j]);
        }
        if (gcd.compareTo(BigInteger.ONE) > 0) {
            for (int j = 0; j < result.length; j++) {
                result[j] = result[j].divide(gcd);
            }
        }
        return result;
    }

    private BigInteger[] toBig(int[] row) {
        if (row.length != dimension) {
            throw new IllegalArgumentException("Row of length " + row.length + " in a space of " + dimension);
        }
        BigInteger[] big = new BigInteger[row.length];
        for (int j = 0; j < row.length; j++) {
            big[j] = BigInteger.valueOf(row[j]);
        }
        return big;
    }

    private static int pivot(BigInteger[] vector) {
        for (int j = 0; j < vector.length; j++) {
            if (vector[j].signum() != 0) {
                return j;
            }
        }
        return -1;
    }
}
