package org.nettwin.ui.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The curves of a run while it learns: units' metric rows arrive from the run's threads
 * ({@link #add}, cheap and allocation-free once a curve exists), the chart takes a copy a few times
 * a second ({@link #series}). It keeps every point, so the curves stay after the run.
 */
public final class LiveCurves {

    /** curve key (unit label + metric) -> points; guarded by {@code this} */
    private final Map<String, Map<String, Points>> byMetric = new LinkedHashMap<>();
    private long version;

    /** Adds one measured value of unit {@code unit}; thread-safe. */
    public synchronized void add(String unit, String metric, double step, double value) {
        Map<String, Points> units = byMetric.get(metric);
        if (units == null) {
            units = new LinkedHashMap<>();
            byMetric.put(metric, units);
        }
        Points p = units.get(unit);
        if (p == null) {
            p = new Points();
            units.put(unit, p);
        }
        p.add(step, value);
        version++;
    }

    /** @return a number that changes whenever a point is added: a chart redraws only when it moved */
    public synchronized long version() {
        return version;
    }

    /** @return the metrics measured so far, in the order first seen */
    public synchronized List<String> metrics() {
        return List.copyOf(byMetric.keySet());
    }

    /** @return a copy of every unit's curve of {@code metric} */
    public synchronized List<Series> series(String metric) {
        List<Series> out = new ArrayList<>();
        for (Map.Entry<String, Points> e : byMetric.getOrDefault(metric, Map.of()).entrySet()) {
            out.add(e.getValue().toSeries(e.getKey()));
        }
        return out;
    }

    /** @return how many points all curves hold */
    public synchronized long points() {
        long n = 0;
        for (Map<String, Points> units : byMetric.values()) {
            for (Points p : units.values()) {
                n += p.size();
            }
        }
        return n;
    }
}
