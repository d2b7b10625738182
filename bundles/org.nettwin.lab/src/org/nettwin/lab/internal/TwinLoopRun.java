package org.nettwin.lab.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import org.nettwin.api.Seeds;
import org.nettwin.api.config.Config;
import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.env.Environment;
import org.nettwin.api.rl.Algorithm;
import org.nettwin.api.rl.AlgorithmProvider;
import org.nettwin.api.rl.Checkpointable;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.rl.LossSurface;
import org.nettwin.api.rl.Policy;
import org.nettwin.api.rl.Rollouts;
import org.nettwin.api.run.EpisodeEvent;
import org.nettwin.api.run.TrainingListener;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.scenario.ScenarioProvider;
import org.nettwin.api.twin.DigitalTwin;
import org.nettwin.api.twin.TwinAccuracy;
import org.nettwin.api.twin.TrajectoryPredictor;
import org.nettwin.api.twin.TwinBuilder;
import org.nettwin.lab.Experiment;
import org.nettwin.landscape.Curve;
import org.nettwin.landscape.LossLandscape;
import org.nettwin.landscape.Plane;

/**
 * One seed of a twin-loop experiment, either arm. The DT-enhanced arm follows the slicing paper's
 * framework: historical real data -> twin; agent 2 trains in the twin (inner loop) and hands its
 * learning state to agent 1; agent 1 acts on the real environment for K steps and fine-tunes there;
 * those fresh transitions re-calibrate the twin (outer loop); agent 2 takes agent 1's state, trains
 * M more steps in the twin and hands it back. The vanilla arm learns on the real environment
 * alone. Both evaluate their deterministic policy on a separate real instance, on the same
 * evaluation episodes, and record (real steps, evaluation return) points.
 */
final class TwinLoopRun {

    /** The resolved plugins and validated configurations of the experiment. */
    record Plugins(ScenarioProvider scenarios, Config scenarioConfig, AlgorithmProvider algorithms, Config algorithmConfig,
            AlgorithmProvider behaviour, Config behaviourConfig, TwinBuilder twins, Config twinConfig) {
    }

    /** An evaluation: the real steps learned from so far and the mean evaluation return. */
    record Point(long realSteps, double evalReturn) {
    }

    /** A measured value for metrics.csv. */
    record Row(long step, String metric, double value) {
    }

    /**
     * What one arm of one seed produced.
     *
     * @param accuracy  the twin's accuracy on held-out data after the last calibration (twin arm), else null
     * @param landscape the final agent's 1-D loss landscape on the held-out data, if asked for, else null
     * @param plane     its 2-D landscape, if asked for, else null
     * @param trajectory the final twin's open-loop prediction of the first held-out episode (twin arm, when the twin
     *                   is a {@link TrajectoryPredictor}), else null
     */
    record Arm(long seed, String name, List<Point> curve, List<Row> rows, double wallSeconds, TwinAccuracy accuracy, Curve landscape,
            Plane plane, Trajectory trajectory) {
    }

    /** Real encoded observations and the twin's open-loop predictions from the same start and actions, row by row. */
    record Trajectory(double[][] real, double[][] twin) {
    }

    /** Steps of the twin-vs-real trajectory comparison. */
    static final int TRAJECTORY_STEPS = 50;

    /** Receives real-step progress of an arm; thread-safe implementations, arms may run in parallel. */
    interface Progress {
        void advance(String label, long realSteps, long budget);
    }

    static final String VANILLA = "vanilla";
    static final String TWIN = "twin";

    private TwinLoopRun() {
    }

    static Arm vanilla(Plugins p, Experiment e, long seed, Progress progress) {
        long start = System.nanoTime();
        long budget = e.budget().steps();
        String label = "[seed " + seed + " vanilla]";
        List<Point> curve = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        try (Scenario train = p.scenarios().create(p.scenarioConfig(), Seeds.derive(seed, "scenario"));
                Scenario eval = p.scenarios().create(p.scenarioConfig(), Seeds.derive(seed, "scenario"))) {
            RecordingEnvironment<?, ?> counted = new RecordingEnvironment<>(single(train), Map.of(), false);
            Scenario.Single real = new Scenario.Single(counted);
            Algorithm agent = p.algorithms().create(EnvironmentSpec.of(train), p.algorithmConfig(), Seeds.derive(seed, "algorithm"));
            curve.add(evaluate(e, eval, agent, seed, 0, rows, VANILLA));
            while (counted.steps() < budget) {
                long chunk = Math.min(evalEvery(e), budget - counted.steps());
                long before = counted.steps();
                agent.learn(real, chunk, listener(rows, VANILLA, counted::steps, label, budget, progress));
                if (counted.steps() == before) {
                    throw new IllegalStateException(p.algorithms().descriptor().id() + " took no step in a budget of " + chunk);
                }
                curve.add(evaluate(e, eval, agent, seed, counted.steps(), rows, VANILLA));
                progress.advance(label, counted.steps(), budget);
            }
            Curve line = null;
            Plane plane = null;
            if (e.landscape() != null) {
                // the same held-out transitions the twin arm measures its twin on
                try (Scenario heldOutScenario = p.scenarios().create(p.scenarioConfig(), Seeds.derive(seed, "scenario"))) {
                    EnvironmentSpec spec = EnvironmentSpec.of(heldOutScenario);
                    Policy<?, ?> behaviour = p.behaviour().create(spec, p.behaviourConfig(), Seeds.derive(seed, "behaviour")).policy();
                    TransitionDataset heldOut = record(heldOutScenario, behaviour, e.loop().heldOutSteps(), seed, "held-out", Map.of());
                    line = line(e, agent, heldOut, seed);
                    plane = plane(e, agent, heldOut, seed);
                }
            }
            return new Arm(seed, VANILLA, curve, rows, (System.nanoTime() - start) / 1e9, null, line, plane, null);
        }
    }

    private static Curve line(Experiment e, Algorithm agent, TransitionDataset heldOut, long seed) {
        Experiment.Landscape l = e.landscape();
        return l == null ? null : LossLandscape.line(surface(agent), l.network(), heldOut, l.range(), l.points(), Seeds.derive(seed, "landscape"));
    }

    private static Plane plane(Experiment e, Algorithm agent, TransitionDataset heldOut, long seed) {
        Experiment.Landscape l = e.landscape();
        return l == null || l.gridPoints() == 0 ? null
                : LossLandscape.plane(surface(agent), l.network(), heldOut, l.range(), l.gridPoints(), Seeds.derive(seed, "landscape"));
    }

    private static LossSurface surface(Algorithm agent) {
        return agent.capability(LossSurface.class)
                .orElseThrow(() -> new IllegalArgumentException("the algorithm offers no loss surface for landscapes"));
    }

    static Arm twin(Plugins p, Experiment e, long seed, Progress progress) {
        long start = System.nanoTime();
        Experiment.Loop loop = e.loop();
        long budget = e.budget().steps();
        String label = "[seed " + seed + " twin]";
        List<Point> curve = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        try (Scenario realScenario = p.scenarios().create(p.scenarioConfig(), Seeds.derive(seed, "scenario"));
                Scenario eval = p.scenarios().create(p.scenarioConfig(), Seeds.derive(seed, "scenario"));
                Scenario heldOutScenario = p.scenarios().create(p.scenarioConfig(), Seeds.derive(seed, "scenario"))) {
            EnvironmentSpec spec = EnvironmentSpec.of(realScenario);
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put("scenario", e.scenario().id());
            meta.put("seed", Long.toString(seed));
            Policy<?, ?> behaviour = p.behaviour().create(spec, p.behaviourConfig(), Seeds.derive(seed, "behaviour")).policy();
            meta.put("behaviour", loop.behaviour());
            long history = Math.min(loop.historySteps(), budget);
            TransitionDataset historical = record(realScenario, behaviour, history, seed, "history", meta);
            TransitionDataset heldOut = record(heldOutScenario, behaviour, loop.heldOutSteps(), seed, "held-out", meta);
            progress.advance(label, history, budget);

            DigitalTwin<?, ?> twin = p.twins().build(spec, historical, p.twinConfig(), Seeds.derive(seed, "twin"),
                    metrics(rows, "twin/build/", () -> history));
            try {
                TwinAccuracy accuracy = accuracy(twin, heldOut, loop.horizon(), history, rows);
                Scenario.Single inTwin = new Scenario.Single(twin);
                Algorithm agent2 = p.algorithms().create(spec, p.algorithmConfig(), Seeds.derive(seed, "agent2"));
                Algorithm agent1 = p.algorithms().create(spec, p.algorithmConfig(), Seeds.derive(seed, "agent1"));
                agent2.learn(inTwin, loop.initialTwinSteps(), TrainingListener.NONE);
                handOver(agent2, agent1);
                curve.add(evaluate(e, eval, agent1, seed, history, rows, TWIN));

                RecordingEnvironment<?, ?> real = new RecordingEnvironment<>(single(realScenario), meta, true);
                Scenario.Single onReal = new Scenario.Single(real);
                LongSupplier realSteps = () -> history + real.steps();
                while (realSteps.getAsLong() < budget) {
                    long chunk = Math.min(loop.realSteps(), budget - realSteps.getAsLong());
                    long before = real.steps();
                    agent1.learn(onReal, chunk, listener(rows, TWIN, realSteps, label, budget, progress));
                    if (real.steps() == before) {
                        throw new IllegalStateException(p.algorithms().descriptor().id() + " took no step in a budget of " + chunk);
                    }
                    long now = realSteps.getAsLong();
                    twin.calibrate(real.drain(), metrics(rows, "twin/calibrate/", () -> now));
                    accuracy = accuracy(twin, heldOut, loop.horizon(), now, rows);
                    if (loop.twinSteps() > 0) {
                        handOver(agent1, agent2);
                        agent2.learn(inTwin, loop.twinSteps(), TrainingListener.NONE);
                        handOver(agent2, agent1);
                    }
                    curve.add(evaluate(e, eval, agent1, seed, now, rows, TWIN));
                    progress.advance(label, now, budget);
                }
                return new Arm(seed, TWIN, curve, rows, (System.nanoTime() - start) / 1e9, accuracy, line(e, agent1, heldOut, seed),
                        plane(e, agent1, heldOut, seed), trajectory(twin, heldOut));
            } finally {
                twin.close();
            }
        }
    }

    /** The twin's open-loop prediction of the first held-out episode, from its real start with its real actions. */
    private static Trajectory trajectory(DigitalTwin<?, ?> twin, TransitionDataset heldOut) {
        java.util.Optional<TrajectoryPredictor> predictor = twin.capability(TrajectoryPredictor.class);
        if (predictor.isEmpty() || heldOut.size() == 0) {
            return null;
        }
        double[][] predicted = predictor.get().predictOpenLoop(heldOut, 0, TRAJECTORY_STEPS);
        double[][] real = new double[predicted.length][heldOut.observationSize()];
        heldOut.observation(0, real[0], 0);
        for (int h = 1; h < predicted.length; h++) {
            heldOut.nextObservation(h - 1, real[h], 0);
        }
        return new Trajectory(real, predicted);
    }

    /** Real steps between evaluations: the budget's {@code evalEvery}, or a twentieth of the budget. */
    static long evalEvery(Experiment e) {
        return e.budget().evalEvery() > 0 ? e.budget().evalEvery() : Math.max(1, e.budget().steps() / 20);
    }

    private static Environment<?, ?> single(Scenario scenario) {
        if (!(scenario instanceof Scenario.Single s)) {
            throw new IllegalArgumentException("twin-loop experiments need a single-agent scenario");
        }
        return s.environment();
    }

    private static TransitionDataset record(Scenario scenario, Policy<?, ?> behaviour, long steps, long seed, String purpose,
            Map<String, String> meta) {
        return TransitionRecorder.record(scenario, List.of(behaviour), steps, true, Seeds.generator(Seeds.derive(seed, purpose + "-actions")),
                Seeds.derive(seed, purpose), meta, TrainingListener.NONE).get(0);
    }

    private static TwinAccuracy accuracy(DigitalTwin<?, ?> twin, TransitionDataset heldOut, int horizon, long realSteps, List<Row> rows) {
        TwinAccuracy a = twin.evaluate(heldOut, horizon);
        rows.add(new Row(realSteps, "twin/one_step_rmse", a.meanOneStepError()));
        rows.add(new Row(realSteps, "twin/reward_rmse", a.rewardError()));
        double[] rollout = a.rolloutError();
        if (rollout.length > 0) {
            rows.add(new Row(realSteps, "twin/rollout_rmse_" + rollout.length, rollout[rollout.length - 1]));
        }
        return a;
    }

    /** Moves agent {@code from}'s whole learning state into {@code to} (the policy handover of the closed loop). */
    static void handOver(Algorithm from, Algorithm to) {
        Checkpointable source = from.capability(Checkpointable.class)
                .orElseThrow(() -> new IllegalArgumentException("the algorithm cannot hand its policy over (not Checkpointable)"));
        Checkpointable target = to.capability(Checkpointable.class).orElseThrow();
        try {
            ByteArrayOutputStream state = new ByteArrayOutputStream();
            source.saveCheckpoint(state);
            target.loadCheckpoint(new ByteArrayInputStream(state.toByteArray()));
        } catch (IOException ex) {
            throw new UncheckedIOException("policy handover failed", ex);
        }
    }

    private static Point evaluate(Experiment e, Scenario eval, Algorithm agent, long seed, long realSteps, List<Row> rows, String arm) {
        double value = Rollouts.meanReturn(single(eval), agent.policy(), Math.max(1, e.budget().evalEpisodes()), Seeds.derive(seed, "evaluation"),
                e.budget().maxEpisodeSteps());
        rows.add(new Row(realSteps, arm + "/eval_return", value));
        return new Point(realSteps, value);
    }

    /** Episodes of an agent on the real environment, at the real step count. */
    private static TrainingListener listener(List<Row> rows, String arm, LongSupplier realSteps, String label, long budget, Progress progress) {
        return new TrainingListener() {
            @Override
            public void onEpisode(EpisodeEvent event) {
                rows.add(new Row(realSteps.getAsLong(), arm + "/episode_return", event.episodeReturn()));
            }

            @Override
            public void onProgress(long step, long total) {
                progress.advance(label, realSteps.getAsLong(), budget);
            }
        };
    }

    /** A twin builder's metrics (training and validation losses), at the real step count they belong to. */
    private static TrainingListener metrics(List<Row> rows, String prefix, LongSupplier realSteps) {
        return new TrainingListener() {
            @Override
            public void onMetric(long step, String name, double value) {
                rows.add(new Row(realSteps.getAsLong(), prefix + name, value));
            }
        };
    }
}
