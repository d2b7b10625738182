package org.nettwin.lab.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nettwin.api.twin.TwinAccuracy;
import org.nettwin.lab.Experiment;
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
 */
final class TwinLoopReport {

    static final int FINAL_POINTS = 3;

    /** One seed's comparison. */
    record SeedComparison(long seed, double target, long vanillaSteps, Long twinSteps, double vanillaFinal, double twinFinal) {
        Double ratio() {
            return twinSteps == null ? null : (double) vanillaSteps / twinSteps;
        }
    }

    private TwinLoopReport() {
    }

    static double finalReturn(List<TwinLoopRun.Point> curve) {
        int n = Math.min(FINAL_POINTS, curve.size());
        double s = 0;
        for (int i = curve.size() - n; i < curve.size(); i++) {
            s += curve.get(i).evalReturn();
        }
        return s / n;
    }

    /** @return the real steps of the first point reaching {@code target}, or null */
    static Long stepsToReach(List<TwinLoopRun.Point> curve, double target) {
        for (TwinLoopRun.Point p : curve) {
            if (p.evalReturn() >= target) {
                return p.realSteps();
            }
        }
        return null;
    }

    static SeedComparison compare(TwinLoopRun.Arm vanilla, TwinLoopRun.Arm twin, double fraction) {
        double target = finalReturn(vanilla.curve());
        target -= (1 - fraction) * Math.abs(target);
        Long vanillaSteps = stepsToReach(vanilla.curve(), target);
        return new SeedComparison(vanilla.seed(), target, vanillaSteps == null ? vanilla.curve().get(vanilla.curve().size() - 1).realSteps()
                : vanillaSteps, stepsToReach(twin.curve(), target), finalReturn(vanilla.curve()), finalReturn(twin.curve()));
    }

    /** The summary.json content. */
    static Map<String, Object> summary(Experiment e, List<TwinLoopRun.Arm> vanilla, List<TwinLoopRun.Arm> twin, double wall) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("experiment", e.name());
        m.put("type", e.type().fileName());
        m.put("scenario", e.scenario().id());
        m.put("algorithm", e.algorithm().id());
        m.put("twin", e.twin().id());
        m.put("real_step_budget", e.budget().steps());
        m.put("history_steps", Math.min(e.loop().historySteps(), e.budget().steps()));
        m.put("K_real_steps_per_iteration", e.loop().realSteps());
        m.put("M_twin_steps_per_iteration", e.loop().twinSteps());
        double fraction = e.loop().targetFraction();
        m.put("target_fraction", fraction);
        m.put("target_rule", "R = vanilla final reward = mean of its last " + FINAL_POINTS + " evaluations; an arm reaches it at its first "
                + "evaluation >= R - (1 - target_fraction)|R|; the twin arm's real steps include the historical data");
        int seeds = twin.size();
        m.put("seeds", seeds);
        double twinFinal = 0;
        double oneStep = 0;
        for (TwinLoopRun.Arm t : twin) {
            twinFinal += finalReturn(t.curve()) / seeds;
            oneStep += t.accuracy().meanOneStepError() / seeds;
        }
        m.put("twin_final_return_mean", twinFinal);
        List<Map<String, Object>> perSeed = new ArrayList<>();
        for (int i = 0; i < seeds; i++) {
            TwinLoopRun.Arm t = twin.get(i);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("seed", t.seed());
            row.put("twin_final_return", finalReturn(t.curve()));
            row.put("twin_wall_seconds", t.wallSeconds());
            if (!vanilla.isEmpty()) {
                row.put("vanilla_final_return", finalReturn(vanilla.get(i).curve()));
                row.put("vanilla_wall_seconds", vanilla.get(i).wallSeconds());
                SeedComparison c = compare(vanilla.get(i), t, fraction);
                row.put("target_return", c.target());
                row.put("vanilla_real_steps", c.vanillaSteps());
                row.put("twin_real_steps", c.twinSteps());
                row.put("twin_reached_target", c.twinSteps() != null);
                row.put("real_steps_ratio", c.ratio());
            }
            row.put("twin_accuracy", accuracy(t.accuracy()));
            perSeed.add(row);
        }
        if (!vanilla.isEmpty()) {
            double vanillaFinal = 0;
            for (TwinLoopRun.Arm v : vanilla) {
                vanillaFinal += finalReturn(v.curve()) / seeds;
            }
            m.put("vanilla_final_return_mean", vanillaFinal);
            m.putAll(aggregate(vanilla, twin, fraction));
            if (fraction < 1) {
                Map<String, Object> strict = aggregate(vanilla, twin, 1.0);
                List<Object> ratios = new ArrayList<>();
                for (int i = 0; i < seeds; i++) {
                    SeedComparison c = compare(vanilla.get(i), twin.get(i), 1.0);
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
        m.put("wall_seconds", wall);
        return m;
    }

    /** Means over the seeds where the twin arm reached the target (the others are counted, not averaged). */
    private static Map<String, Object> aggregate(List<TwinLoopRun.Arm> vanilla, List<TwinLoopRun.Arm> twin, double fraction) {
        double vanillaSum = 0;
        double twinSum = 0;
        double ratioSum = 0;
        int reached = 0;
        for (int i = 0; i < twin.size(); i++) {
            SeedComparison c = compare(vanilla.get(i), twin.get(i), fraction);
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
        List<Double> rollout = new ArrayList<>();
        for (double r : a.rolloutError()) {
            rollout.add(r);
        }
        m.put("rollout_rmse_by_horizon", rollout);
        m.put("reward_rmse", a.rewardError());
        return m;
    }

    /** reward.png: evaluation return against real steps, the mean over seeds of each arm, and the target. */
    static void rewardPlot(Experiment e, List<TwinLoopRun.Arm> vanilla, List<TwinLoopRun.Arm> twin, Path file) throws IOException {
        LineChart chart = new LineChart(e.name() + ": " + e.algorithm().id() + " on " + e.scenario().id() + " (mean of " + twin.size()
                + " seeds)", "real environment steps", "evaluation return");
        if (!vanilla.isEmpty()) {
            addMean(chart, "vanilla DRL (real only)", vanilla);
        }
        addMean(chart, "DT-enhanced DRL (" + e.twin().id() + ")", twin);
        if (!vanilla.isEmpty()) {
            double target = 0;
            for (int i = 0; i < vanilla.size(); i++) {
                target += compare(vanilla.get(i), twin.get(i), e.loop().targetFraction()).target() / vanilla.size();
            }
            double last = Math.max(vanilla.get(0).curve().get(vanilla.get(0).curve().size() - 1).realSteps(),
                    twin.get(0).curve().get(twin.get(0).curve().size() - 1).realSteps());
            chart.series(e.loop().targetFraction() < 1 ? "target: " + Math.round(e.loop().targetFraction() * 100) + "% of vanilla's final reward"
                    : "target: vanilla's final reward", new double[] {0, last}, new double[] {target, target});
        }
        chart.writePng(file, 960, 600);
    }

    /** twin-error.png: the twin's held-out one-step error after building and after each calibration. */
    static void twinErrorPlot(Experiment e, List<TwinLoopRun.Arm> twin, Path file) throws IOException {
        LineChart chart = new LineChart(e.name() + ": " + e.twin().id() + " held-out error", "real environment steps",
                "one-step RMSE (mean over features)");
        for (TwinLoopRun.Arm t : twin) {
            List<double[]> points = new ArrayList<>();
            for (TwinLoopRun.Row r : t.rows()) {
                if (r.metric().equals("twin/one_step_rmse")) {
                    points.add(new double[] {r.step(), r.value()});
                }
            }
            double[] x = new double[points.size()];
            double[] y = new double[points.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = points.get(i)[0];
                y[i] = points.get(i)[1];
            }
            chart.series("seed " + t.seed(), x, y);
        }
        chart.writePng(file, 960, 600);
    }

    /**
     * landscape/: per seed and arm the files of {@link LandscapeFiles}, and landscape-1d.png with the
     * mean 1-D curve of each arm (every curve samples the same α grid).
     */
    static void landscapes(Experiment e, List<TwinLoopRun.Arm> arms, Path dir) throws IOException {
        java.nio.file.Files.createDirectories(dir);
        Experiment.Landscape l = e.landscape();
        for (TwinLoopRun.Arm a : arms) {
            LandscapeFiles.write(dir, "seed" + a.seed() + "-" + a.name(), a.landscape(), a.plane(), l.epsilon(), l.radius());
        }
        LineChart chart = new LineChart(e.name() + ": loss of '" + l.network() + "' along filter-normalised directions (mean of seeds)",
                "alpha", "loss on held-out real transitions");
        for (String arm : List.of(TwinLoopRun.VANILLA, TwinLoopRun.TWIN)) {
            List<TwinLoopRun.Arm> of = arms.stream().filter(a -> a.name().equals(arm)).toList();
            if (of.isEmpty()) {
                continue;
            }
            double[] alphas = of.get(0).landscape().alphas();
            double[] mean = new double[alphas.length];
            for (TwinLoopRun.Arm a : of) {
                for (int k = 0; k < alphas.length; k++) {
                    mean[k] += a.landscape().losses()[k] / of.size();
                }
            }
            chart.series(arm.equals(TwinLoopRun.TWIN) ? "DT-enhanced agent" : "vanilla agent", alphas, mean);
        }
        chart.writePng(dir.resolve("landscape-1d.png"), 960, 600);
    }

    /** Flatness figures of each arm, per seed and their means: smaller is flatter. */
    static Map<String, Object> landscapeSummary(Experiment e, List<TwinLoopRun.Arm> vanilla, List<TwinLoopRun.Arm> twin) {
        Experiment.Landscape l = e.landscape();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("network", l.network());
        m.put("data", "the held-out real transitions");
        for (List<TwinLoopRun.Arm> arms : List.of(vanilla, twin)) {
            if (arms.isEmpty()) {
                continue;
            }
            Map<String, Object> arm = new LinkedHashMap<>();
            double increase = 0;
            double sharp = 0;
            double planeIncrease = 0;
            List<Map<String, Object>> perSeed = new ArrayList<>();
            for (TwinLoopRun.Arm a : arms) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("seed", a.seed());
                row.put("centre_loss", a.landscape().centreLoss());
                row.put("mean_increase", a.landscape().meanIncrease());
                row.put("sharpness", a.landscape().sharpness(l.epsilon()));
                increase += a.landscape().meanIncrease() / arms.size();
                sharp += a.landscape().sharpness(l.epsilon()) / arms.size();
                if (a.plane() != null) {
                    row.put("plane_mean_increase_within_radius", a.plane().meanIncreaseWithin(l.radius()));
                    planeIncrease += a.plane().meanIncreaseWithin(l.radius()) / arms.size();
                }
                perSeed.add(row);
            }
            arm.put("mean_increase_mean", increase);
            arm.put("sharpness_mean", sharp);
            if (l.gridPoints() > 0) {
                arm.put("plane_mean_increase_within_radius_mean", planeIncrease);
            }
            arm.put("per_seed", perSeed);
            m.put(arms.get(0).name(), arm);
        }
        return m;
    }

    /**
     * twin-vs-real.png: the first seed's final twin against the real first held-out episode, same start and
     * actions, for the (at most three) features that vary most relative to their size in the real
     * trajectory; each feature is shown standardised by the real trajectory's mean and deviation, so
     * features of different units share one axis.
     */
    static void trajectoryPlot(Experiment e, TwinLoopRun.Arm arm, Path file) throws IOException {
        TwinLoopRun.Trajectory t = arm.trajectory();
        int features = t.real()[0].length;
        int steps = t.real().length;
        double[] mean = new double[features];
        double[] std = new double[features];
        Integer[] order = new Integer[features];
        double[] relative = new double[features];
        for (int f = 0; f < features; f++) {
            order[f] = f;
            for (double[] row : t.real()) {
                mean[f] += row[f] / steps;
            }
            for (double[] row : t.real()) {
                std[f] += (row[f] - mean[f]) * (row[f] - mean[f]) / steps;
            }
            std[f] = Math.sqrt(std[f]);
            relative[f] = std[f] / Math.max(Math.abs(mean[f]), 1e-9);
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(relative[b], relative[a]));
        LineChart chart = new LineChart(e.name() + ": " + e.twin().id() + " open loop vs real (seed " + arm.seed()
                + ", first held-out episode, same actions)", "step", "feature, standardised by the real trajectory");
        double[] x = new double[steps];
        for (int h = 0; h < steps; h++) {
            x[h] = h;
        }
        List<String> names = arm.accuracy().featureNames();
        for (int k = 0; k < Math.min(3, features); k++) {
            int f = order[k];
            double scale = std[f] > 1e-12 ? std[f] : 1.0;
            double[] real = new double[steps];
            double[] twin = new double[steps];
            for (int h = 0; h < steps; h++) {
                real[h] = (t.real()[h][f] - mean[f]) / scale;
                twin[h] = (t.twin()[h][f] - mean[f]) / scale;
            }
            String name = f < names.size() ? names.get(f) : "feature " + f;
            chart.series("real " + name, x, real);
            chart.series("twin " + name, x, twin);
        }
        chart.writePng(file, 960, 600);
    }

    /** Adds the mean curve over seeds; every seed of an arm evaluates at the same real-step counts. */
    private static void addMean(LineChart chart, String name, List<TwinLoopRun.Arm> arms) {
        int n = arms.get(0).curve().size();
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = arms.get(0).curve().get(i).realSteps();
            for (TwinLoopRun.Arm a : arms) {
                y[i] += a.curve().get(i).evalReturn() / arms.size();
            }
        }
        chart.series(name, x, y);
    }
}
