package org.nettwin.experiment.distill.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.nettwin.api.Seeds;
import org.nettwin.api.config.Config;
import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.distill.Distillation;
import org.nettwin.api.distill.Distiller;
import org.nettwin.api.experiment.Checks;
import org.nettwin.api.experiment.PluginUse;
import org.nettwin.api.experiment.Report;
import org.nettwin.api.experiment.ReportContext;
import org.nettwin.api.experiment.Statistics;
import org.nettwin.api.experiment.ScenarioUse;
import org.nettwin.api.experiment.Study;
import org.nettwin.api.experiment.Unit;
import org.nettwin.api.experiment.UnitContext;
import org.nettwin.api.experiment.UnitData;
import org.nettwin.api.experiment.UnitResult;
import org.nettwin.api.rl.Algorithm;
import org.nettwin.api.rl.AlgorithmProvider;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.rl.Policy;
import org.nettwin.api.rl.TransitionRecorder;
import org.nettwin.api.run.TrainingListener;
import org.nettwin.api.scenario.Scenario;

/**
 * One unit per seed: the teacher (trained on the scenario for {@code budget.steps}, or the saved
 * policy), {@code datasetSteps} training states and {@code heldOutSteps} held-out states recorded
 * with the teacher's own exploration, the student the distiller trains on the training states,
 * and {@link DistillationReport}. Writes {@code distillation-SEED.json}, {@code teacher-SEED.policy}
 * and {@code student-SEED.policy}.
 */
final class DistillStudy implements Study {

    private final List<Long> seeds;
    private final ScenarioUse scenario;
    private final PluginUse<AlgorithmProvider> teacher;
    private final PluginUse<Distiller> distiller;
    private final Config settings;
    private final Config budget;

    DistillStudy(List<Long> seeds, ScenarioUse scenario, PluginUse<AlgorithmProvider> teacher, PluginUse<Distiller> distiller,
            Config settings, Config budget) {
        this.seeds = seeds;
        this.scenario = scenario;
        this.teacher = teacher;
        this.distiller = distiller;
        this.settings = settings;
        this.budget = budget;
    }

    private long heldOutSteps() {
        return settings.getLong("heldOutSteps", Math.max(1, settings.getLong("datasetSteps") / 4));
    }

    private boolean trains() {
        return teacher.policy() == null;
    }

    @Override
    public List<Unit> units() {
        List<Unit> units = new ArrayList<>();
        for (long seed : seeds) {
            long work = (trains() ? budget.getLong("steps") : 0) + settings.getLong("datasetSteps") + heldOutSteps();
            units.add(new Unit("seed-" + seed, seed, "seed " + seed, work));
        }
        return units;
    }

    @Override
    public UnitData run(Unit unit, UnitContext context) throws IOException {
        long seed = unit.seed();
        try (Scenario train = scenario.create(Seeds.derive(seed, "scenario"));
                Scenario states = scenario.create(Seeds.derive(seed, "scenario"));
                Scenario eval = scenario.create(Seeds.derive(seed, "scenario"))) {
            EnvironmentSpec spec = EnvironmentSpec.of(train);
            Policy<?, ?> policy;
            long trained = 0;
            if (!trains()) {
                policy = Checks.loadPolicy(teacher, spec);
            } else {
                try (ScenarioUse.Learning learning = scenario.learning(Seeds.derive(seed, "scenario"),
                        context.trainingListener("teacher/", 0))) {
                    Algorithm agent = teacher.service().create(EnvironmentSpec.of(learning.scenario()), teacher.config(),
                            Seeds.derive(seed, "algorithm"));
                    trained = agent.learn(learning.scenario(), budget.getLong("steps"), learning.listener());
                    policy = learning.deployable(agent.policy());
                }
            }
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put("scenario", scenario.id());
            meta.put("behaviour", "teacher " + teacher.id());
            TransitionDataset data = TransitionRecorder.record(states, List.of(policy), settings.getLong("datasetSteps"), true,
                    Seeds.generator(Seeds.derive(seed, "teacher-actions")), Seeds.derive(seed, "distill-states"), meta, TrainingListener.NONE)
                    .get(0);
            TransitionDataset heldOut = TransitionRecorder.record(states, List.of(policy), heldOutSteps(), true,
                    Seeds.generator(Seeds.derive(seed, "held-out-actions")), Seeds.derive(seed, "held-out"), meta, TrainingListener.NONE)
                    .get(0);
            context.progress(trained + data.size() + heldOut.size());
            Distillation distillation = distiller.service().distill(policy, data, distiller.config(), Seeds.derive(seed, "distill"),
                    new TrainingListener() {
                        @Override
                        public void onMetric(long step, String metric, double value) {
                            context.metric(step, "distill/" + metric, value);
                        }

                        @Override
                        public boolean isCancelled() {
                            return context.cancelled();
                        }
                    });
            DistillationReport report = DistillationReport.measure(policy, distillation.student(), heldOut,
                    ((Scenario.Single) eval).environment(), budget.getInt("evalEpisodes"), Seeds.derive(seed, "evaluation"),
                    budget.getInt("maxEpisodeSteps"), settings.getInt("timingCalls"));
            try (OutputStream out = context.file("distillation-" + seed + ".json")) {
                out.write(report.toJson().getBytes(StandardCharsets.UTF_8));
            }
            save(policy, context.file("teacher-" + seed + ".policy"));
            save(distillation.student(), context.file("student-" + seed + ".policy"));
            return new UnitData().put("report", report.toData()).put("final_loss", distillation.finalLoss());
        }
    }

    private static void save(Policy<?, ?> policy, OutputStream file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(file)) {
            policy.save(out);
        }
    }

    @Override
    public Report report(List<UnitResult> results, ReportContext context) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scenario", scenario.id());
        m.put("teacher", teacher.id() + (trains() ? " trained for " + budget.getLong("steps") + " steps" : " from " + teacher.policy()));
        m.put("distiller", distiller.id());
        List<Map<String, Object>> perSeed = new ArrayList<>();
        double[] kept = new double[results.size()];
        double[] agreement = new double[results.size()];
        double[] compression = new double[results.size()];
        double[] speedUp = new double[results.size()];
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            UnitResult r = results.get(i);
            DistillationReport d = DistillationReport.of(r.data().getData("report"));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("seed", r.unit().seed());
            row.put("teacher_parameters", d.teacherParameters());
            row.put("student_parameters", d.studentParameters());
            row.put("compression_ratio", d.compressionRatio());
            row.put("teacher_ns_per_action", d.teacherNanosPerAction());
            row.put("student_ns_per_action", d.studentNanosPerAction());
            row.put("agreement", d.agreement());
            row.put("teacher_return", d.teacherReturn());
            row.put("student_return", d.studentReturn());
            row.put("return_kept", Statistics.finiteOrNull(d.returnKept()));
            row.put("final_distillation_loss", r.data().getDouble("final_loss"));
            perSeed.add(row);
            kept[i] = d.returnKept();
            agreement[i] = d.agreement();
            compression[i] = d.compressionRatio();
            speedUp[i] = d.speedUp();
            lines.add(String.format(Locale.ROOT, "seed %d: %d -> %d parameters (%.1fx), agreement %.3f, return %.4g -> %.4g (kept %.3f), "
                    + "inference %.2fx faster", r.unit().seed(), d.teacherParameters(), d.studentParameters(), d.compressionRatio(),
                    d.agreement(), d.teacherReturn(), d.studentReturn(), d.returnKept(), d.speedUp()));
        }
        m.put("compression_ratio_mean", Statistics.mean(compression));
        m.put("return_kept_mean", Statistics.finiteOrNull(Statistics.mean(kept)));
        m.put("agreement_mean", Statistics.mean(agreement));
        m.put("inference_speed_up_mean", Statistics.mean(speedUp));
        m.put("per_seed", perSeed);
        return new Report(m, lines);
    }

    @Override
    public Map<String, Object> resolved() {
        return Map.of("seedDerivation", "scenario: Seeds.derive(seed, \"scenario\"), teacher: Seeds.derive(seed, \"algorithm\"), training "
                + "states: actions Seeds.derive(seed, \"teacher-actions\"), resets Seeds.derive(seed, \"distill-states\"); held-out states: "
                + "Seeds.derive(seed, \"held-out-actions\"), Seeds.derive(seed, \"held-out\"); student: Seeds.derive(seed, \"distill\"); "
                + "evaluation episode i: Seeds.derive(Seeds.derive(seed, \"evaluation\"), i)");
    }
}
