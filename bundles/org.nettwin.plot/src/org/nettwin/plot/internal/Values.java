package org.nettwin.plot.internal;

/** Input checks and small array helpers shared by the charts: messages name the argument and the offending index. */
public final class Values {

    private Values() {
    }

    /** @throws IllegalArgumentException if {@code values} is null, empty or holds NaN/infinity */
    public static void requireFinite(String what, double[] values) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException(what + " must hold at least one value");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(what + "[" + i + "] is not finite: " + values[i]);
            }
        }
    }

    /** @throws IllegalArgumentException unless the values increase strictly */
    public static void requireIncreasing(String what, double[] values) {
        requireFinite(what, values);
        for (int i = 1; i < values.length; i++) {
            if (!(values[i] > values[i - 1])) {
                throw new IllegalArgumentException(what + " must increase strictly: " + what + "[" + (i - 1) + "] = "
                        + values[i - 1] + ", " + what + "[" + i + "] = " + values[i]);
            }
        }
    }

    /** @throws IllegalArgumentException unless every value is above zero ({@code why} says what needs it) */
    public static void requirePositive(String what, double[] values, String why) {
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] > 0)) {
                throw new IllegalArgumentException(what + "[" + i + "] = " + values[i] + " is not positive: " + why);
            }
        }
    }

    /** @throws IllegalArgumentException unless {@code x} and {@code y} are finite and equally long */
    public static void requirePairs(String series, double[] x, double[] y) {
        requireFinite(series + " x", x);
        requireFinite(series + " y", y);
        if (x.length != y.length) {
            throw new IllegalArgumentException(series + ": x has " + x.length + " values, y has " + y.length);
        }
    }

    public static double min(double[] values) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : values) {
            m = Math.min(m, v);
        }
        return m;
    }

    public static double max(double[] values) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            m = Math.max(m, v);
        }
        return m;
    }

    /**
     * Widens a degenerate range so that axes can always be drawn: a constant {@code v} becomes
     * {@code v ± max(5 % of |v|, 0.5)}.
     */
    public static double[] padded(double lo, double hi) {
        if (!(lo <= hi)) {
            return new double[] {0, 1};
        }
        if (hi - lo < 1e-12 * Math.max(1, Math.abs(lo))) {
            double half = Math.max(Math.abs(lo) * 0.05, 0.5);
            return new double[] {lo - half, hi + half};
        }
        return new double[] {lo, hi};
    }

    /** As {@link #padded} for a logarithmic axis: a constant {@code v > 0} becomes {@code [v / 2, 2 v]}. */
    public static double[] paddedLog(double lo, double hi) {
        if (hi / lo < 1 + 1e-12) {
            return new double[] {lo / 2, hi * 2};
        }
        return new double[] {lo, hi};
    }
}
