package org.nettwin.experiment.domains.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.nettwin.api.experiment.Report;
import org.nettwin.api.experiment.ReportContext;
import org.nettwin.api.experiment.Statistics;
import org.nettwin.api.experiment.UnitData;
import org.nettwin.api.experiment.UnitResult;
import org.nettwin.plot.LineChart;

/**
 * The report of both kinds. Per arm, over seeds: {@code final_return} (mean over seeds of each
 * seed's mean over the last {@code finalShare} of its episodes); {@code episodes_to_target} (the
 * first episode at which the moving average of the mean-over-seeds return reaches the reference
 * arm's — n = 1's or k = 1's — final return; null if never); {@code episodes_to_converge} (the first
 * episode at which that moving average has made {@code 1 −} {@link #CONVERGED} of the way from its
 * start — the mean of the first {@code window} episodes — to the arm's own final return: relative to
 * the improvement, since returns may carry a large constant offset); {@code physical_steps_to_target} and
 * {@code physical_steps_to_converge} (those episodes times the arm's mean physical steps per
 * episode); and the cost, as means over seeds.
 */
final class SweepReport {

    /** Within 5 % of the improvement from the start to the final return counts as converged. */
    static final double CONVERGED = 0.05;

    /** Most points per plotted curve (longer curves are thinned evenly). */
    static final int MAX_POINTS = 600;

    private final String reference;
    private final String what;
    private final int window;
    private final double finalShare;

    /**
     * @param reference the group whose value-1 arm gives the target (n_trials or k_step)
     * @param what      the learner, for plot titles
     */
    SweepReport(String reference, String what, int window, double finalShare) {
        this.reference = reference;
        this.what = what;
        this.window = window;
        this.finalShare = finalShare;
    }

    Report write(String name, List<Arm> arms, List<UnitResult> results, ReportContext context) throws IOException {
        Map<Arm, List<UnitResult>> byArm = new LinkedHashMap<>();
        for (Arm arm : arms) {
            byArm.put(arm, new ArrayList<>());
        }
        for (UnitResult r : results) {
            for (Arm arm : arms) {
                if (r.unit().key().startsWith(arm.key() + "-seed-")) {
                    byArm.get(arm).add(r);
                }
            }
        }
        Map<Arm, double[][]> returns = new LinkedHashMap<>();
        byArm.forEach((arm, rs) -> returns.put(arm, rs.stream().map(r -> r.data().getDoubles("returns")).toArray(double[][]::new)));
        double target = Double.NaN;
        for (Arm arm : arms) {
            if (arm.group().equals(reference) && arm.value() == 1) {
                target = finalReturn(returns.get(arm));
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>();
        summary.put("target_return", Statistics.finiteOrNull(target));
        summary.put("moving_average", window);
        summary.put("final_share", finalShare);
        for (Arm arm : arms) {
            @SuppressWarnings("unchecked")
            Map<String, Object> group = (Map<String, Object>) summary.computeIfAbsent(arm.group(), g -> new LinkedHashMap<String, Object>());
            Map<String, Object> row = armSummary(arm, returns.get(arm), byArm.get(arm), target);
            group.put(Integer.toString(arm.value()), row);
            lines.add(String.format(Locale.ROOT, "%s: final return %s, episodes to target %s, episodes to converge %s, domain steps per physical step %.2f",
                    arm.label(), row.get("final_return"), row.get("episodes_to_target"), row.get("episodes_to_converge"),
                    (Double) ((Map<?, ?>) row.get("cost")).get("domain_steps_per_physical_step")));
        }
        for (String group : List.of("n_trials", "k_step", "domains_ablation")) {
            List<Arm> members = arms.stream().filter(a -> a.group().equals(group)).toList();
            if (members.isEmpty()) {
                continue;
            }
            plotBands(name, group, members, returns).writePng(context.folder().resolve("returns-" + group + ".png"), 960, 600);
            plotRaw(name, group, members, returns).writePng(context.folder().resolve("returns-" + group + "-raw.png"), 960, 600);
        }
        return new Report(summary, lines);
    }

    private Map<String, Object> armSummary(Arm arm, double[][] seeds, List<UnitResult> units, double target) {
        Map<String, Object> row = new LinkedHashMap<>();
        double[] finals = new double[seeds.length];
        for (int s = 0; s < seeds.length; s++) {
            finals[s] = Statistics.tailMean(seeds[s], finalShare);
        }
        double finalReturn = Statistics.mean(finals);
        double[] ma = Statistics.movingMean(meanOverSeeds(seeds), window);
        double stepsPerEpisode = mean(units, "physical_steps") / Math.max(1, mean(units, "physical_episodes"));
        Integer toTarget = firstReaching(ma, target);
        double[] mean = meanOverSeeds(seeds);
        double start = Statistics.mean(java.util.Arrays.copyOf(mean, Math.min(mean.length, window)));
        Integer toConverge = firstReaching(ma, start + (1 - CONVERGED) * (finalReturn - start));
        row.put("n", arm.trials() > 0 ? arm.trials() : null);
        row.put("k", arm.k() > 0 ? arm.k() : null);
        row.put("domains", arm.domains());
        row.put("source", arm.source());
        row.put("final_return", Statistics.finiteOrNull(finalReturn));
        row.put("final_return_std", Statistics.finiteOrNull(Statistics.std(finals)));
        row.put("final_return_per_seed", java.util.Arrays.stream(finals).boxed().map(Statistics::finiteOrNull).toList());
        row.put("start_return", Statistics.finiteOrNull(start));
        row.put("episodes_to_target", toTarget);
        row.put("physical_steps_to_target", toTarget == null ? null : Math.round(toTarget * stepsPerEpisode));
        row.put("episodes_to_converge", toConverge);
        row.put("physical_steps_to_converge", toConverge == null ? null : Math.round(toConverge * stepsPerEpisode));
        row.put("episodes", seeds.length == 0 ? 0 : seeds[0].length);
        Map<String, Object> cost = new LinkedHashMap<>();
        for (String field : List.of("physical_steps", "physical_episodes", "domain_steps", "syncs", "stored_transitions", "physical_seconds",
                "domain_seconds", "twin_data_steps", "twin_build_seconds")) {
            cost.put(field, Statistics.finiteOrNull(mean(units, field)));
        }
        double physicalSteps = mean(units, "physical_steps");
        cost.put("domain_steps_per_physical_step", physicalSteps == 0 ? 0.0 : mean(units, "domain_steps") / physicalSteps);
        double physicalSeconds = mean(units, "physical_seconds");
        cost.put("domain_time_per_physical_time", Statistics.finiteOrNull(physicalSeconds == 0 ? Double.NaN : mean(units, "domain_seconds") / physicalSeconds));
        cost.put("unit_wall_seconds", Statistics.finiteOrNull(units.stream().mapToDouble(UnitResult::wallSeconds).average().orElse(Double.NaN)));
        row.put("cost", cost);
        return row;
    }

    private static double mean(List<UnitResult> units, String field) {
        return units.stream().mapToDouble(u -> {
            UnitData cost = u.data().getData("cost");
            return cost.getDouble(field);
        }).average().orElse(Double.NaN);
    }

    /** @return the 1-based episode at which {@code curve} first reaches {@code level}, or null */
    static Integer firstReaching(double[] curve, double level) {
        if (!Double.isFinite(level)) {
            return null;
        }
        for (int e = 0; e < curve.length; e++) {
            if (curve[e] >= level) {
                return e + 1;
            }
        }
        return null;
    }

    static double finalReturnOf(double[][] seeds, double share) {
        double[] finals = new double[seeds.length];
        for (int s = 0; s < seeds.length; s++) {
            finals[s] = Statistics.tailMean(seeds[s], share);
        }
        return Statistics.mean(finals);
    }

    private double finalReturn(double[][] seeds) {
        return finalReturnOf(seeds, finalShare);
    }

    static double[] meanOverSeeds(double[][] seeds) {
        int n = seeds.length == 0 ? 0 : java.util.Arrays.stream(seeds).mapToInt(s -> s.length).min().orElse(0);
        double[] mean = new double[n];
        for (double[] s : seeds) {
            for (int e = 0; e < n; e++) {
                mean[e] += s[e] / seeds.length;
            }
        }
        return mean;
    }

    /** @return the indices of at most MAX_POINTS evenly spaced episodes, always including the last */
    static int[] thinned(int n) {
        int stride = Math.max(1, (n + MAX_POINTS - 1) / MAX_POINTS);
        int count = (n + stride - 1) / stride;
        int[] idx = new int[count];
        for (int i = 0; i < count; i++) {
            idx[i] = Math.min(n - 1, i * stride);
        }
        idx[count - 1] = n - 1;
        return idx;
    }

    /** Moving averages per arm: the mean over seeds with a band of one standard deviation. */
    private LineChart plotBands(String name, String group, List<Arm> members, Map<Arm, double[][]> returns) {
        LineChart chart = new LineChart(name + ": " + what + ", moving average of " + window + " episodes, mean ± std over seeds",
                "physical episodes", "episode return");
        for (Arm arm : members) {
            double[][] seeds = returns.get(arm);
            if (seeds.length == 0 || seeds[0].length == 0) {
                continue;
            }
            int n = java.util.Arrays.stream(seeds).mapToInt(s -> s.length).min().orElse(0);
            int[] idx = thinned(n);
            double[] x = new double[idx.length];
            double[][] y = new double[seeds.length][idx.length];
            for (int s = 0; s < seeds.length; s++) {
                double[] ma = Statistics.movingMean(seeds[s], window);
                for (int i = 0; i < idx.length; i++) {
                    y[s][i] = ma[idx[i]];
                }
            }
            for (int i = 0; i < idx.length; i++) {
                x[i] = idx[i] + 1;
            }
            chart.seriesOverSeeds(arm.label(), x, y);
        }
        return chart;
    }

    /** The paper's Fig. 5 form: the raw mean-over-seeds return (thin) and its moving average, per arm. */
    private LineChart plotRaw(String name, String group, List<Arm> members, Map<Arm, double[][]> returns) {
        LineChart chart = new LineChart(name + ": " + what + ", mean over seeds: raw and moving average (" + window + ")", "physical episodes",
                "episode return");
        for (Arm arm : members) {
            double[] mean = meanOverSeeds(returns.get(arm));
            if (mean.length == 0) {
                continue;
            }
            double[] ma = Statistics.movingMean(mean, window);
            int[] idx = thinned(mean.length);
            double[] x = new double[idx.length];
            double[] raw = new double[idx.length];
            double[] smooth = new double[idx.length];
            for (int i = 0; i < idx.length; i++) {
                x[i] = idx[i] + 1;
                raw[i] = mean[idx[i]];
                smooth[i] = ma[idx[i]];
            }
            chart.referenceLine(arm.label() + ", raw", x, raw);
            chart.series(arm.label() + ", moving average", x, smooth);
        }
        return chart;
    }
}
