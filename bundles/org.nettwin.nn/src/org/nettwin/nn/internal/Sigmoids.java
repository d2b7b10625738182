package org.nettwin.nn.internal;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The logistic sigmoid and tanh, each through one exponential, on scalars and (vectorised) on
 * runs of an array.
 *
 * <p>Why our own exponential: the Vector API's {@code EXP} is computed by one algorithm when C2
 * has compiled the caller (Intel's SVML) and by {@code Math.exp} while it runs interpreted, and
 * the two differ in the last bit, so a training run's numbers would depend on when the JIT got
 * there, and the same seed would not give the same weights (seen in a test). This one is built
 * from additions, multiplications and fused multiply-adds only, which are exactly rounded in
 * every mode, and the scalar form does the same operations: every path gives the same bits.
 * Accuracy: within about 2 ulp of {@code Math.exp} over the range used.
 *
 * <p>The scalar {@link #exp(double)} is also the exponential of softmax heads, of the
 * log-sum-exp losses and of the VAE's {@code σ = e^{lv/2}}: {@code Math.exp} is specified to
 * 1 ulp only and may give other last bits on another JVM or platform, and {@code StrictMath.exp}
 * is slower. The logarithm of the losses and Adam's power are {@code StrictMath}'s; the
 * Box–Muller normals of {@link SplitMix} keep {@code Math}'s (HotSpot's own x86-64 routines, the
 * same in every x86-64 JVM of a release, which {@code KernelWidthTest} covers from SSE to AVX-512):
 * {@code StrictMath.sin} allocates its argument reduction, and the VAE draws noise every step.
 */
public final class Sigmoids {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private static final double INV_LN2 = 1.4426950408889634;
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    /** 1.5 · 2^52: adding and subtracting it rounds to the nearest integer, which lands in the low bits. */
    private static final double ROUNDER = 0x1.8p52;
    private static final long ROUNDER_BITS = Double.doubleToRawLongBits(ROUNDER);
    /** Arguments are clamped here, so 2^k stays a normal number; sigmoid and tanh saturate long before. */
    private static final double MIN_ARG = -708.0;
    private static final double MAX_ARG = 709.0;
    // Taylor coefficients 1/n! for n = 2 … 13 (|r| ≤ ln2/2: the next term is below 1e-17 relative)
    private static final double C2 = 1.0 / 2;
    private static final double C3 = 1.0 / 6;
    private static final double C4 = 1.0 / 24;
    private static final double C5 = 1.0 / 120;
    private static final double C6 = 1.0 / 720;
    private static final double C7 = 1.0 / 5040;
    private static final double C8 = 1.0 / 40320;
    private static final double C9 = 1.0 / 362880;
    private static final double C10 = 1.0 / 3628800;
    private static final double C11 = 1.0 / 39916800;
    private static final double C12 = 1.0 / 479001600;
    private static final double C13 = 1.0 / 6227020800.0;

    private Sigmoids() {
    }

    /**
     * {@code e^x} for {@code x} clamped to [−708, 709]: {@code x = k·ln2 + r}, a degree-13
     * polynomial for {@code e^r}, times {@code 2^k} built from its bits. NaN stays NaN.
     */
    public static double exp(double x) {
        double c = Math.min(Math.max(x, MIN_ARG), MAX_ARG);
        double t = Math.fma(c, INV_LN2, ROUNDER);
        double k = t - ROUNDER;
        long bits = (Double.doubleToRawLongBits(t) - ROUNDER_BITS + 1023) << 52;
        double r = Math.fma(-k, LN2_HI, c);
        r = Math.fma(-k, LN2_LO, r);
        double p = Math.fma(C13, r, C12);
        p = Math.fma(p, r, C11);
        p = Math.fma(p, r, C10);
        p = Math.fma(p, r, C9);
        p = Math.fma(p, r, C8);
        p = Math.fma(p, r, C7);
        p = Math.fma(p, r, C6);
        p = Math.fma(p, r, C5);
        p = Math.fma(p, r, C4);
        p = Math.fma(p, r, C3);
        p = Math.fma(p, r, C2);
        p = Math.fma(p, r, 1.0);
        p = Math.fma(p, r, 1.0);
        return p * Double.longBitsToDouble(bits);
    }

    /** Logistic sigmoid {@code 1 / (1 + e^-x)}; saturates cleanly to 0 and 1. */
    public static double sigmoid(double x) {
        return 1.0 / (1.0 + exp(-x));
    }

    /**
     * Hyperbolic tangent as {@code 1 − 2 / (e^{2x} + 1)}: one exponential; absolute error about
     * 1e-16 (relative error grows only for |x| below 1e-8, where the value itself is negligible
     * for a network), exact ±1 in the tails.
     */
    public static double tanh(double x) {
        return 1.0 - 2.0 / (exp(2.0 * x) + 1.0);
    }

    /** Applies the sigmoid in place to {@code a[off, off + n)}. */
    public static void sigmoid(double[] a, int off, int n) {
        exp(a, off, n, -1.0);
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        int k = 0;
        for (; k + L <= n; k += L) {
            one.div(DoubleVector.fromArray(S, a, off + k).add(one)).intoArray(a, off + k);
        }
        for (; k < n; k++) {
            a[off + k] = 1.0 / (1.0 + a[off + k]);
        }
    }

    /** Applies tanh in place to {@code a[off, off + n)}. */
    public static void tanh(double[] a, int off, int n) {
        exp(a, off, n, 2.0);
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        DoubleVector two = DoubleVector.broadcast(S, 2.0);
        int k = 0;
        for (; k + L <= n; k += L) {
            one.sub(two.div(DoubleVector.fromArray(S, a, off + k).add(one))).intoArray(a, off + k);
        }
        for (; k < n; k++) {
            a[off + k] = 1.0 - 2.0 / (a[off + k] + 1.0);
        }
    }

    /**
     * {@code a[k] = exp(scale · a[k])} on {@code [off, off + n)} ({@code scale} −1 or 2, exact
     * products): {@link #exp(double)} lane by lane, the same operations in the same order.
     */
    private static void exp(double[] a, int off, int n, double scale) {
        int k = 0;
        for (; k + L <= n; k += L) {
            DoubleVector c = DoubleVector.fromArray(S, a, off + k).mul(scale).max(MIN_ARG).min(MAX_ARG);
            DoubleVector t = c.fma(INV_LN2, ROUNDER);
            DoubleVector kd = t.sub(ROUNDER);
            LongVector bits = t.reinterpretAsLongs().sub(ROUNDER_BITS - 1023).lanewise(VectorOperators.LSHL, 52);
            DoubleVector negK = kd.neg();
            DoubleVector r = negK.fma(DoubleVector.broadcast(S, LN2_HI), c);
            r = negK.fma(DoubleVector.broadcast(S, LN2_LO), r);
            DoubleVector p = r.fma(C13, C12);
            p = p.fma(r, DoubleVector.broadcast(S, C11));
            p = p.fma(r, DoubleVector.broadcast(S, C10));
            p = p.fma(r, DoubleVector.broadcast(S, C9));
            p = p.fma(r, DoubleVector.broadcast(S, C8));
            p = p.fma(r, DoubleVector.broadcast(S, C7));
            p = p.fma(r, DoubleVector.broadcast(S, C6));
            p = p.fma(r, DoubleVector.broadcast(S, C5));
            p = p.fma(r, DoubleVector.broadcast(S, C4));
            p = p.fma(r, DoubleVector.broadcast(S, C3));
            p = p.fma(r, DoubleVector.broadcast(S, C2));
            p = p.fma(r, DoubleVector.broadcast(S, 1.0));
            p = p.fma(r, DoubleVector.broadcast(S, 1.0));
            p.mul(bits.reinterpretAsDoubles()).intoArray(a, off + k);
        }
        for (; k < n; k++) {
            a[off + k] = exp(scale * a[off + k]);
        }
    }
}
