package org.nettwin.experiment.twinloop.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

import org.nettwin.api.Seeds;
import org.nettwin.api.data.RecordingEnvironment;
import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.env.Environment;
import org.nettwin.api.experiment.PluginUse;
import org.nettwin.api.experiment.ScenarioUse;
import org.nettwin.api.experiment.UnitContext;
import org.nettwin.api.experiment.UnitData;
import org.nettwin.api.rl.Algorithm;
import org.nettwin.api.rl.AlgorithmProvider;
import org.nettwin.api.rl.Checkpointable;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.rl.LossSurface;
import org.nettwin.api.rl.Policy;
import org.nettwin.api.rl.Rollouts;
import org.nettwin.api.rl.TransitionRecorder;
import org.nettwin.api.run.EpisodeEvent;
import org.nettwin.api.run.TrainingListener;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.twin.DigitalTwin;
import org.nettwin.api.twin.TrajectoryPredictor;
import org.nettwin.api.twin.TwinAccuracy;
import org.nettwin.api.twin.TwinBuilder;
import org.nettwin.landscape.Curve;
import org.nettwin.landscape.LossLandscape;
import org.nettwin.landscape.Plane;

/**
 * The two arms of one seed. The DT-enhanced arm follows the slicing paper's framework:
 * historical real data -> twin; agent 2 trains in the twin (inner loop) and hands its learning
 * state to agent 1; agent 1 acts on the real environment for K steps and fine-tunes there; those
 * fresh transitions re-calibrate the twin (outer loop); agent 2 takes agent 1's state, trains M
 * more steps in the twin and hands it back. The vanilla arm learns on the real environment alone.
 * Both evaluate their deterministic policy on a separate real instance, on the same evaluation
 * episodes. Each arm returns its evaluation curve, the twin's accuracy, landscapes and the
 * twin-vs-real trajectory as unit data, and its measurements as metric rows.
 */
final class TwinLoopArms {

    static final String VANILLA = "vanilla";
    static final String TWIN = "twin";

    /** Steps of the twin-vs-real trajectory comparison. */
    static final int TRAJECTORY_STEPS = 50;

    final ScenarioUse scenario;
    final PluginUse<AlgorithmProvider> algorithm;
    final PluginUse<AlgorithmProvider> behaviour;
    final PluginUse<TwinBuilder> twin;
    private final TwinLoopSettings s;

    TwinLoopArms(ScenarioUse scenario, PluginUse<AlgorithmProvider> algorithm, PluginUse<AlgorithmProvider> behaviour,
            PluginUse<TwinBuilder> twin, TwinLoopSettings settings) {
        this.scenario = scenario;
        this.algorithm = algorithm;
        this.behaviour = behaviour;
        this.twin = twin;
        this.s = settings;
    }

    private Scenario create(long seed) {
        return scenario.create(Seeds.derive(seed, "scenario"));
    }

    UnitData vanilla(long seed, UnitContext context) {
        try (Scenario train = create(seed); Scenario eval = create(seed)) {
            RecordingEnvironment<?, ?> counted = new RecordingEnvironment<>(single(train), Map.of(), false);
            Scenario.Single real = new Scenario.Single(counted);
            Algorithm agent = algorithm.service().create(EnvironmentSpec.of(train), algorithm.config(), Seeds.derive(seed, "algorithm"));
            Curves curve = new Curves();
            curve.add(0, evaluate(eval, agent, seed, 0, context, VANILLA));
            while (counted.steps() < s.budget() && !context.cancelled()) {
                long chunk = Math.min(s.evalEvery(), s.budget() - counted.steps());
                long before = counted.steps();
                agent.learn(real, chunk, listener(context, VANILLA, counted::steps, counted::steps));
                if (counted.steps() == before && !context.cancelled()) {
                    throw new IllegalStateException(algorithm.id() + " took no step in a budget of " + chunk);
                }
                curve.add(counted.steps(), evaluate(eval, agent, seed, counted.steps(), context, VANILLA));
                context.progress(counted.steps());
            }
            UnitData data = new UnitData().put("curve", curve.matrix());
            if (s.landscape() != null && !context.cancelled()) {
                // the same held-out transitions the twin arm measures its twin on
                try (Scenario heldOutScenario = create(seed)) {
                    EnvironmentSpec spec = EnvironmentSpec.of(heldOutScenario);
                    Policy<?, ?> policy = behaviour.service().create(spec, behaviour.config(), Seeds.derive(seed, "behaviour")).policy();
                    TransitionDataset heldOut = record(heldOutScenario, policy, s.heldOutSteps(), seed, "held-out", Map.of());
                    landscapes(agent, heldOut, seed, data);
                }
            }
            return data;
        }
    }

    UnitData twinArm(long seed, UnitContext context) {
        long budget = s.budget();
        try (Scenario realScenario = create(seed); Scenario eval = create(seed); Scenario heldOutScenario = create(seed)) {
            EnvironmentSpec spec = EnvironmentSpec.of(realScenario);
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put("scenario", scenario.id());
            meta.put("seed", Long.toString(seed));
            Policy<?, ?> policy = behaviour.service().create(spec, behaviour.config(), Seeds.derive(seed, "behaviour")).policy();
            meta.put("behaviour", behaviour.id());
            long history = s.historySteps();
            TransitionDataset historical = record(realScenario, policy, history, seed, "history", meta);
            TransitionDataset heldOut = record(heldOutScenario, policy, s.heldOutSteps(), seed, "held-out", meta);
            long[] twinDone = {0};
            LongSupplier work = () -> history + twinDone[0];
            context.progress(work.getAsLong());

            DigitalTwin<?, ?> model = twin.service().build(spec, historical, twin.config(), Seeds.derive(seed, "twin"),
                    metrics(context, "twin/build/", () -> history));
            try {
                TwinAccuracy accuracy = accuracy(model, heldOut, history, context);
                Scenario.Single inTwin = new Scenario.Single(model);
                Algorithm agent2 = algorithm.service().create(spec, algorithm.config(), Seeds.derive(seed, "agent2"));
                Algorithm agent1 = algorithm.service().create(spec, algorithm.config(), Seeds.derive(seed, "agent1"));
                trainInTwin(agent2, inTwin, s.initialTwinSteps(), context, twinDone, work);
                handOver(agent2, agent1);
                Curves curve = new Curves();
                curve.add(history, evaluate(eval, agent1, seed, history, context, TWIN));

                RecordingEnvironment<?, ?> real = new RecordingEnvironment<>(single(realScenario), meta, true);
                Scenario.Single onReal = new Scenario.Single(real);
                LongSupplier realSteps = () -> history + real.steps();
                LongSupplier progress = () -> realSteps.getAsLong() + twinDone[0];
                while (realSteps.getAsLong() < budget && !context.cancelled()) {
                    long chunk = Math.min(s.realSteps(), budget - realSteps.getAsLong());
                    long before = real.steps();
                    agent1.learn(onReal, chunk, listener(context, TWIN, realSteps, progress));
                    if (real.steps() == before && !context.cancelled()) {
                        throw new IllegalStateException(algorithm.id() + " took no step in a budget of " + chunk);
                    }
                    long now = realSteps.getAsLong();
                    model.calibrate(real.drain(), metrics(context, "twin/calibrate/", () -> now));
                    accuracy = accuracy(model, heldOut, now, context);
                    if (s.twinSteps() > 0) {
                        handOver(agent1, agent2);
                        trainInTwin(agent2, inTwin, s.twinSteps(), context, twinDone, progress);
                        handOver(agent2, agent1);
                    }
                    curve.add(now, evaluate(eval, agent1, seed, now, context, TWIN));
                    context.progress(progress.getAsLong());
                }
                UnitData data = new UnitData().put("curve", curve.matrix()).put("accuracy", accuracy(accuracy));
                if (context.cancelled()) {
                    return data;
                }
                landscapes(agent1, heldOut, seed, data);
                trajectory(model, heldOut, data);
                return data;
            } finally {
                model.close();
            }
        }
    }

    /** Agent 2 learns {@code steps} in the twin; its steps count towards the arm's progress. */
    private static void trainInTwin(Algorithm agent, Scenario.Single inTwin, long steps, UnitContext context, long[] twinDone,
            LongSupplier progress) {
        long base = twinDone[0];
        agent.learn(inTwin, steps, new TrainingListener() {
            @Override
            public void onProgress(long step, long total) {
                twinDone[0] = base + step;
                context.progress(progress.getAsLong());
            }

            @Override
            public boolean isCancelled() {
                return context.cancelled();
            }
        });
        twinDone[0] = base + steps;
    }

    private void landscapes(Algorithm agent, TransitionDataset heldOut, long seed, UnitData data) {
        TwinLoopSettings.Landscape l = s.landscape();
        if (l == null) {
            return;
        }
        LossSurface surface = agent.capability(LossSurface.class)
                .orElseThrow(() -> new IllegalArgumentException("the algorithm offers no loss surface for landscapes"));
        Curve line = LossLandscape.line(surface, l.network(), heldOut, l.range(), l.points(), Seeds.derive(seed, "landscape"));
        data.put("landscape", new UnitData().put("network", line.network()).put("alphas", line.alphas()).put("losses", line.losses())
                .put("centreLoss", line.centreLoss()));
        if (l.gridPoints() > 0) {
            Plane plane = LossLandscape.plane(surface, l.network(), heldOut, l.range(), l.gridPoints(), Seeds.derive(seed, "landscape"));
            data.put("plane", new UnitData().put("network", plane.network()).put("alphas", plane.alphas()).put("betas", plane.betas())
                    .put("losses", plane.losses()).put("centreLoss", plane.centreLoss()));
        }
    }

    static Curve curveOf(UnitData d) {
        return new Curve(d.getString("network"), d.getDoubles("alphas"), d.getDoubles("losses"), d.getDouble("centreLoss"));
    }

    static Plane planeOf(UnitData d) {
        return new Plane(d.getString("network"), d.getDoubles("alphas"), d.getDoubles("betas"), d.getMatrix("losses"),
                d.getDouble("centreLoss"));
    }

    /** The twin's open-loop prediction of the first held-out episode, from its real start with its real actions. */
    private static void trajectory(DigitalTwin<?, ?> model, TransitionDataset heldOut, UnitData data) {
        Optional<TrajectoryPredictor> predictor = model.capability(TrajectoryPredictor.class);
        if (predictor.isEmpty() || heldOut.size() == 0) {
            return;
        }
        double[][] predicted = predictor.get().predictOpenLoop(heldOut, 0, TRAJECTORY_STEPS);
        double[][] real = new double[predicted.length][heldOut.observationSize()];
        heldOut.observation(0, real[0], 0);
        for (int h = 1; h < predicted.length; h++) {
            heldOut.nextObservation(h - 1, real[h], 0);
        }
        data.put("trajectory", new UnitData().put("real", real).put("twin", predicted));
    }

    private static Environment<?, ?> single(Scenario scenario) {
        if (!(scenario instanceof Scenario.Single single)) {
            throw new IllegalArgumentException("twin-loop experiments need a single-agent scenario");
        }
        return single.environment();
    }

    private static TransitionDataset record(Scenario scenario, Policy<?, ?> behaviour, long steps, long seed, String purpose,
            Map<String, String> meta) {
        return TransitionRecorder.record(scenario, List.of(behaviour), steps, true, Seeds.generator(Seeds.derive(seed, purpose + "-actions")),
                Seeds.derive(seed, purpose), meta, TrainingListener.NONE).get(0);
    }

    private TwinAccuracy accuracy(DigitalTwin<?, ?> model, TransitionDataset heldOut, long realSteps, UnitContext context) {
        TwinAccuracy a = model.evaluate(heldOut, s.horizon());
        context.metric(realSteps, "twin/one_step_rmse", a.meanOneStepError());
        context.metric(realSteps, "twin/reward_rmse", a.rewardError());
        double[] rollout = a.rolloutError();
        if (rollout.length > 0) {
            context.metric(realSteps, "twin/rollout_rmse_" + rollout.length, rollout[rollout.length - 1]);
        }
        return a;
    }

    private static UnitData accuracy(TwinAccuracy a) {
        return new UnitData().putStrings("featureNames", a.featureNames()).put("oneStepError", a.oneStepError())
                .put("rolloutError", a.rolloutError()).put("rewardError", a.rewardError()).put("samples", (long) a.samples());
    }

    static TwinAccuracy accuracyOf(UnitData d) {
        return new TwinAccuracy(d.getStrings("featureNames"), d.getDoubles("oneStepError"), d.getDoubles("rolloutError"),
                d.getDouble("rewardError"), (int) d.getLong("samples"));
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

    private double evaluate(Scenario eval, Algorithm agent, long seed, long realSteps, UnitContext context, String arm) {
        double value = Rollouts.meanReturn(single(eval), agent.policy(), s.evalEpisodes(), Seeds.derive(seed, "evaluation"),
                s.maxEpisodeSteps());
        context.metric(realSteps, arm + "/eval_return", value);
        return value;
    }

    /** Episodes of an agent on the real environment, at the real step count; progress and cancellation. */
    private static TrainingListener listener(UnitContext context, String arm, LongSupplier realSteps, LongSupplier progress) {
        return new TrainingListener() {
            @Override
            public void onEpisode(EpisodeEvent event) {
                context.metric(realSteps.getAsLong(), arm + "/episode_return", event.episodeReturn());
            }

            @Override
            public void onProgress(long step, long total) {
                context.progress(progress.getAsLong());
            }

            @Override
            public boolean isCancelled() {
                return context.cancelled();
            }
        };
    }

    /** A twin builder's metrics (training and validation losses), at the real step count they belong to. */
    private static TrainingListener metrics(UnitContext context, String prefix, LongSupplier realSteps) {
        return new TrainingListener() {
            @Override
            public void onMetric(long step, String name, double value) {
                context.metric(realSteps.getAsLong(), prefix + name, value);
            }

            @Override
            public boolean isCancelled() {
                return context.cancelled();
            }
        };
    }

    /** (real steps, evaluation return) points. */
    private static final class Curves {
        private final java.util.ArrayList<double[]> points = new java.util.ArrayList<>();

        void add(long realSteps, double value) {
            points.add(new double[] {realSteps, value});
        }

        double[][] matrix() {
            return points.toArray(new double[0][]);
        }
    }
}
