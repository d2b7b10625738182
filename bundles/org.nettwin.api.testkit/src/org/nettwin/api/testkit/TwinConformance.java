package org.nettwin.api.testkit;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.random.RandomGenerator;

import org.nettwin.api.Seeds;
import org.nettwin.api.config.Config;
import org.nettwin.api.config.ConfigSchema;
import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.env.Environment;
import org.nettwin.api.env.Step;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.rl.Policy;
import org.nettwin.api.rl.TransitionRecorder;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.space.Space;
import org.nettwin.api.testkit.EnvironmentConformance.Options;
import org.nettwin.api.twin.DigitalTwin;
import org.nettwin.api.twin.TwinAccuracy;
import org.nettwin.api.twin.TwinBuilder;

/**
 * Checks a {@link TwinBuilder} against its contract on data recorded from a real single-agent
 * scenario (by default the test kit's {@link RandomWalkEnvironment}) under uniformly random
 * actions; a failed check throws an {@link AssertionError} listing every problem found.
 *
 * <ol>
 * <li>the descriptor and the configuration schema, as for every plugin (documented parameters,
 * valid defaults, out-of-range values and unknown fields refused at the field);</li>
 * <li>{@code incompatibility(spec, config)} accepts the scenario;</li>
 * <li>the twin built from {@link Options#steps()} recorded transitions has the real spaces and
 * passes {@link EnvironmentConformance} (observations inside the space, same seed same run,
 * invalid actions refused);</li>
 * <li>two twins built with the same seed from the same data are the same twin: the same actions
 * give the same observations and rewards, bit for bit;</li>
 * <li>{@code evaluate(heldOut, 5)} names one feature per encoded observation number, gives one
 * finite non-negative error per feature and per horizon step, and counts at most the held-out
 * transitions;</li>
 * <li>{@code calibrate(fresh, listener)} accepts fresh data and the twin still conforms.</li>
 * </ol>
 *
 * @since 0.1
 */
public final class TwinConformance {

    /** Horizon of the rollout errors asked of {@code evaluate}. */
    private static final int HORIZON = 5;

    private TwinConformance() {
    }

    /** Checks {@code builder} with its default configuration on a {@link RandomWalkEnvironment}: 3,000 transitions, seed 42. */
    public static void check(TwinBuilder builder) {
        check(builder, null, seed -> new Scenario.Single(new RandomWalkEnvironment()), new Options(3_000, 42L));
    }

    /**
     * Checks {@code builder} on data recorded from scenarios made by {@code real} (single agent).
     *
     * @param config  validated against the builder's schema, or {@code null} for its defaults
     * @param options {@code steps} transitions are recorded to build from; the seed seeds everything
     * @throws AssertionError listing every problem found; its cause is the first exception thrown
     */
    public static void check(TwinBuilder builder, Config config, LongFunction<Scenario> real, Options options) {
        Report report = new Report();
        run(builder, config, real, options, report);
        report.throwIfAny("Twin builder " + AlgorithmConformance.name(builder) + " (seed " + options.seed() + ", " + options.steps()
                + " transitions)");
    }

    /** @return the problems {@link #check(TwinBuilder, Config, LongFunction, Options)} would report */
    public static List<String> problems(TwinBuilder builder, Config config, LongFunction<Scenario> real, Options options) {
        Report report = new Report();
        run(builder, config, real, options, report);
        return report.problems();
    }

    private static void run(TwinBuilder builder, Config given, LongFunction<Scenario> real, Options options, Report report) {
        if (!PluginChecks.plugin(builder, report)) {
            return;
        }
        Config config;
        EnvironmentSpec spec;
        TransitionDataset data;
        TransitionDataset heldOut;
        try {
            config = given != null ? given : builder.configSchema().defaults();
            spec = spec(real, options.seed());
            data = record(real, spec, options.steps(), Seeds.derive(options.seed(), "testkit/twin-data"));
            heldOut = record(real, spec, Math.max(options.steps() / 4, HORIZON * 4), Seeds.derive(options.seed(), "testkit/twin-held-out"));
        } catch (RuntimeException e) {
            report.add("the real scenario, its data or the default configuration could not be made", e);
            return;
        }
        if (spec.multiAgent()) {
            report.add("twins model single-agent scenarios; the test scenario is multi-agent");
            return;
        }
        try {
            Optional<String> refusal = builder.incompatibility(spec, config);
            if (refusal == null || refusal.isPresent()) {
                report.add("incompatibility(spec, config) refuses the test scenario (" + spec.observationSpace().describe() + " -> "
                        + spec.actionSpace().describe() + "): " + refusal + "; check the builder on a scenario it models");
                return;
            }
        } catch (RuntimeException e) {
            report.add("incompatibility(spec, config) threw", e);
            return;
        }
        DigitalTwin<?, ?> twin = build(builder, spec, data, config, options.seed(), report, "first");
        DigitalTwin<?, ?> same = build(builder, spec, data, config, options.seed(), report, "second");
        if (twin == null || same == null) {
            return;
        }
        try (twin; same) {
            if (!spec.observationSpace().describe().equals(twin.observationSpace().describe())
                    || !spec.actionSpace().describe().equals(twin.actionSpace().describe())) {
                report.add("the twin's spaces " + twin.observationSpace().describe() + " -> " + twin.actionSpace().describe()
                        + " are not the real ones " + spec.observationSpace().describe() + " -> " + spec.actionSpace().describe());
                return;
            }
            String difference = difference(twin, same, options);
            if (difference != null) {
                report.add("not reproducible: two twins built with seed " + options.seed() + " from the same data differ: " + difference);
            }
            for (String p : EnvironmentConformance.problems(twin, options.withSteps(300))) {
                report.add("the twin as an environment: " + p);
            }
            accuracy(twin, spec, heldOut, report);
            RecordingListener listener = new RecordingListener();
            try {
                twin.calibrate(heldOut, listener);
                listener.problems().forEach(p -> report.add("calibrate broke the listener contract: " + p));
                for (String p : EnvironmentConformance.problems(twin, options.withSteps(100))) {
                    report.add("the twin after calibrate: " + p);
                }
            } catch (RuntimeException e) {
                report.add("calibrate(fresh transitions, listener) threw", e);
            }
        }
    }

    private static EnvironmentSpec spec(LongFunction<Scenario> real, long seed) {
        try (Scenario s = real.apply(seed)) {
            return EnvironmentSpec.of(s);
        }
    }

    /** @return transitions of the real scenario under uniformly random actions */
    static TransitionDataset record(LongFunction<Scenario> real, EnvironmentSpec spec, long steps, long seed) {
        Policy<?, ?> behaviour = new RandomActionsAlgorithm().create(spec, ConfigSchema.EMPTY.defaults(), seed).policy();
        try (Scenario s = real.apply(seed)) {
            RandomGenerator random = Seeds.generator(seed);
            return TransitionRecorder.record(s, List.of(behaviour), steps, false, random, seed, Map.of("source", "testkit"),
                    new RecordingListener()).get(0);
        }
    }

    private static DigitalTwin<?, ?> build(TwinBuilder builder, EnvironmentSpec spec, TransitionDataset data, Config config, long seed,
            Report report, String which) {
        RecordingListener listener = new RecordingListener();
        try {
            DigitalTwin<?, ?> twin = builder.build(spec, data, config, seed, listener);
            if (twin == null) {
                report.add("build returned null");
            }
            listener.problems().forEach(p -> report.add("the " + which + " build broke the listener contract: " + p));
            return twin;
        } catch (RuntimeException e) {
            report.add("the " + which + " build from " + data.size() + " transitions threw", e);
            return null;
        }
    }

    /** @return where two twins' runs with the same seed and actions first differ, or {@code null} */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static String difference(Environment a, Environment b, Options options) {
        Space obs = a.observationSpace();
        Space act = a.actionSpace();
        RandomGenerator random = Seeds.generator(Seeds.derive(options.seed(), "testkit/twin-actions"));
        Step<?> x = a.reset(options.seed());
        Step<?> y = b.reset(options.seed());
        for (int t = 0; t <= Math.min(options.steps(), 300); t++) {
            double[] ox = EnvironmentConformance.encode(obs, x.observation());
            double[] oy = EnvironmentConformance.encode(obs, y.observation());
            if (!java.util.Arrays.equals(ox, oy) || Double.doubleToLongBits(x.reward()) != Double.doubleToLongBits(y.reward())
                    || x.done() != y.done()) {
                return "at step " + t + ": observation " + Render.value(ox) + " reward " + x.reward() + " against " + Render.value(oy)
                        + " reward " + y.reward();
            }
            if (x.done()) {
                long seed = Seeds.derive(options.seed(), t);
                x = a.reset(seed);
                y = b.reset(seed);
                continue;
            }
            Object action = act.sample(random);
            x = a.step(action);
            y = b.step(act.copy(action));
        }
        return null;
    }

    private static void accuracy(DigitalTwin<?, ?> twin, EnvironmentSpec spec, TransitionDataset heldOut, Report report) {
        TwinAccuracy a;
        try {
            a = twin.evaluate(heldOut, HORIZON);
        } catch (RuntimeException e) {
            report.add("evaluate(held-out transitions, " + HORIZON + ") threw", e);
            return;
        }
        if (a == null) {
            report.add("evaluate returned null");
            return;
        }
        int features = spec.observationSpace().encodedSize();
        if (a.featureNames() == null || a.featureNames().size() != features) {
            report.add("evaluate names features " + a.featureNames() + "; expected one per encoded observation number (" + features + ")");
        }
        if (a.oneStepError() == null || a.oneStepError().length != features) {
            report.add("evaluate gives " + (a.oneStepError() == null ? "no" : a.oneStepError().length) + " one-step errors for " + features
                    + " features");
        } else {
            errors("one-step error", a.oneStepError(), report);
        }
        if (a.rolloutError() == null || a.rolloutError().length != HORIZON) {
            report.add("evaluate gives " + (a.rolloutError() == null ? "no" : a.rolloutError().length) + " rollout errors for horizon "
                    + HORIZON);
        } else {
            errors("rollout error", a.rolloutError(), report);
        }
        errors("reward error", new double[] {a.rewardError()}, report);
        if (a.samples() < 1 || a.samples() > heldOut.size()) {
            report.add("evaluate counts " + a.samples() + " samples of " + heldOut.size() + " held-out transitions");
        }
    }

    private static void errors(String what, double[] values, Report report) {
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] >= 0) || Double.isInfinite(values[i])) {
                report.add("evaluate: " + what + " [" + i + "] is " + values[i] + "; errors are finite and non-negative");
                return;
            }
        }
    }
}
