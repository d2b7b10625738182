package org.nettwin.api.space;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Resource shares: vectors of {@code n} non-negative numbers that sum to 1 (within
 * {@link #TOLERANCE}). Used for bandwidth splits between slices. Samples are Dirichlet(1), i.e.
 * uniform on the simplex.
 *
 * @param n number of shares, at least 1
 * @since 0.1
 */
public record Simplex(int n) implements Space<double[]> {

    /** Allowed deviation of the sum from 1. */
    public static final double TOLERANCE = 1e-6;

    /** Validates the size. */
    public Simplex {
        if (n < 1) {
            throw new IllegalArgumentException("Simplex needs n >= 1, got " + n);
        }
    }

    @Override
    public double[] sample(RandomGenerator random) {
        double[] v = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            v[i] = random.nextExponential();
            sum += v[i];
        }
        for (int i = 0; i < n; i++) {
            v[i] /= sum;
        }
        return v;
    }

    @Override
    public boolean contains(double[] value) {
        if (value == null || value.length != n) {
            return false;
        }
        double sum = 0;
        for (double x : value) {
            if (!Double.isFinite(x) || x < 0) {
                return false;
            }
            sum += x;
        }
        return Math.abs(sum - 1.0) <= TOLERANCE;
    }

    /**
     * Projects an arbitrary finite vector onto the simplex in place (Euclidean projection, the
     * sort-based algorithm of Held, Wolfe and Crowder), for agents whose raw outputs are free.
     */
    public static void project(double[] v) {
        project(v, 0, v.length, new double[v.length]);
    }

    /**
     * {@link #project(double[])} of {@code v[offset .. offset+n)}, allocation-free: {@code scratch}
     * (at least {@code n} long) holds the sorted copy. For agents that project in their hot loops.
     */
    public static void project(double[] v, int offset, int n, double[] scratch) {
        if (scratch.length < n) {
            throw new IllegalArgumentException("scratch of " + scratch.length + " for a projection of " + n + " values");
        }
        System.arraycopy(v, offset, scratch, 0, n);
        Arrays.sort(scratch, 0, n);
        double cumulative = 0;
        double theta = 0;
        for (int i = n - 1, k = 1; i >= 0; i--, k++) {
            cumulative += scratch[i];
            double t = (cumulative - 1.0) / k;
            if (scratch[i] - t > 0) {
                theta = t;
            }
        }
        for (int i = offset; i < offset + n; i++) {
            v[i] = Math.max(0.0, v[i] - theta);
        }
    }

    @Override
    public Class<double[]> valueType() {
        return double[].class;
    }

    @Override
    public String describe() {
        return "Simplex(" + n + ")";
    }

    @Override
    public int flatSize() {
        return n;
    }

    @Override
    public void flatten(double[] value, double[] out, int offset) {
        System.arraycopy(value, 0, out, offset, n);
    }

    @Override
    public double[] unflatten(double[] in, int offset) {
        return Arrays.copyOfRange(in, offset, offset + n);
    }

    @Override
    public int encodedSize() {
        return n;
    }

    @Override
    public void encode(double[] value, double[] out, int offset) {
        flatten(value, out, offset);
    }

    @Override
    public double[] decode(double[] in, int offset) {
        return unflatten(in, offset);
    }

    @Override
    public double[] copy(double[] value) {
        return value.clone();
    }
}
