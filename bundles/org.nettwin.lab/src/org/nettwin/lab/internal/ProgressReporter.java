package org.nettwin.lab.internal;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress lines with rate and ETA, at most one a second (and at the end), e.g.
 * {@code [seed 2/3] 12,000/50,000 steps  24%  3,412 steps/s  ETA 0:11}.
 */
final class ProgressReporter {

    private final PrintStream out;
    private final LongSupplier nanoClock;
    private final long totalSteps;
    private final long start;
    private long lastPrint;
    private long doneBefore;

    ProgressReporter(PrintStream out, long totalSteps, LongSupplier nanoClock) {
        this.out = out;
        this.nanoClock = nanoClock;
        this.totalSteps = totalSteps;
        this.start = nanoClock.getAsLong();
        this.lastPrint = start;
    }

    /** Marks the steps of finished seeds. */
    void seedFinished(long steps) {
        doneBefore += steps;
    }

    void update(String label, long stepInSeed, long seedTotal, boolean force) {
        if (out == null) {
            return;
        }
        long now = nanoClock.getAsLong();
        if (!force && now - lastPrint < 1_000_000_000L) {
            return;
        }
        lastPrint = now;
        long done = doneBefore + stepInSeed;
        double seconds = Math.max(1e-9, (now - start) / 1e9);
        double rate = done / seconds;
        long eta = rate > 0 ? Math.round((totalSteps - done) / rate) : -1;
        out.printf(Locale.ROOT, "%s %,d/%,d steps  %3d%%  %,.0f steps/s  ETA %s%n", label, stepInSeed, seedTotal,
                seedTotal == 0 ? 100 : stepInSeed * 100 / seedTotal, rate, eta < 0 ? "?" : clock(eta));
        out.flush();
    }

    static String clock(long seconds) {
        return seconds >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
