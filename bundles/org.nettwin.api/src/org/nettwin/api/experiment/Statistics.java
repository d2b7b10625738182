package org.nettwin.api.experiment;

/**
 * The few statistics every report computes, defined once.
 *
 * @since 0.1
 */
public final class Statistics {

    private Statistics() {
    }

    /** @return the mean, NaN for no values */
    public static double mean(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /** @return the sample standard deviation (n − 1), 0 for fewer than two values */
    public static double std(double[] v) {
        if (v.length < 2) {
            return 0;
        }
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }

    /** @return the mean of the last {@code fraction} of the values (at least one), NaN for none */
    public static double tailMean(double[] v, double fraction) {
        if (v.length == 0) {
            return Double.NaN;
        }
        int n = Math.max(1, (int) (v.length * fraction));
        double s = 0;
        for (int i = v.length - n; i < v.length; i++) {
            s += v[i];
        }
        return s / n;
    }

    /** @return the trailing moving mean over {@code window} values (fewer at the start) */
    public static double[] movingMean(double[] y, int window) {
        double[] out = new double[y.length];
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            sum += y[i];
            if (i >= window) {
                sum -= y[i - window];
            }
            out[i] = sum / Math.min(i + 1, window);
        }
        return out;
    }

    /** @return {@code v} if finite, else {@code null} (JSON has no NaN) */
    public static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
