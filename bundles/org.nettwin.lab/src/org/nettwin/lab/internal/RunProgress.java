package org.nettwin.lab.internal;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

import org.nettwin.api.experiment.Unit;

/**
 * Progress of a run's units on standard error, at most one line a second (and when a unit
 * finishes): the unit's own count, the whole run's share, the rate and an ETA from the overall
 * rate, e.g. {@code [seed 2 twin] 1,200/5,000  all 34%  2,950/s  ETA 0:41}. Thread-safe: units
 * running in parallel report to one instance.
 */
final class RunProgress {

    private final PrintStream out;
    private final LongSupplier nanoClock;
    private final long total;
    private final long start;
    private final Map<String, Long> done = new HashMap<>();
    private long sum;
    private long lastPrint;

    RunProgress(PrintStream out, List<Unit> units, LongSupplier nanoClock) {
        this.out = out;
        this.nanoClock = nanoClock;
        this.total = units.stream().mapToLong(Unit::work).sum();
        this.start = nanoClock.getAsLong();
        this.lastPrint = start;
    }

    /** The unit has done {@code count} of its work. */
    synchronized void update(Unit unit, long count) {
        long clipped = Math.max(0, Math.min(count, unit.work()));
        Long before = done.put(unit.key(), clipped);
        sum += clipped - (before == null ? 0 : before);
        print(unit, clipped, false);
    }

    /** The unit is done: its whole work counts. */
    synchronized void finished(Unit unit) {
        Long before = done.put(unit.key(), unit.work());
        sum += unit.work() - (before == null ? 0 : before);
        print(unit, unit.work(), true);
    }

    private void print(Unit unit, long count, boolean force) {
        long now = nanoClock.getAsLong();
        if (out == null || (!force && now - lastPrint < 1_000_000_000L)) {
            return;
        }
        lastPrint = now;
        double seconds = Math.max(1e-9, (now - start) / 1e9);
        double rate = sum / seconds;
        long eta = rate > 0 ? Math.round((total - sum) / rate) : -1;
        out.printf(Locale.ROOT, "[%s] %,d/%,d  all %3d%%  %,.0f/s  ETA %s%n", unit.label(), count, unit.work(),
                total == 0 ? 100 : sum * 100 / total, rate, eta < 0 ? "?" : clock(eta));
        out.flush();
    }

    static String clock(long seconds) {
        return seconds >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
