package org.nettwin.experiment.twinloop.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.nettwin.api.experiment.MetricRow;
import org.nettwin.api.experiment.Report;
import org.nettwin.api.experiment.UnitData;
import org.nettwin.api.experiment.UnitResult;
import org.nettwin.api.twin.TwinAccuracy;
import org.nettwin.landscape.Curve;
import org.nettwin.landscape.LandscapeFiles;
import org.nettwin.plot.LineChart;

/**
 * The comparison a twin-loop experiment exists for. Per seed, the target is the vanilla agent's
 * final reward R (the mean of its last {@value #FINAL_POINTS} evaluations), lowered to
 * {@code R - (1 - targetFraction) |R|} when the experiment sets a fraction; each arm's real steps
 * are the first evaluation point whose return reaches the target (vanilla always reaches it, at
 * the latest at its end; the twin arm may not, then it counts as not reached). Over seeds:
 * {@code vanilla_real_steps} and {@code twin_real_steps} are means over the seeds where the twin
 * arm reached the target, {@code real_steps_ratio} = their quotient, and the per-seed ratios are
 * listed too. The strict figures (fraction 1) are always reported beside them, under {@code strict}.
 * Files: {@code reward.png}, {@code twin-error.png}, {@code twin-vs-real.png}, {@code landscape/}.
 */
final class TwinLoopReport {

    static final int FINAL_POINTS = 3;

    /** One seed's comparison. */
    record SeedComparison(long seed, double target, long vanillaSteps, Long twinSteps, double vanillaFinal, double twinFinal) {
        Double ratio() {
            return twinSteps == null ? null : (double) vanillaSteps / twinSteps;
        }
    }

    private final String name;
    private final TwinLoopArms arms;
    private final TwinLoopSettings s;
    private final List<UnitResult> vanilla;
    private final List<UnitResult> twin;

    TwinLoopReport(String name, TwinLoopArms arms, TwinLoopSettings settings, List<UnitResult> vanilla, List<UnitResult> twin) {
        this.name = name;
        this.arms = arms;
        this.s = settings;
        this.vanilla = vanilla;
        this.twin = twin;
    }

    static double[][] curve(UnitResult r) {
        return r.data().getMatrix("curve");
    }

    static double finalReturn(double[][] curve) {
        int n = Math.min(FINAL_POINTS, curve.length);
        double sum = 0;
        for (int i = curve.length - n; i < curve.length; i++) {
            sum += curve[i][1];
        }
        return sum / n;
    }

    /** @return the real steps of the first point reaching {@code target}, or null */
    static Long stepsToReach(double[][] curve, double target) {
        for (double[] p : curve) {
            if (p[1] >= target) {
                return (long) p[0];
            }
        }
        return null;
    }

    static SeedComparison compare(long seed, double[][] vanilla, double[][] twin, double fraction) {
        double target = finalReturn(vanilla);
        target -= (1 - fraction) * Math.abs(target);
        Long vanillaSteps = stepsToReach(vanilla, target);
        return new SeedComparison(seed, target, vanillaSteps == null ? (long) vanilla[vanilla.length - 1][0] : vanillaSteps,
                stepsToReach(twin, target), finalReturn(vanilla), finalReturn(twin));
    }

    private SeedComparison compare(int i, double fraction) {
        return compare(twin.get(i).unit().seed(), curve(vanilla.get(i)), curve(twin.get(i)), fraction);
    }

    Report write(Path dir) throws IOException {
        Map<String, Object> summary = summary();
        rewardPlot(dir.resolve("reward.png"));
        twinErrorPlot(dir.resolve("twin-error.png"));
        if (twin.get(0).data().has("trajectory")) {
            trajectoryPlot(twin.get(0), dir.resolve("twin-vs-real.png"));
        }
        if (s.landscape() != null) {
            landscapes(dir.resolve("landscape"));
            summary.put("landscape", landscapeSummary());
        }
        return new Report(summary, List.of(headline(name, summary)));
    }

    /** One line: the real steps each arm needs, the ratio, the final rewards and the twin's error. */
    static String headline(String name, Map<String, Object> s) {
        return String.format(Locale.ROOT,
                "%s: vanilla needs %s real steps to reach its final reward %s; DT-enhanced needs %s (ratio %s, reached in %s of %s seeds); "
                        + "final rewards vanilla %s, DT-enhanced %s; twin one-step RMSE %s",
                name, number(s.get("vanilla_real_steps")), number(s.get("vanilla_final_return_mean")), number(s.get("twin_real_steps")),
                number(s.get("real_steps_ratio")), s.get("seeds_where_twin_reached_target"), s.get("seeds"),
                number(s.get("vanilla_final_return_mean")), number(s.get("twin_final_return_mean")), number(s.get("twin_one_step_rmse_mean")));
    }

    private static String number(Object v) {
        return v instanceof Number n ? String.format(Locale.ROOT, "%.4g", n.doubleValue()) : "n/a";
    }

    Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scenario", arms.scenario.id());
        m.put("algorithm", arms.algorithm.id());
        m.put("twin", arms.twin.id());
        m.put("real_step_budget", s.budget());
        m.put("history_steps", s.historySteps());
        m.put("K_real_steps_per_iteration", s.realSteps());
        m.put("M_twin_steps_per_iteration", s.twinSteps());
        double fraction = s.targetFraction();
        m.put("target_fraction", fraction);
        m.put("target_rule", "R = vanilla final reward = mean of its last " + FINAL_POINTS + " evaluations; an arm reaches it at its first "
                + "evaluation >= R - (1 - target_fraction)|R|; the twin arm's real steps include the historical data");
        int seeds = twin.size();
        m.put("seeds", seeds);
        double twinFinal = 0;
        double oneStep = 0;
        for (UnitResult t : twin) {
            twinFinal += finalReturn(curve(t)) / seeds;
            oneStep += TwinLoopArms.accuracyOf(t.data().getData("accuracy")).meanOneStepError() / seeds;
        }
        m.put("twin_final_return_mean", twinFinal);
        List<Map<String, Object>> perSeed = new ArrayList<>();
        for (int i = 0; i < seeds; i++) {
            UnitResult t = twin.get(i);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("seed", t.unit().seed());
            row.put("twin_final_return", finalReturn(curve(t)));
            row.put("twin_wall_seconds", t.wallSeconds());
            if (!vanilla.isEmpty()) {
                row.put("vanilla_final_return", finalReturn(curve(vanilla.get(i))));
                row.put("vanilla_wall_seconds", vanilla.get(i).wallSeconds());
                SeedComparison c = compare(i, fraction);
                row.put("target_return", c.target());
                row.put("vanilla_real_steps", c.vanillaSteps());
                row.put("twin_real_steps", c.twinSteps());
                row.put("twin_reached_target", c.twinSteps() != null);
                row.put("real_steps_ratio", c.ratio());
            }
            row.put("twin_accuracy", accuracy(TwinLoopArms.accuracyOf(t.data().getData("accuracy"))));
            perSeed.add(row);
        }
        if (!vanilla.isEmpty()) {
            double vanillaFinal = 0;
            for (UnitResult v : vanilla) {
                vanillaFinal += finalReturn(curve(v)) / seeds;
            }
            m.put("vanilla_final_return_mean", vanillaFinal);
            m.putAll(aggregate(fraction));
            if (fraction < 1) {
                Map<String, Object> strict = aggregate(1.0);
                List<Object> ratios = new ArrayList<>();
                for (int i = 0; i < seeds; i++) {
                    SeedComparison c = compare(i, 1.0);
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("seed", c.seed());
                    r.put("vanilla_real_steps", c.vanillaSteps());
                    r.put("twin_real_steps", c.twinSteps());
                    r.put("real_steps_ratio", c.ratio());
                    ratios.add(r);
                }
                strict.put("per_seed", ratios);
                m.put("strict", strict);
            }
        }
        m.put("twin_one_step_rmse_mean", oneStep);
        m.put("per_seed", perSeed);
        return m;
    }

    /** Means over the seeds where the twin arm reached the target (the others are counted, not averaged). */
    private Map<String, Object> aggregate(double fraction) {
        double vanillaSum = 0;
        double twinSum = 0;
        double ratioSum = 0;
        int reached = 0;
        for (int i = 0; i < twin.size(); i++) {
            SeedComparison c = compare(i, fraction);
            if (c.twinSteps() != null) {
                reached++;
                vanillaSum += c.vanillaSteps();
                twinSum += c.twinSteps();
                ratioSum += c.ratio();
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seeds_where_twin_reached_target", reached);
        m.put("vanilla_real_steps", reached == 0 ? null : vanillaSum / reached);
        m.put("twin_real_steps", reached == 0 ? null : twinSum / reached);
        m.put("real_steps_ratio", reached == 0 || twinSum == 0 ? null : vanillaSum / twinSum);
        m.put("real_steps_ratio_mean_of_seeds", reached == 0 ? null : ratioSum / reached);
        return m;
    }

    private static Map<String, Object> accuracy(TwinAccuracy a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("samples", a.samples());
        m.put("one_step_rmse_mean", a.meanOneStepError());
        Map<String, Object> features = new LinkedHashMap<>();
        for (int i = 0; i < a.featureNames().size(); i++) {
            features.put(a.featureNames().get(i), a.oneStepError()[i]);
        }
        m.put("one_step_rmse", features);
        m.put("rollout_rmse_by_horizon", Arrays.stream(a.rolloutError()).boxed().toList());
        m.put("reward_rmse", a.rewardError());
        return m;
    }

    /** reward.png: evaluation return against real steps, each arm's mean over seeds with a ±1 std band, and the target. */
    private void rewardPlot(Path file) throws IOException {
        LineChart chart = new LineChart(name + ": " + arms.algorithm.id() + " on " + arms.scenario.id() + " (mean ± std of " + twin.size()
                + " seeds)", "real environment steps", "evaluation return");
        if (!vanilla.isEmpty()) {
            addOverSeeds(chart, "vanilla DRL (real only)", vanilla);
        }
        addOverSeeds(chart, "DT-enhanced DRL (" + arms.twin.id() + ")", twin);
        if (!vanilla.isEmpty()) {
            double target = 0;
            for (int i = 0; i < vanilla.size(); i++) {
                target += compare(i, s.targetFraction()).target() / vanilla.size();
            }
            chart.horizontalLine(s.targetFraction() < 1 ? "target: " + Math.round(s.targetFraction() * 100) + "% of vanilla's final reward"
                    : "target: vanilla's final reward", target);
        }
        chart.writePng(file, 960, 600);
    }

    /** twin-error.png: the twin's held-out one-step error after building and after each calibration, mean ± std over seeds. */
    private void twinErrorPlot(Path file) throws IOException {
        List<double[]> xs = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        for (UnitResult t : twin) {
            List<double[]> points = new ArrayList<>();
            for (MetricRow r : t.metrics()) {
                if (r.metric().equals("twin/one_step_rmse")) {
                    points.add(new double[] {r.step(), r.value()});
                }
            }
            xs.add(points.stream().mapToDouble(p -> p[0]).toArray());
            ys.add(points.stream().mapToDouble(p -> p[1]).toArray());
        }
        // every seed calibrates at the same real step counts
        new LineChart(name + ": " + arms.twin.id() + " held-out error (mean ± std of " + twin.size() + " seeds)", "real environment steps",
                "one-step RMSE (mean over features)").seriesOverSeeds("one-step RMSE", xs.get(0), ys.toArray(new double[0][]))
                .writePng(file, 960, 600);
    }

    /**
     * landscape/: per seed and arm the files of {@link LandscapeFiles}, and landscape-1d.png with the
     * mean 1-D curve of each arm (every curve samples the same α grid).
     */
    private void landscapes(Path dir) throws IOException {
        Files.createDirectories(dir);
        TwinLoopSettings.Landscape l = s.landscape();
        for (List<UnitResult> arm : List.of(vanilla, twin)) {
            for (UnitResult a : arm) {
                UnitData d = a.data();
                LandscapeFiles.write(dir, "seed" + a.unit().seed() + "-" + armName(a), TwinLoopArms.curveOf(d.getData("landscape")),
                        d.has("plane") ? TwinLoopArms.planeOf(d.getData("plane")) : null, l.epsilon(), l.radius());
            }
        }
        LineChart chart = new LineChart(name + ": loss of '" + l.network() + "' along filter-normalised directions (mean of seeds)", "alpha",
                "loss on held-out real transitions");
        for (List<UnitResult> arm : List.of(vanilla, twin)) {
            if (arm.isEmpty()) {
                continue;
            }
            double[] alphas = TwinLoopArms.curveOf(arm.get(0).data().getData("landscape")).alphas();
            double[][] losses = new double[arm.size()][];
            for (int i = 0; i < losses.length; i++) {
                losses[i] = TwinLoopArms.curveOf(arm.get(i).data().getData("landscape")).losses();
            }
            chart.seriesOverSeeds(arm == twin ? "DT-enhanced agent" : "vanilla agent", alphas, losses);
        }
        chart.writePng(dir.resolve("landscape-1d.png"), 960, 600);
    }

    private static String armName(UnitResult r) {
        return r.unit().key().endsWith("-" + TwinLoopArms.TWIN) ? TwinLoopArms.TWIN : TwinLoopArms.VANILLA;
    }

    /** Flatness figures of each arm, per seed and their means: smaller is flatter. */
    private Map<String, Object> landscapeSummary() {
        TwinLoopSettings.Landscape l = s.landscape();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("network", l.network());
        m.put("data", "the held-out real transitions");
        for (List<UnitResult> results : List.of(vanilla, twin)) {
            if (results.isEmpty()) {
                continue;
            }
            Map<String, Object> arm = new LinkedHashMap<>();
            double increase = 0;
            double sharp = 0;
            double planeIncrease = 0;
            List<Map<String, Object>> perSeed = new ArrayList<>();
            for (UnitResult a : results) {
                Curve line = TwinLoopArms.curveOf(a.data().getData("landscape"));
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("seed", a.unit().seed());
                row.put("centre_loss", line.centreLoss());
                row.put("mean_increase", line.meanIncrease());
                row.put("sharpness", line.sharpness(l.epsilon()));
                increase += line.meanIncrease() / results.size();
                sharp += line.sharpness(l.epsilon()) / results.size();
                if (a.data().has("plane")) {
                    double within = TwinLoopArms.planeOf(a.data().getData("plane")).meanIncreaseWithin(l.radius());
                    row.put("plane_mean_increase_within_radius", within);
                    planeIncrease += within / results.size();
                }
                perSeed.add(row);
            }
            arm.put("mean_increase_mean", increase);
            arm.put("sharpness_mean", sharp);
            if (l.gridPoints() > 0) {
                arm.put("plane_mean_increase_within_radius_mean", planeIncrease);
            }
            arm.put("per_seed", perSeed);
            m.put(armName(results.get(0)), arm);
        }
        return m;
    }

    /**
     * twin-vs-real.png: the first seed's final twin against the real first held-out episode, same start and
     * actions, for the (at most three) features that vary most relative to their size in the real
     * trajectory; each feature is shown standardised by the real trajectory's mean and deviation, so
     * features of different units share one axis.
     */
    private void trajectoryPlot(UnitResult arm, Path file) throws IOException {
        UnitData t = arm.data().getData("trajectory");
        double[][] realPath = t.getMatrix("real");
        double[][] twinPath = t.getMatrix("twin");
        int features = realPath[0].length;
        int steps = realPath.length;
        double[] mean = new double[features];
        double[] std = new double[features];
        Integer[] order = new Integer[features];
        double[] relative = new double[features];
        for (int f = 0; f < features; f++) {
            order[f] = f;
            for (double[] row : realPath) {
                mean[f] += row[f] / steps;
            }
            for (double[] row : realPath) {
                std[f] += (row[f] - mean[f]) * (row[f] - mean[f]) / steps;
            }
            std[f] = Math.sqrt(std[f]);
            relative[f] = std[f] / Math.max(Math.abs(mean[f]), 1e-9);
        }
        Arrays.sort(order, (a, b) -> Double.compare(relative[b], relative[a]));
        LineChart chart = new LineChart(name + ": " + arms.twin.id() + " open loop vs real (seed " + arm.unit().seed()
                + ", first held-out episode, same actions)", "step", "feature, standardised by the real trajectory");
        double[] x = new double[steps];
        for (int h = 0; h < steps; h++) {
            x[h] = h;
        }
        List<String> names = TwinLoopArms.accuracyOf(arm.data().getData("accuracy")).featureNames();
        for (int k = 0; k < Math.min(3, features); k++) {
            int f = order[k];
            double scale = std[f] > 1e-12 ? std[f] : 1.0;
            double[] real = new double[steps];
            double[] predicted = new double[steps];
            for (int h = 0; h < steps; h++) {
                real[h] = (realPath[h][f] - mean[f]) / scale;
                predicted[h] = (twinPath[h][f] - mean[f]) / scale;
            }
            String feature = f < names.size() ? names.get(f) : "feature " + f;
            chart.series("real " + feature, x, real);
            chart.referenceLine("twin " + feature, x, predicted);
        }
        chart.writePng(file, 960, 600);
    }

    /** Adds an arm's evaluation curve over seeds; every seed of an arm evaluates at the same real-step counts. */
    private static void addOverSeeds(LineChart chart, String name, List<UnitResult> arm) {
        double[][] first = curve(arm.get(0));
        double[] x = new double[first.length];
        double[][] y = new double[arm.size()][first.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = first[i][0];
        }
        for (int a = 0; a < arm.size(); a++) {
            double[][] c = curve(arm.get(a));
            for (int i = 0; i < x.length; i++) {
                y[a][i] = c[i][1];
            }
        }
        chart.seriesOverSeeds(name, x, y);
    }
}
