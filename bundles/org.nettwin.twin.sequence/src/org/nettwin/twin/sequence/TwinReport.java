package org.nettwin.twin.sequence;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.nettwin.api.twin.TwinAccuracy;
import org.nettwin.plot.LineChart;

/**
 * Writes a twin's accuracy for people and programs:
 * <ul>
 * <li>{@code twin-accuracy.json}: {@code {"samples", "reward_rmse", "mean_one_step_rmse",
 * "one_step_rmse": {feature: value}, "rollout_rmse": [h=1, h=2, ...]}};</li>
 * <li>{@code twin-accuracy.csv}: {@code kind,name,value} rows ({@code one_step,FEATURE,…},
 * {@code rollout,1,…}, {@code reward,reward,…});</li>
 * <li>{@code twin-trajectory.csv}: {@code step,feature,real,twin}, a twin and a real trajectory from
 * the same start with the same actions ({@link SequenceTwin#compare}), and its plots
 * {@code twin-vs-real-FEATURE.png}.</li>
 * </ul>
 * NaN (no data at that horizon) is written as {@code null} in JSON and empty in CSV.
 *
 * @since 0.1
 */
public final class TwinReport {

    private TwinReport() {
    }

    /** Writes the accuracy files into {@code dir} (created if missing). */
    public static void writeAccuracy(Path dir, TwinAccuracy accuracy) throws IOException {
        Files.createDirectories(dir);
        try (Writer out = Files.newBufferedWriter(dir.resolve("twin-accuracy.json"), StandardCharsets.UTF_8)) {
            out.write(json(accuracy));
        }
        try (Writer out = Files.newBufferedWriter(dir.resolve("twin-accuracy.csv"), StandardCharsets.UTF_8)) {
            out.write("kind,name,value\n");
            List<String> names = accuracy.featureNames();
            for (int f = 0; f < names.size(); f++) {
                out.write("one_step," + names.get(f) + "," + csv(accuracy.oneStepError()[f]) + "\n");
            }
            for (int h = 0; h < accuracy.rolloutError().length; h++) {
                out.write("rollout," + (h + 1) + "," + csv(accuracy.rolloutError()[h]) + "\n");
            }
            out.write("reward,reward," + csv(accuracy.rewardError()) + "\n");
        }
    }

    /**
     * Writes {@code twin-trajectory.csv} into {@code dir} for the features {@code features}
     * ({@code names} label them), and for each of them a plot {@code twin-vs-real-NAME.png} of the
     * real and the twin trajectory (same start, same actions).
     */
    public static void writeTrajectory(Path dir, TwinTrajectory trajectory, List<String> names, int... features) throws IOException {
        Files.createDirectories(dir);
        try (Writer out = Files.newBufferedWriter(dir.resolve("twin-trajectory.csv"), StandardCharsets.UTF_8)) {
            out.write("step,feature,real,twin\n");
            for (int f : features) {
                for (int t = 0; t <= trajectory.steps(); t++) {
                    out.write(t + "," + names.get(f) + "," + csv(trajectory.real()[t][f]) + "," + csv(trajectory.twin()[t][f]) + "\n");
                }
            }
        }
        int steps = trajectory.steps() + 1;
        double[] x = new double[steps];
        for (int t = 0; t < steps; t++) {
            x[t] = t;
        }
        for (int f : features) {
            double[] real = new double[steps];
            double[] twin = new double[steps];
            for (int t = 0; t < steps; t++) {
                real[t] = trajectory.real()[t][f];
                twin[t] = trajectory.twin()[t][f];
            }
            new LineChart("twin vs real: " + names.get(f) + " (same start, same actions)", "step", names.get(f)).series("real", x, real)
                    .series("twin", x, twin).writePng(dir.resolve("twin-vs-real-" + names.get(f).replaceAll("[^A-Za-z0-9_.-]", "_") + ".png"), 800, 450);
        }
    }

    /** @return the JSON form of {@code accuracy} */
    public static String json(TwinAccuracy a) {
        StringBuilder s = new StringBuilder("{\n  \"samples\": ").append(a.samples());
        s.append(",\n  \"reward_rmse\": ").append(num(a.rewardError()));
        s.append(",\n  \"mean_one_step_rmse\": ").append(num(a.meanOneStepError()));
        s.append(",\n  \"one_step_rmse\": {");
        for (int f = 0; f < a.featureNames().size(); f++) {
            s.append(f == 0 ? "" : ", ").append('"').append(a.featureNames().get(f).replace("\"", "\\\"")).append("\": ")
                    .append(num(a.oneStepError()[f]));
        }
        s.append("},\n  \"rollout_rmse\": [");
        for (int h = 0; h < a.rolloutError().length; h++) {
            s.append(h == 0 ? "" : ", ").append(num(a.rolloutError()[h]));
        }
        return s.append("]\n}\n").toString();
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.9g", v) : "null";
    }

    private static String csv(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.9g", v) : "";
    }
}
