package org.nettwin.experiment.bsm.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nettwin.api.config.Config;

/**
 * A candidate twin of controlled discrepancy: the scenario with one rate scaled, or a tabular twin
 * learnt from {@code size} real transitions.
 *
 * @param name  its name in reports, e.g. {@code arrivals+10%}, {@code tabular-10000}
 * @param rate  the scaled rate (perturbed twins), else {@code null}
 * @param level the relative error of the rate
 * @param size  transitions of real data (tabular twins), else 0
 */
record Candidate(String name, Rate rate, double level, int size) {

    /** Which rate a perturbed twin gets wrong. */
    enum Rate {
        /** {@code arrivalProbabilities × (1 + level)}: the twin expects more traffic */
        ARRIVALS("arrivalProbabilities", 1),
        /** {@code completionProbabilities × (1 − level)}: the twin expects longer holding times */
        COMPLETIONS("completionProbabilities", -1);

        final String field;
        final int sign;

        Rate(String field, int sign) {
            this.field = field;
            this.sign = sign;
        }
    }

    static Candidate perturbed(Rate rate, double level) {
        String pct = java.math.BigDecimal.valueOf(Math.round(level * 100_000) / 1000.0).stripTrailingZeros().toPlainString();
        return new Candidate((rate == Rate.ARRIVALS ? "arrivals+" : "completions-") + pct + "%", rate, level, 0);
    }

    static Candidate tabular(int size) {
        return new Candidate("tabular-" + size, null, 0, size);
    }

    boolean perturbed() {
        return rate != null;
    }

    /** @return the scenario configuration of this perturbed twin, or {@code null} if the scenario has no such rate */
    Map<String, Object> overrides(Config base) {
        if (!base.has(rate.field)) {
            return null;
        }
        Map<String, Object> raw = new LinkedHashMap<>(base.asMap());
        double[] values = base.getDoubles(rate.field);
        List<Double> scaled = new java.util.ArrayList<>();
        for (double v : values) {
            scaled.add(v * (1 + rate.sign * level));
        }
        raw.put(rate.field, scaled);
        return raw;
    }

    /** @return {@code base} with another capacity (timing against |S|), or {@code null} if it has none */
    static Map<String, Object> withCapacity(Config base, int capacity) {
        if (!base.has("capacity")) {
            return null;
        }
        Map<String, Object> raw = new LinkedHashMap<>(base.asMap());
        raw.put("capacity", capacity);
        return raw;
    }
}
