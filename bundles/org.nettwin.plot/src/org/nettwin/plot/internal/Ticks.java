package org.nettwin.plot.internal;

import java.util.Locale;

/**
 * "Nice" axis ticks (steps of 1, 2 or 5 times a power of ten, as in Heckbert's "Nice numbers for
 * graph labels") covering a data range, and labels with just enough decimals to tell them apart.
 */
public final class Ticks {

    /** First tick, step and count; the ticks are {@code start + i * step} for {@code i < count}. */
    public final double start;
    public final double step;
    public final int count;
    private final int decimals;

    private Ticks(double start, double step, int count) {
        this.start = start;
        this.step = step;
        this.count = count;
        this.decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
    }

    /** Ticks inside [{@code lo}, {@code hi}], about {@code wanted} of them. */
    public static Ticks covering(double lo, double hi, int wanted) {
        double span = hi - lo;
        double step = niceStep(span / Math.max(1, wanted - 1));
        double first = Math.ceil(lo / step - 1e-9) * step;
        int count = (int) Math.floor((hi - first) / step + 1e-9) + 1;
        return new Ticks(first, step, Math.max(count, 1));
    }

    static double niceStep(double rough) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        double fraction = rough / magnitude;
        double nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
        return nice * magnitude;
    }

    public double value(int i) {
        return start + i * step;
    }

    /** @return the label of tick {@code i} ("0" rather than "-0"; scientific for huge or tiny values) */
    public String label(int i) {
        double v = value(i);
        if (Math.abs(v) < step * 1e-6) {
            return "0";
        }
        double abs = Math.abs(v);
        if (abs >= 1e6 || abs < 1e-4) {
            return String.format(Locale.ROOT, "%.2g", v);
        }
        return String.format(Locale.ROOT, "%." + Math.min(decimals, 8) + "f", v);
    }

    /** Widens a degenerate or non-finite range so that axes can always be drawn. */
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
}
