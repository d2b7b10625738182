package org.nettwin.nn.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;

/**
 * Central-difference gradient checking shared by the tests.
 *
 * <p>Criterion: relative error {@code |a − n| / max(|a|, |n|) < 1e-5}; entries whose larger
 * magnitude is below {@code 1e-6} must instead agree to {@code 1e-10} absolute, since their
 * relative error is dominated by the difference quotient's rounding.
 */
final class GradChecks {

    static final double H = 1e-5;
    static final double REL = 1e-5;
    static final double ABS = 1e-10;

    private GradChecks() {
    }

    /** Compares {@code analytic[k]} with the central difference of {@code loss} in {@code values[k]} for every k. */
    static double check(String what, double[] values, double[] analytic, DoubleSupplier loss) {
        return check(what, values, analytic, values.length, loss);
    }

    /** As {@link #check(String, double[], double[], DoubleSupplier)} over the first {@code n} values. */
    static double check(String what, double[] values, double[] analytic, int n, DoubleSupplier loss) {
        double worst = 0.0;
        int nonZero = 0;
        for (int k = 0; k < n; k++) {
            double keep = values[k];
            values[k] = keep + H;
            double plus = loss.getAsDouble();
            values[k] = keep - H;
            double minus = loss.getAsDouble();
            values[k] = keep;
            double numeric = (plus - minus) / (2 * H);
            double a = analytic[k];
            double scale = Math.max(Math.abs(a), Math.abs(numeric));
            if (scale > 1e-8) {
                nonZero++;
            }
            if (scale < 1e-6) {
                if (Math.abs(a - numeric) > ABS) {
                    fail(what + "[" + k + "]: analytic " + a + " vs numeric " + numeric);
                }
                continue;
            }
            double rel = Math.abs(a - numeric) / scale;
            worst = Math.max(worst, rel);
            if (rel > REL) {
                fail(what + "[" + k + "]: analytic " + a + " vs numeric " + numeric + ", relative error " + rel);
            }
        }
        if (nonZero == 0) {
            fail(what + ": every gradient is zero, the check proves nothing");
        }
        return worst;
    }

    static double[] random(SplittableRandom r, int n, double scale) {
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            v[k] = scale * (2 * r.nextDouble() - 1);
        }
        return v;
    }

    static double dot(double[] a, double[] b, int n) {
        double s = 0;
        for (int k = 0; k < n; k++) {
            s += a[k] * b[k];
        }
        return s;
    }
}
