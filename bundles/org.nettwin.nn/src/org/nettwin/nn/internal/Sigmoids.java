package org.nettwin.nn.internal;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The logistic sigmoid and tanh, each through one exponential, on scalars and (vectorised, the
 * exponential from the Vector API's intrinsic) on runs of an array. The scalar forms serve the
 * vectors' tails; the two agree to about one unit in the last place.
 */
public final class Sigmoids {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private Sigmoids() {
    }

    /**
     * Logistic sigmoid {@code 1 / (1 + e^-x)}: one {@code Math.exp} (an intrinsic, about three
     * times cheaper than {@code Math.tanh}); saturates cleanly to 0 and 1.
     */
    public static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    /**
     * Hyperbolic tangent as {@code 1 − 2 / (e^{2x} + 1)}: one {@code Math.exp} instead of the
     * slower {@code Math.tanh}; absolute error about 1e-16 (relative error grows only for
     * |x| below 1e-8, where the value itself is negligible for a network), exact ±1 in the tails.
     */
    public static double tanh(double x) {
        return 1.0 - 2.0 / (Math.exp(2.0 * x) + 1.0);
    }

    /** Applies the sigmoid in place to {@code a[off, off + n)}. */
    public static void sigmoid(double[] a, int off, int n) {
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        int k = 0;
        for (; k + L <= n; k += L) {
            DoubleVector x = DoubleVector.fromArray(S, a, off + k);
            one.div(x.neg().lanewise(VectorOperators.EXP).add(one)).intoArray(a, off + k);
        }
        for (; k < n; k++) {
            a[off + k] = sigmoid(a[off + k]);
        }
    }

    /** Applies tanh in place to {@code a[off, off + n)}. */
    public static void tanh(double[] a, int off, int n) {
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        DoubleVector two = DoubleVector.broadcast(S, 2.0);
        int k = 0;
        for (; k + L <= n; k += L) {
            DoubleVector x = DoubleVector.fromArray(S, a, off + k);
            one.sub(two.div(x.add(x).lanewise(VectorOperators.EXP).add(one))).intoArray(a, off + k);
        }
        for (; k < n; k++) {
            a[off + k] = tanh(a[off + k]);
        }
    }
}
