package org.nettwin.lab.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nettwin.api.Seeds;
import org.nettwin.api.config.Config;
import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.distill.Distillation;
import org.nettwin.api.distill.Distiller;
import org.nettwin.api.rl.Algorithm;
import org.nettwin.api.rl.AlgorithmProvider;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.rl.Policy;
import org.nettwin.api.run.EpisodeEvent;
import org.nettwin.api.run.TrainingListener;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.scenario.ScenarioProvider;
import org.nettwin.distill.DistillationReport;
import org.nettwin.lab.Experiment;

/**
 * One seed of a distillation experiment: the teacher (trained on the real environment for the
 * budget, or a saved policy), the states it visits acting with its own exploration (training set)
 * and a held-out set, the student the distiller trains, and the report: sizes, inference time,
 * agreement and the return each keeps on the same evaluation episodes. Writes
 * {@code distillation-SEED.json}, {@code teacher-SEED.policy} and {@code student-SEED.policy}.
 */
final class DistillRun {

    /** The resolved plugins and validated configurations. */
    record Plugins(ScenarioProvider scenarios, Config scenarioConfig, AlgorithmProvider algorithms, Config algorithmConfig, Distiller distiller,
            Config distillerConfig) {
    }

    record Result(long seed, DistillationReport report, double finalLoss, List<TwinLoopRun.Row> rows, double wallSeconds) {
    }

    private DistillRun() {
    }

    static Result run(Plugins p, Experiment e, long seed, Path dir) {
        long start = System.nanoTime();
        Experiment.Distill d = e.distill();
        List<TwinLoopRun.Row> rows = new ArrayList<>();
        try (Scenario train = p.scenarios().create(p.scenarioConfig(), Seeds.derive(seed, "scenario"));
                Scenario states = p.scenarios().create(p.scenarioConfig(), Seeds.derive(seed, "scenario"));
                Scenario eval = p.scenarios().create(p.scenarioConfig(), Seeds.derive(seed, "scenario"))) {
            EnvironmentSpec spec = EnvironmentSpec.of(train);
            Policy<?, ?> teacher;
            if (e.algorithm().policy() != null) {
                try (InputStream in = new BufferedInputStream(Files.newInputStream(e.algorithm().policy()))) {
                    teacher = p.algorithms().loadPolicy(spec, in);
                }
            } else {
                Algorithm agent = p.algorithms().create(spec, p.algorithmConfig(), Seeds.derive(seed, "algorithm"));
                agent.learn(train, e.budget().steps(), new TrainingListener() {
                    @Override
                    public void onEpisode(EpisodeEvent event) {
                        rows.add(new TwinLoopRun.Row(event.step(), "teacher/episode_return", event.episodeReturn()));
                    }
                });
                teacher = agent.policy();
            }
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put("scenario", e.scenario().id());
            meta.put("behaviour", "teacher " + e.algorithm().id());
            TransitionDataset data = TransitionRecorder.record(states, List.of(teacher), d.datasetSteps(), true,
                    Seeds.generator(Seeds.derive(seed, "teacher-actions")), Seeds.derive(seed, "distill-states"), meta, TrainingListener.NONE).get(0);
            TransitionDataset heldOut = TransitionRecorder.record(states, List.of(teacher), d.heldOutSteps(), true,
                    Seeds.generator(Seeds.derive(seed, "held-out-actions")), Seeds.derive(seed, "held-out"), meta, TrainingListener.NONE).get(0);
            Distillation distillation = p.distiller().distill(teacher, data, p.distillerConfig(), Seeds.derive(seed, "distill"),
                    new TrainingListener() {
                        @Override
                        public void onMetric(long step, String metric, double value) {
                            rows.add(new TwinLoopRun.Row(step, "distill/" + metric, value));
                        }
                    });
            DistillationReport report = DistillationReport.measure(teacher, distillation.student(), heldOut, ((Scenario.Single) eval).environment(),
                    e.budget().evalEpisodes(), Seeds.derive(seed, "evaluation"), e.budget().maxEpisodeSteps(), d.timingCalls());
            report.writeJson(dir.resolve("distillation-" + seed + ".json"));
            save(teacher, dir.resolve("teacher-" + seed + ".policy"));
            save(distillation.student(), dir.resolve("student-" + seed + ".policy"));
            return new Result(seed, report, distillation.finalLoss(), rows, (System.nanoTime() - start) / 1e9);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void save(Policy<?, ?> policy, Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            policy.save(out);
        }
    }
}
