package org.nettwin.lab.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nettwin.distill.DistillationReport;
import org.nettwin.lab.Experiment;
import org.nettwin.lab.RunResult;
import org.nettwin.plot.LineChart;

/**
 * The files of the offline-RL and distillation experiments: {@code metrics.csv} (in seed order),
 * {@code summary.json} and a plot ({@code offline.png}: each variant's evaluation return against
 * gradient updates, mean of the seeds, with the behaviour policy's return).
 */
final class StudyReports {

    private StudyReports() {
    }

    static List<RunResult.SeedResult> offline(Experiment e, List<OfflineRun.Result> results, Path dir, double wall) throws IOException {
        try (MetricsCsv metrics = new MetricsCsv(dir.resolve("metrics.csv"))) {
            for (OfflineRun.Result r : results) {
                for (TwinLoopRun.Row row : r.rows()) {
                    metrics.row(r.seed(), row.step(), row.metric(), row.value());
                }
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("experiment", e.name());
        m.put("type", e.type().fileName());
        m.put("scenario", e.scenario().id());
        m.put("algorithm", e.algorithm().id());
        m.put("dataset", e.offline().dataset() == null ? "recorded per seed by " + e.offline().behaviour() + " ("
                + e.offline().datasetSteps() + " transitions)" : e.offline().dataset().toString());
        m.put("updates", e.offline().updates());
        Map<String, Object> variants = new LinkedHashMap<>();
        LineChart chart = new LineChart(e.name() + ": offline " + e.algorithm().id() + " on " + e.scenario().id() + " (mean of "
                + results.size() + " seeds)", "gradient updates", "evaluation return");
        for (String name : results.get(0).curves().keySet()) {
            double[] finals = new double[results.size()];
            List<double[]> first = results.get(0).curves().get(name);
            double[] x = new double[first.size()];
            double[] y = new double[first.size()];
            for (int i = 0; i < results.size(); i++) {
                List<double[]> curve = results.get(i).curves().get(name);
                finals[i] = curve.get(curve.size() - 1)[1];
                for (int k = 0; k < x.length; k++) {
                    x[k] = curve.get(k)[0];
                    y[k] += curve.get(k)[1] / results.size();
                }
            }
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("final_eval_return_mean", DefaultExperimentRunner.mean(finals));
            v.put("final_eval_return_std", DefaultExperimentRunner.std(finals));
            v.put("per_seed", java.util.Arrays.stream(finals).boxed().toList());
            variants.put(name, v);
            chart.series(name, x, y);
        }
        m.put("variants", variants);
        double[] behaviour = results.stream().mapToDouble(OfflineRun.Result::behaviourReturn).toArray();
        if (Double.isFinite(behaviour[0])) {
            m.put("behaviour_eval_return_mean", DefaultExperimentRunner.mean(behaviour));
            double last = e.offline().updates();
            chart.series("behaviour policy (" + e.offline().behaviour() + ")", new double[] {0, last},
                    new double[] {DefaultExperimentRunner.mean(behaviour), DefaultExperimentRunner.mean(behaviour)});
        }
        m.put("wall_seconds", wall);
        writeJson(dir.resolve("summary.json"), m);
        chart.writePng(dir.resolve("offline.png"), 960, 600);
        List<RunResult.SeedResult> seeds = new ArrayList<>();
        for (OfflineRun.Result r : results) {
            List<double[]> firstCurve = r.curves().values().iterator().next();
            double last = firstCurve.get(firstCurve.size() - 1)[1];
            seeds.add(new RunResult.SeedResult(r.seed(), e.offline().updates(), 0, r.behaviourReturn(), last, r.wallSeconds()));
        }
        return seeds;
    }

    static List<RunResult.SeedResult> distill(Experiment e, List<DistillRun.Result> results, Path dir, double wall) throws IOException {
        try (MetricsCsv metrics = new MetricsCsv(dir.resolve("metrics.csv"))) {
            for (DistillRun.Result r : results) {
                for (TwinLoopRun.Row row : r.rows()) {
                    metrics.row(r.seed(), row.step(), row.metric(), row.value());
                }
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("experiment", e.name());
        m.put("type", e.type().fileName());
        m.put("scenario", e.scenario().id());
        m.put("teacher", e.algorithm().id() + (e.algorithm().policy() == null ? " trained for " + e.budget().steps() + " steps"
                : " from " + e.algorithm().policy()));
        m.put("distiller", e.distill().distiller().id());
        List<Map<String, Object>> perSeed = new ArrayList<>();
        double kept = 0;
        double agreement = 0;
        double compression = 0;
        double speedUp = 0;
        for (DistillRun.Result r : results) {
            DistillationReport d = r.report();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("seed", r.seed());
            row.put("teacher_parameters", d.teacherParameters());
            row.put("student_parameters", d.studentParameters());
            row.put("compression_ratio", d.compressionRatio());
            row.put("teacher_ns_per_action", d.teacherNanosPerAction());
            row.put("student_ns_per_action", d.studentNanosPerAction());
            row.put("agreement", d.agreement());
            row.put("teacher_return", d.teacherReturn());
            row.put("student_return", d.studentReturn());
            row.put("return_kept", Double.isFinite(d.returnKept()) ? d.returnKept() : null);
            row.put("final_distillation_loss", r.finalLoss());
            perSeed.add(row);
            kept += d.returnKept() / results.size();
            agreement += d.agreement() / results.size();
            compression += d.compressionRatio() / results.size();
            speedUp += d.speedUp() / results.size();
        }
        m.put("compression_ratio_mean", compression);
        m.put("return_kept_mean", Double.isFinite(kept) ? kept : null);
        m.put("agreement_mean", agreement);
        m.put("inference_speed_up_mean", speedUp);
        m.put("per_seed", perSeed);
        m.put("wall_seconds", wall);
        writeJson(dir.resolve("summary.json"), m);
        List<RunResult.SeedResult> seeds = new ArrayList<>();
        for (DistillRun.Result r : results) {
            seeds.add(new RunResult.SeedResult(r.seed(), e.budget().steps(), 0, r.report().teacherReturn(), r.report().studentReturn(),
                    r.wallSeconds()));
        }
        return seeds;
    }

    private static void writeJson(Path file, Object value) throws IOException {
        Files.writeString(file, DefaultExperimentRunner.JSON.writeValueAsString(value) + "\n", StandardCharsets.UTF_8);
    }
}
