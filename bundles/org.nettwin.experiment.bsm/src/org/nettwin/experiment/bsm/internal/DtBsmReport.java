package org.nettwin.experiment.bsm.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.nettwin.api.experiment.Report;
import org.nettwin.api.experiment.Statistics;
import org.nettwin.api.experiment.UnitData;
import org.nettwin.api.experiment.UnitResult;
import org.nettwin.plot.LineChart;

/**
 * The study's summary and plots: deployment gap against DT-BSM with the bound, the worst-case gap
 * per DT-BSM bin, and (when timed) metric time against |S| on log-log axes.
 */
final class DtBsmReport {

    /** Relative slack for rounding when checking gap ≤ bound (both come from linear solves). */
    static final double ROUNDING = 1e-9;

    private final String name;
    private final String scenarioId;
    private final DtBsmSettings settings;

    DtBsmReport(String name, String scenarioId, DtBsmSettings settings) {
        this.name = name;
        this.scenarioId = scenarioId;
        this.settings = settings;
    }

    Report write(List<UnitResult> results, Path folder) throws IOException {
        List<UnitData> twins = new ArrayList<>();
        List<UnitData> timings = new ArrayList<>();
        for (UnitResult r : results) {
            (r.unit().key().startsWith("timing.") ? timings : twins).add(r.data());
        }
        int n = twins.size();
        double[] w = column(twins, "wasserstein");
        double[] tv = column(twins, "tv");
        double[] emp = column(twins, "empirical");
        double[] gap = column(twins, "gap");
        double[] bound = column(twins, "bound");
        double[] boundTv = column(twins, "bound_tv");
        boolean holds = true;
        boolean holdsTv = true;
        List<Map<String, Object>> candidates = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            UnitData d = twins.get(i);
            holds &= holds(gap[i], bound[i]);
            holdsTv &= holds(gap[i], boundTv[i]);
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", d.getString("name"));
            c.put("seed", d.getLong("seed"));
            c.put("kind", d.getString("kind"));
            for (String key : new String[] {"wasserstein", "wasserstein_certified", "tv", "empirical", "empirical_radius", "twin_suboptimality",
                    "real_optimum", "policy_value", "gap", "bound", "bound_tv"}) {
                c.put(key, Statistics.finiteOrNull(d.getDouble(key)));
            }
            c.put("bound_holds", holds(gap[i], bound[i]));
            candidates.add(c);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("scenario", scenarioId);
        summary.put("gamma", settings.gamma());
        summary.put("states", twins.isEmpty() ? 0 : twins.get(0).getLong("states"));
        summary.put("bound", "gap <= (2 * DT-BSM + twin_suboptimality) / (1 - gamma), DT-BSM = certified Wasserstein form (README)");
        summary.put("bound_holds", holds);
        summary.put("bound_tv_holds", holdsTv);
        summary.put("rank_correlation", Statistics.finiteOrNull(spearman(w, gap)));
        summary.put("rank_correlation_tv", Statistics.finiteOrNull(spearman(tv, gap)));
        summary.put("rank_correlation_empirical", Statistics.finiteOrNull(spearman(emp, gap)));
        summary.put("twin_selection", selection(twins));
        summary.put("candidates", candidates);
        if (!timings.isEmpty()) {
            summary.put("timing", timingRows(timings));
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%d candidate twins of %s (gamma %.3g): bound held for %s; Spearman(gap, DT-BSM) = %.3f "
                + "(TV %.3f, empirical %.3f)", n, scenarioId, settings.gamma(), holds ? "every one" : "NOT every one", spearman(w, gap),
                spearman(tv, gap), spearman(emp, gap)));
        for (Map<String, Object> c : candidates) {
            lines.add(String.format(Locale.ROOT, "  %-18s seed %d: DT-BSM W %.4g, TV %.4g, empirical %.4g; gap %.4g <= bound %.4g", c.get("name"),
                    c.get("seed"), c.get("wasserstein"), c.get("tv"), c.get("empirical"), c.get("gap"), c.get("bound")));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> selection = (Map<String, Object>) summary.get("twin_selection");
        lines.add("twin selection (least empirical DT-BSM): " + selection);
        if (n > 0) {
            gapPlot(folder, w, gap, bound, twins);
            worstCasePlot(folder, w, gap);
        }
        if (!timings.isEmpty()) {
            timingPlot(folder, timings);
        }
        return new Report(summary, lines);
    }

    static boolean holds(double gap, double bound) {
        return gap <= bound + ROUNDING * Math.max(1, Math.abs(bound));
    }

    /** Per seed: the candidate the rule picks (least empirical DT-BSM), its gap, and the least gap of that seed. */
    private static Map<String, Object> selection(List<UnitData> twins) {
        Map<Long, UnitData> picked = new LinkedHashMap<>();
        Map<Long, Double> leastGap = new LinkedHashMap<>();
        for (UnitData d : twins) {
            long seed = d.getLong("seed");
            UnitData best = picked.get(seed);
            if (best == null || TwinSelection.better(d.getDouble("empirical"), best.getDouble("empirical"))) {
                picked.put(seed, d);
            }
            leastGap.merge(seed, d.getDouble("gap"), Math::min);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        picked.forEach((seed, d) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("twin", d.getString("name"));
            m.put("empirical", d.getDouble("empirical"));
            m.put("gap", d.getDouble("gap"));
            m.put("least_gap", leastGap.get(seed));
            out.put("seed " + seed, m);
        });
        return out;
    }

    private static List<Map<String, Object>> timingRows(List<UnitData> timings) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (UnitData t : timings) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("states", t.getLong("states"));
            m.put("wasserstein_seconds", t.getDouble("wasserstein_seconds"));
            m.put("tv_seconds", t.getDouble("tv_seconds"));
            m.put("empirical_seconds", t.getDouble("empirical_seconds"));
            rows.add(m);
        }
        return rows;
    }

    private void gapPlot(Path folder, double[] w, double[] gap, double[] bound, List<UnitData> twins) throws IOException {
        LineChart chart = new LineChart(name + ": deployment gap of the twin-optimal policy against DT-BSM (" + scenarioId + ")",
                "DT-BSM (Wasserstein form)", "V*(real) − V^π(real) from the initial distribution");
        for (String kind : new String[] {"perturbed", "tabular"}) {
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < twins.size(); i++) {
                if (twins.get(i).getString("kind").equals(kind)) {
                    idx.add(i);
                }
            }
            if (!idx.isEmpty()) {
                chart.scatter("gap, " + kind + " twins", pick(w, idx), pick(gap, idx));
            }
        }
        double max = Arrays.stream(w).max().orElse(0);
        chart.scatter("bound (2·DT-BSM + ε)/(1−γ)", w, bound);
        chart.referenceLine("2·DT-BSM/(1−γ)", new double[] {0, max}, new double[] {0, 2 * max / (1 - settings.gamma())});
        chart.writePng(folder.resolve("gap-vs-dtbsm.png"), 960, 600);
    }

    private void worstCasePlot(Path folder, double[] w, double[] gap) throws IOException {
        double max = Arrays.stream(w).max().orElse(0);
        int bins = settings.bins();
        double[] worst = new double[bins];
        boolean[] used = new boolean[bins];
        for (int i = 0; i < w.length; i++) {
            int b = max == 0 ? 0 : Math.min(bins - 1, (int) (w[i] / max * bins));
            worst[b] = used[b] ? Math.max(worst[b], gap[i]) : gap[i];
            used[b] = true;
        }
        List<Integer> idx = new ArrayList<>();
        double[] upper = new double[bins];
        for (int b = 0; b < bins; b++) {
            upper[b] = max * (b + 1) / bins;
            if (used[b]) {
                idx.add(b);
            }
        }
        LineChart chart = new LineChart(name + ": worst-case deployment gap per DT-BSM bin (" + bins + " bins)", "DT-BSM bin (upper edge)",
                "largest gap in the bin");
        chart.series("worst-case gap", pick(upper, idx), pick(worst, idx));
        chart.scatter("worst-case gap", pick(upper, idx), pick(worst, idx));
        chart.writePng(folder.resolve("worst-case-gap.png"), 960, 600);
    }

    private void timingPlot(Path folder, List<UnitData> timings) throws IOException {
        double[] states = column(timings, "states");
        LineChart chart = new LineChart(name + ": metric time against |S| (one run, this machine)", "|S| (real states)", "seconds").logX().logY();
        chart.series("Wasserstein form", states, positive(column(timings, "wasserstein_seconds")));
        chart.series("total-variation form", states, positive(column(timings, "tv_seconds")));
        chart.series("empirical (" + settings.empiricalTransitions() + " transitions each)", states, positive(column(timings, "empirical_seconds")));
        chart.writePng(folder.resolve("metric-time.png"), 960, 600);
    }

    /** A log axis has no 0: a time below the clock's resolution is drawn at 1 µs. */
    private static double[] positive(double[] v) {
        double[] out = v.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.max(out[i], 1e-6);
        }
        return out;
    }

    private static double[] column(List<UnitData> rows, String key) {
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = rows.get(i).getDouble(key);
        }
        return out;
    }

    private static double[] pick(double[] v, List<Integer> idx) {
        double[] out = new double[idx.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = v[idx.get(k)];
        }
        return out;
    }

    /** @return Spearman's rank correlation (average ranks for ties); NaN with fewer than 2 points or a constant column */
    static double spearman(double[] x, double[] y) {
        if (x.length < 2) {
            return Double.NaN;
        }
        double[] rx = ranks(x);
        double[] ry = ranks(y);
        double mx = Arrays.stream(rx).average().orElse(0);
        double my = Arrays.stream(ry).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (rx[i] - mx) * (ry[i] - my);
            sxx += (rx[i] - mx) * (rx[i] - mx);
            syy += (ry[i] - my) * (ry[i] - my);
        }
        return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
    }

    private static double[] ranks(double[] v) {
        Integer[] order = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
        double[] rank = new double[v.length];
        int i = 0;
        while (i < v.length) {
            int j = i;
            while (j + 1 < v.length && v[order[j + 1]] == v[order[i]]) {
                j++;
            }
            for (int k = i; k <= j; k++) {
                rank[order[k]] = (i + j) / 2.0 + 1;
            }
            i = j + 1;
        }
        return rank;
    }
}
