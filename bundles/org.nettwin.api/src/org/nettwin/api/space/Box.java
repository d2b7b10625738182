package org.nettwin.api.space;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A box in R^n: each coordinate lies in {@code [low[i], high[i]]}. Bounds may be infinite; values
 * must be finite. Sampling is uniform where both bounds are finite, normal where both are
 * infinite, and exponential on a half-open side, as in Gymnasium.
 *
 * @since 0.1
 */
public final class Box implements Space<double[]> {

    private final double[] low;
    private final double[] high;

    /** A box with per-coordinate bounds. */
    public Box(double[] low, double[] high) {
        if (low.length != high.length || low.length == 0) {
            throw new IllegalArgumentException("Box bounds must have the same, non-zero length");
        }
        for (int i = 0; i < low.length; i++) {
            if (Double.isNaN(low[i]) || Double.isNaN(high[i]) || low[i] > high[i]) {
                throw new IllegalArgumentException("Box bound " + i + " is invalid: [" + low[i] + ", " + high[i] + "]");
            }
        }
        this.low = low.clone();
        this.high = high.clone();
    }

    /** A box of {@code n} coordinates sharing the bounds {@code [low, high]}. */
    public Box(int n, double low, double high) {
        this(filled(n, low), filled(n, high));
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    /** @return number of coordinates */
    public int dimension() {
        return low.length;
    }

    /** @return lower bound of coordinate {@code i} */
    public double low(int i) {
        return low[i];
    }

    /** @return upper bound of coordinate {@code i} */
    public double high(int i) {
        return high[i];
    }

    /** @return whether every bound is finite */
    public boolean isBounded() {
        return Vectors.allFinite(low) && Vectors.allFinite(high);
    }

    /** Clips {@code value} in place into the box. */
    public void clip(double[] value) {
        for (int i = 0; i < low.length; i++) {
            value[i] = Math.min(high[i], Math.max(low[i], value[i]));
        }
    }

    @Override
    public double[] sample(RandomGenerator random) {
        double[] v = new double[low.length];
        for (int i = 0; i < v.length; i++) {
            boolean lf = Double.isFinite(low[i]);
            boolean hf = Double.isFinite(high[i]);
            if (lf && hf) {
                v[i] = low[i] + random.nextDouble() * (high[i] - low[i]);
            } else if (lf) {
                v[i] = low[i] + random.nextExponential();
            } else if (hf) {
                v[i] = high[i] - random.nextExponential();
            } else {
                v[i] = random.nextGaussian();
            }
        }
        return v;
    }

    @Override
    public boolean contains(double[] value) {
        if (value == null || value.length != low.length) {
            return false;
        }
        for (int i = 0; i < value.length; i++) {
            double x = value[i];
            if (!Double.isFinite(x) || x < low[i] || x > high[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Class<double[]> valueType() {
        return double[].class;
    }

    @Override
    public String describe() {
        boolean uniform = true;
        for (int i = 1; i < low.length; i++) {
            uniform &= low[i] == low[0] && high[i] == high[0];
        }
        return uniform
                ? "Box(" + low[0] + ", " + high[0] + ", (" + low.length + ",))"
                : "Box(low=" + Arrays.toString(low) + ", high=" + Arrays.toString(high) + ")";
    }

    @Override
    public int flatSize() {
        return low.length;
    }

    @Override
    public void flatten(double[] value, double[] out, int offset) {
        System.arraycopy(value, 0, out, offset, low.length);
    }

    @Override
    public double[] unflatten(double[] in, int offset) {
        return Arrays.copyOfRange(in, offset, offset + low.length);
    }

    @Override
    public int encodedSize() {
        return low.length;
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

    @Override
    public boolean equals(Object o) {
        return o instanceof Box b && Arrays.equals(low, b.low) && Arrays.equals(high, b.high);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(low) + Arrays.hashCode(high);
    }

    @Override
    public String toString() {
        return describe();
    }
}
