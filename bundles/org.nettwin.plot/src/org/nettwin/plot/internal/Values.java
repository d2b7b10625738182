package org.nettwin.plot.internal;

/** Input checks shared by the charts: messages name the argument and the offending index. */
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
}
