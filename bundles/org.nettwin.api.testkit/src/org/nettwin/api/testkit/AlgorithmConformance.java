package org.nettwin.api.testkit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.random.RandomGenerator;

import org.nettwin.api.Seeds;
import org.nettwin.api.config.Config;
import org.nettwin.api.rl.Algorithm;
import org.nettwin.api.rl.AlgorithmProvider;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.rl.Policy;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.space.Space;
import org.nettwin.api.testkit.EnvironmentConformance.Options;

/**
 * Checks an {@link AlgorithmProvider} against its contract, on a scenario it can handle (by
 * default the test kit's {@link RandomWalkEnvironment}); a failed check throws an
 * {@link AssertionError} listing every problem found.
 *
 * <ol>
 * <li>the descriptor has a title and a description; every parameter is documented, the defaults
 * are valid, and a value outside each range or choice, or an unknown field, is refused with a
 * problem located at the field ({@code plugin.config.NAME});</li>
 * <li>{@code incompatibility(spec, config)} accepts the scenario;</li>
 * <li>two algorithms created with the same seed learn {@link Options#steps()} steps on scenarios
 * created with the same seed and report the same episodes and metrics; the listener sees no
 * contract violation (see {@link RecordingListener#problems()}); {@code learn} returns how many
 * steps it took, at most the budget;</li>
 * <li>their policies read and act in the scenario's spaces, give actions inside the action space,
 * and save <b>the same bytes</b>;</li>
 * <li>on a single-agent scenario, a saved policy loads ({@code loadPolicy}), saves the same bytes
 * again and acts as the original on sampled observations (round trip); an empty file is refused
 * with an {@link IOException};</li>
 * <li>a listener that cancels at once stops learning early.</li>
 * </ol>
 * Multi-agent scenarios are checked per agent.
 *
 * @since 0.1
 */
public final class AlgorithmConformance {

    /** Observations sampled from the observation space to compare policies on. */
    private static final int PROBES = 64;

    private AlgorithmConformance() {
    }

    /** Checks {@code algorithm} with its default configuration on a {@link RandomWalkEnvironment}, 2,000 steps, seed 42. */
    public static void check(AlgorithmProvider algorithm) {
        check(algorithm, null, seed -> new Scenario.Single(new RandomWalkEnvironment()), new Options(2_000, 42L));
    }

    /**
     * Checks {@code algorithm} on scenarios made by {@code scenarios} (called with a seed; each call
     * a fresh instance).
     *
     * @param config validated against the algorithm's schema, or {@code null} for its defaults
     * @throws AssertionError listing every problem found; its cause is the first exception thrown
     */
    public static void check(AlgorithmProvider algorithm, Config config, LongFunction<Scenario> scenarios, Options options) {
        Report report = new Report();
        run(algorithm, config, scenarios, options, report);
        report.throwIfAny("Algorithm " + name(algorithm) + " (seed " + options.seed() + ", " + options.steps() + " steps)");
    }

    /** @return the problems {@link #check(AlgorithmProvider, Config, LongFunction, Options)} would report */
    public static List<String> problems(AlgorithmProvider algorithm, Config config, LongFunction<Scenario> scenarios, Options options) {
        Report report = new Report();
        run(algorithm, config, scenarios, options, report);
        return report.problems();
    }

    static String name(org.nettwin.api.NetTwinPlugin plugin) {
        try {
            return plugin.descriptor().id();
        } catch (RuntimeException e) {
            return plugin == null ? "null" : plugin.getClass().getName();
        }
    }

    private static void run(AlgorithmProvider algorithm, Config given, LongFunction<Scenario> scenarios, Options options, Report report) {
        if (!PluginChecks.plugin(algorithm, report)) {
            return;
        }
        Config config;
        EnvironmentSpec spec;
        try (Scenario probe = scenarios.apply(options.seed())) {
            config = given != null ? given : algorithm.configSchema().defaults();
            spec = EnvironmentSpec.of(probe);
        } catch (RuntimeException e) {
            report.add("the scenario or the default configuration could not be made", e);
            return;
        }
        try {
            Optional<String> refusal = algorithm.incompatibility(spec, config);
            if (refusal == null || refusal.isPresent()) {
                report.add("incompatibility(spec, config) refuses the test scenario (" + spec.observationSpace().describe() + " -> "
                        + spec.actionSpace().describe() + "): " + refusal + "; check the algorithm on a scenario it handles");
                return;
            }
        } catch (RuntimeException e) {
            report.add("incompatibility(spec, config) threw", e);
            return;
        }
        Learned first = learn(algorithm, spec, config, scenarios, options, report, "first");
        Learned second = learn(algorithm, spec, config, scenarios, options, report, "second");
        if (first == null || second == null) {
            return;
        }
        if (!Arrays.equals(first.listener.returns(), second.listener.returns())
                || !first.listener.metrics().equals(second.listener.metrics())) {
            report.add("not reproducible: two algorithms with seed " + options.seed() + " reported different episodes or metrics ("
                    + first.listener.episodes().size() + " and " + second.listener.episodes().size() + " episodes)");
        }
        for (int agent = 0; agent < spec.agents().size(); agent++) {
            policies(algorithm, spec, agent, first.algorithm, second.algorithm, options, report);
        }
        cancellation(algorithm, spec, config, scenarios, options, report);
    }

    private record Learned(Algorithm algorithm, RecordingListener listener) {
    }

    private static Learned learn(AlgorithmProvider provider, EnvironmentSpec spec, Config config, LongFunction<Scenario> scenarios,
            Options options, Report report, String which) {
        RecordingListener listener = new RecordingListener();
        try (Scenario scenario = scenarios.apply(options.seed())) {
            Algorithm algorithm = provider.create(spec, config, options.seed());
            long taken = algorithm.learn(scenario, options.steps(), listener);
            if (taken < 1 || taken > options.steps()) {
                report.add("learn(scenario, " + options.steps() + ", listener) returned " + taken + " steps; it must return the steps taken,"
                        + " 1 to the budget");
            }
            for (String p : listener.problems()) {
                report.add("the " + which + " learning run broke the listener contract: " + p);
            }
            return new Learned(algorithm, listener);
        } catch (RuntimeException e) {
            report.add("the " + which + " learning run (create, then learn " + options.steps() + " steps) threw", e);
            return null;
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void policies(AlgorithmProvider provider, EnvironmentSpec spec, int agent, Algorithm a, Algorithm b, Options options,
            Report report) {
        String who = spec.agents().size() == 1 ? "the policy" : "the policy of agent '" + spec.agents().get(agent) + "'";
        Space obs = spec.observationSpaces().get(agent);
        Space act = spec.actionSpaces().get(agent);
        Policy p;
        Policy q;
        try {
            p = a.policy(agent);
            q = b.policy(agent);
        } catch (RuntimeException e) {
            report.add("policy(" + agent + ") threw", e);
            return;
        }
        if (p == null || q == null) {
            report.add("policy(" + agent + ") returned null");
            return;
        }
        if (!obs.describe().equals(p.observationSpace().describe()) || !act.describe().equals(p.actionSpace().describe())) {
            report.add(who + " reads " + p.observationSpace().describe() + " and acts in " + p.actionSpace().describe()
                    + "; the scenario's spaces are " + obs.describe() + " and " + act.describe());
            return;
        }
        byte[] saved = save(p, who, report);
        byte[] again = save(q, who + " of the second algorithm", report);
        if (saved != null && again != null && !Arrays.equals(saved, again)) {
            report.add("not reproducible: " + who + " of two algorithms learning with seed " + options.seed() + " saved different bytes ("
                    + saved.length + " and " + again.length + " bytes)");
        }
        // a policy file stands for one agent's policy; the round trip is checked where the spec names one agent
        Policy loaded = null;
        if (saved != null && !spec.multiAgent()) {
            try {
                loaded = provider.loadPolicy(spec, new ByteArrayInputStream(saved));
                byte[] resaved = save(loaded, "the loaded policy", report);
                if (resaved != null && !Arrays.equals(saved, resaved)) {
                    report.add("save/load round trip: " + who + " loaded and saved again gave other bytes (" + saved.length + " then "
                            + resaved.length + ")");
                }
            } catch (IOException | RuntimeException e) {
                report.add("loadPolicy could not read the file " + who + " saved", e);
            }
        }
        // acting after saving: a policy with its own random stream saved its state before these draws
        for (Object o : probes(obs, options.seed())) {
            try {
                Object x = p.act(o);
                if (!EnvironmentConformance.inside(act, x)) {
                    report.recurring("act-outside/" + agent, who + " acted " + Render.value(x) + " for the observation "
                            + Render.value(o) + ", outside the action space " + act.describe());
                }
                if (loaded != null) {
                    Object y = loaded.act(o);
                    if (!Arrays.equals(EnvironmentConformance.encode(act, x), EnvironmentConformance.encode(act, y))) {
                        report.recurring("loaded-acts", "save/load round trip: for the observation " + Render.value(o) + " " + who
                                + " acts " + Render.value(x) + ", the loaded one " + Render.value(y));
                    }
                }
            } catch (RuntimeException e) {
                report.recurring("act-threw/" + agent, who + " (or the loaded copy) threw acting on the observation " + Render.value(o), e);
            }
        }
        if (spec.multiAgent()) {
            return;
        }
        try {
            provider.loadPolicy(spec, new ByteArrayInputStream(new byte[0]));
            report.add("loadPolicy accepted an empty file; refuse it with an IOException saying what was expected");
        } catch (IOException expected) {
            // refused as it must be
        } catch (RuntimeException e) {
            report.add("loadPolicy refused an empty file with " + e.getClass().getSimpleName() + " instead of an IOException", e);
        }
    }

    private static void cancellation(AlgorithmProvider provider, EnvironmentSpec spec, Config config, LongFunction<Scenario> scenarios,
            Options options, Report report) {
        RecordingListener cancelled = RecordingListener.cancellingWhen(l -> true);
        try (Scenario scenario = scenarios.apply(options.seed())) {
            long taken = provider.create(spec, config, options.seed()).learn(scenario, options.steps(), cancelled);
            if (cancelled.cancellationChecks() == 0) {
                report.add("learn never asked listener.isCancelled(); a run cannot be stopped");
            } else if (taken >= options.steps() && options.steps() > 1) {
                report.add("learn went on for all " + taken + " steps although the listener was cancelled from the start");
            }
        } catch (RuntimeException e) {
            report.add("learning with a cancelled listener threw", e);
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static List<Object> probes(Space space, long seed) {
        RandomGenerator random = Seeds.generator(Seeds.derive(seed, "testkit/policy-probes"));
        List<Object> out = new ArrayList<>(PROBES);
        for (int i = 0; i < PROBES; i++) {
            out.add(space.sample(random));
        }
        return out;
    }

    private static byte[] save(Policy<?, ?> policy, String who, Report report) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            policy.save(out);
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            report.add(who + ": save threw", e);
            return null;
        }
    }
}
