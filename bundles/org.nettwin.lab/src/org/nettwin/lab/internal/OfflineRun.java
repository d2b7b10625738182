package org.nettwin.lab.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nettwin.api.Seeds;
import org.nettwin.api.config.Config;
import org.nettwin.api.data.TransitionBinary;
import org.nettwin.api.data.TransitionCsv;
import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.rl.Algorithm;
import org.nettwin.api.rl.AlgorithmProvider;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.rl.OfflineLearner;
import org.nettwin.api.rl.Policy;
import org.nettwin.api.rl.Rollouts;
import org.nettwin.api.run.TrainingListener;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.scenario.ScenarioProvider;
import org.nettwin.lab.Experiment;

/**
 * One seed of an offline-RL experiment: one historical dataset (a file, or recorded by the behaviour
 * policy), every variant of the algorithm learning from it alone ({@link OfflineLearner}), each
 * evaluated on the real environment {@code evaluations} times as it learns, and the behaviour policy
 * evaluated beside them on the same episodes.
 */
final class OfflineRun {

    /** The resolved plugins; {@code variants} are the validated configurations by variant name. */
    record Plugins(ScenarioProvider scenarios, Config scenarioConfig, AlgorithmProvider algorithms, Map<String, Config> variants,
            AlgorithmProvider behaviour, Config behaviourConfig) {
    }

    /**
     * @param curves          per variant, (updates, evaluation return) points
     * @param behaviourReturn the behaviour policy's return on the evaluation episodes, or NaN with a dataset file
     */
    record Result(long seed, Map<String, List<double[]>> curves, double behaviourReturn, int transitions, List<TwinLoopRun.Row> rows,
            double wallSeconds) {
    }

    private OfflineRun() {
    }

    static TransitionDataset load(Path file) {
        try {
            if (file.toString().endsWith(".csv")) {
                try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    return TransitionCsv.read(in, file.toString());
                }
            }
            try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
                return TransitionBinary.read(in, file.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Result run(Plugins p, Experiment e, long seed) {
        long start = System.nanoTime();
        Experiment.Offline o = e.offline();
        List<TwinLoopRun.Row> rows = new ArrayList<>();
        try (Scenario real = p.scenarios().create(p.scenarioConfig(), Seeds.derive(seed, "scenario"));
                Scenario eval = p.scenarios().create(p.scenarioConfig(), Seeds.derive(seed, "scenario"))) {
            EnvironmentSpec spec = EnvironmentSpec.of(real);
            long evalSeed = Seeds.derive(seed, "evaluation");
            TransitionDataset data;
            double behaviourReturn = Double.NaN;
            if (o.dataset() != null) {
                data = load(o.dataset());
            } else {
                Policy<?, ?> behaviour = p.behaviour().create(spec, p.behaviourConfig(), Seeds.derive(seed, "behaviour")).policy();
                Map<String, String> meta = new LinkedHashMap<>();
                meta.put("scenario", e.scenario().id());
                meta.put("behaviour", o.behaviour());
                meta.put("seed", Long.toString(seed));
                data = TransitionRecorder.record(real, List.of(behaviour), o.datasetSteps(), o.stochastic(),
                        Seeds.generator(Seeds.derive(seed, "behaviour-actions")), Seeds.derive(seed, "history"), meta, TrainingListener.NONE).get(0);
                behaviourReturn = Rollouts.meanReturn(((Scenario.Single) eval).environment(), behaviour, e.budget().evalEpisodes(), evalSeed,
                        e.budget().maxEpisodeSteps(), o.stochastic() ? Seeds.generator(Seeds.derive(seed, "behaviour-evaluation")) : null);
                rows.add(new TwinLoopRun.Row(0, "behaviour/eval_return", behaviourReturn));
            }
            if (data.observationSize() != spec.observationSpace().encodedSize() || data.actionSize() != spec.actionSpace().encodedSize()) {
                throw new IllegalArgumentException("offline.dataset: transitions of " + data.observationSize() + " + " + data.actionSize()
                        + " values do not fit " + e.scenario().id() + " (" + spec.observationSpace().encodedSize() + " + "
                        + spec.actionSpace().encodedSize() + ")");
            }
            Map<String, List<double[]>> curves = new LinkedHashMap<>();
            for (Map.Entry<String, Config> variant : p.variants().entrySet()) {
                String name = variant.getKey();
                Algorithm agent = p.algorithms().create(spec, variant.getValue(), Seeds.derive(seed, "algorithm"));
                OfflineLearner learner = agent.capability(OfflineLearner.class).orElseThrow();
                List<double[]> curve = new ArrayList<>();
                long done = 0;
                for (int k = 1; k <= o.evaluations(); k++) {
                    long target = o.updates() * k / o.evaluations();
                    long offset = done;
                    done += learner.learnOffline(data, target - done, new TrainingListener() {
                        @Override
                        public void onMetric(long step, String metric, double value) {
                            rows.add(new TwinLoopRun.Row(offset + step, name + "/" + metric, value));
                        }
                    });
                    double value = Rollouts.meanReturn(((Scenario.Single) eval).environment(), agent.policy(), e.budget().evalEpisodes(),
                            evalSeed, e.budget().maxEpisodeSteps());
                    rows.add(new TwinLoopRun.Row(done, name + "/eval_return", value));
                    curve.add(new double[] {done, value});
                }
                curves.put(name, curve);
            }
            return new Result(seed, curves, behaviourReturn, data.size(), rows, (System.nanoTime() - start) / 1e9);
        }
    }
}
