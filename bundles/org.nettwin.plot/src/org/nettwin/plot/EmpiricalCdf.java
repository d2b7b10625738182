package org.nettwin.plot;

import java.util.Arrays;

import org.nettwin.plot.internal.Values;

/**
 * The empirical distribution of a sample: its distinct values in increasing order and, for each,
 * the fraction of the sample at or below it (the CDF, {@link #cumulative()}) or at or above it
 * (the complementary CDF, {@link #complementary()}). {@code P(X ≥ x)} rather than {@code P(X > x)}
 * is used for the complement so that it never reaches 0 at a sample value (its last value is
 * {@code count / n} of the largest value) and can be drawn on a logarithmic y axis.
 *
 * @since 0.1
 */
public final class EmpiricalCdf {

    private final double[] values;
    private final double[] cumulative;
    private final double[] complementary;

    private EmpiricalCdf(double[] values, double[] cumulative, double[] complementary) {
        this.values = values;
        this.cumulative = cumulative;
        this.complementary = complementary;
    }

    /**
     * @throws IllegalArgumentException if {@code sample} is empty or holds NaN/infinity
     */
    public static EmpiricalCdf of(double[] sample) {
        return of("sample", sample);
    }

    static EmpiricalCdf of(String what, double[] sample) {
        Values.requireFinite(what, sample);
        double[] sorted = sample.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double[] values = new double[n];
        double[] cumulative = new double[n];
        double[] complementary = new double[n];
        int distinct = 0;
        for (int k = 0; k < n; k++) {
            if (k + 1 < n && sorted[k + 1] == sorted[k]) {
                continue; // the last of equal values carries their joint step
            }
            values[distinct] = sorted[k];
            cumulative[distinct] = (k + 1) / (double) n;
            distinct++;
        }
        for (int d = 0; d < distinct; d++) {
            complementary[d] = 1 - (d == 0 ? 0 : cumulative[d - 1]);
        }
        return new EmpiricalCdf(Arrays.copyOf(values, distinct), Arrays.copyOf(cumulative, distinct),
                Arrays.copyOf(complementary, distinct));
    }

    /** @return the sample's distinct values, increasing */
    public double[] values() {
        return values.clone();
    }

    /** @return {@code P(X ≤ values[k])}: increasing, the last is 1 */
    public double[] cumulative() {
        return cumulative.clone();
    }

    /** @return {@code P(X ≥ values[k])}: decreasing, the first is 1, all above 0 */
    public double[] complementary() {
        return complementary.clone();
    }
}
