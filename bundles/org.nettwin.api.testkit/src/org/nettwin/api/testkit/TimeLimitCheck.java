package org.nettwin.api.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import org.nettwin.api.Seeds;
import org.nettwin.api.config.Parameter;
import org.nettwin.api.env.Environment;
import org.nettwin.api.env.MultiAgentEnvironment;
import org.nettwin.api.env.MultiStep;
import org.nettwin.api.env.Step;
import org.nettwin.api.scenario.BaseScenarioProvider;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.scenario.ScenarioProvider;

/**
 * Checks a scenario's episode length, which comes from its {@code timeLimit} parameter (see
 * {@link BaseScenarioProvider}) and not from the environment itself:
 * <ol>
 * <li>the parameter exists and its default is the one the scenario documents;</li>
 * <li>with the default, and with a small configured limit, episodes under sampled actions are
 * truncated exactly at that step (never before, never terminated and truncated at once), and again
 * after {@code reset()};</li>
 * <li>with {@code timeLimit = 0} nothing truncates an episode within twice the default (the
 * environment does not count its own episode length); episodes may still terminate.</li>
 * </ol>
 * Episodes that terminate before the limit are allowed, but at least one of the episodes run must
 * reach the limit, so the check cannot pass without seeing a truncation.
 *
 * @since 0.1
 */
public final class TimeLimitCheck {

    /** Episodes run per limit; one of them must reach it. */
    private static final int EPISODES = 3;

    private TimeLimitCheck() {
    }

    /**
     * @param provider        the scenario
     * @param config          its configuration apart from {@code timeLimit} (empty for the defaults)
     * @param expectedDefault the documented default of {@code timeLimit}
     * @param smallLimit      a limit shorter than the default, to check a configured one
     * @throws AssertionError listing every problem found
     */
    public static void check(ScenarioProvider provider, Map<String, ?> config, long expectedDefault, long smallLimit) {
        List<String> problems = new ArrayList<>();
        Parameter p = provider.configSchema().parameters().get(BaseScenarioProvider.TIME_LIMIT);
        if (p == null) {
            throw new AssertionError(provider.descriptor().id() + " has no parameter " + BaseScenarioProvider.TIME_LIMIT + "; it has "
                    + provider.configSchema().parameters().keySet());
        }
        if (!(p.defaultValue() instanceof Number n) || n.longValue() != expectedDefault) {
            problems.add("the default time limit is " + p.defaultValue() + ", not " + expectedDefault);
        }
        if (expectedDefault > 0) {
            truncatesAt(provider, config, null, expectedDefault, problems);
        }
        truncatesAt(provider, config, smallLimit, smallLimit, problems);
        neverTruncated(provider, config, Math.max(2 * expectedDefault, 4 * smallLimit), problems);
        if (!problems.isEmpty()) {
            throw new AssertionError(provider.descriptor().id() + ": " + String.join("; ", problems));
        }
    }

    private static Scenario create(ScenarioProvider provider, Map<String, ?> config, Long limit) {
        Map<String, Object> raw = new java.util.LinkedHashMap<>(config);
        if (limit != null) {
            raw.put(BaseScenarioProvider.TIME_LIMIT, limit);
        }
        return provider.create(provider.configSchema().validate(raw, "scenario.config"), 1);
    }

    /** Runs episodes with {@code timeLimit} set to {@code configured} (null: the default) and expects truncation at {@code limit}. */
    private static void truncatesAt(ScenarioProvider provider, Map<String, ?> config, Long configured, long limit, List<String> problems) {
        String what = configured == null ? "default time limit " + limit : "timeLimit " + limit;
        try (Scenario scenario = create(provider, config, configured)) {
            RandomGenerator random = Seeds.generator(limit);
            int reached = 0;
            Episodes episodes = Episodes.of(scenario);
            episodes.reset(17);
            for (int e = 0; e < EPISODES; e++) {
                if (e > 0) {
                    episodes.reset();
                }
                for (long t = 1; t <= limit; t++) {
                    episodes.step(random);
                    if (episodes.terminated() && episodes.truncated()) {
                        problems.add(what + ": step " + t + " is both terminated and truncated");
                        return;
                    }
                    if (episodes.terminated()) {
                        break;
                    }
                    if (episodes.truncated() != (t == limit)) {
                        problems.add(what + ": episode " + e + " is " + (episodes.truncated() ? "" : "not ") + "truncated at step " + t);
                        return;
                    }
                    if (t == limit) {
                        reached++;
                    }
                }
            }
            if (reached == 0) {
                problems.add(what + ": every episode terminated before the limit, so truncation was never seen");
            }
        }
    }

    private static void neverTruncated(ScenarioProvider provider, Map<String, ?> config, long steps, List<String> problems) {
        try (Scenario scenario = create(provider, config, 0L)) {
            RandomGenerator random = Seeds.generator(steps);
            Episodes episodes = Episodes.of(scenario);
            episodes.reset(17);
            for (long t = 1; t <= steps; t++) {
                episodes.step(random);
                if (episodes.truncated()) {
                    problems.add("timeLimit 0: truncated at step " + t + " (does the environment count its own episode length?)");
                    return;
                }
                if (episodes.terminated()) {
                    episodes.reset();
                }
            }
        }
    }

    /** The single- or multi-agent environment of a scenario, stepped with sampled actions. */
    private interface Episodes {
        void reset(long seed);

        void reset();

        void step(RandomGenerator random);

        /** @return whether the last step terminated the episode (for every agent) */
        boolean terminated();

        /** @return whether the last step truncated the episode (for any agent) */
        boolean truncated();

        static Episodes of(Scenario scenario) {
            return switch (scenario) {
                case Scenario.Single s -> new Single<>(s.environment());
                case Scenario.Multi m -> new Multi<>(m.environment());
            };
        }
    }

    private static final class Single<O, A> implements Episodes {
        private final Environment<O, A> env;
        private Step<O> last;

        Single(Environment<O, A> env) {
            this.env = env;
        }

        @Override
        public void reset(long seed) {
            last = env.reset(seed);
        }

        @Override
        public void reset() {
            last = env.reset();
        }

        @Override
        public void step(RandomGenerator random) {
            last = env.step(env.actionSpace().sample(random));
        }

        @Override
        public boolean terminated() {
            return last.terminated();
        }

        @Override
        public boolean truncated() {
            return last.truncated();
        }
    }

    private static final class Multi<O, A> implements Episodes {
        private final MultiAgentEnvironment<O, A> env;
        private MultiStep<O> last;

        Multi(MultiAgentEnvironment<O, A> env) {
            this.env = env;
        }

        @Override
        public void reset(long seed) {
            last = env.reset(seed);
        }

        @Override
        public void reset() {
            last = env.reset();
        }

        @Override
        public void step(RandomGenerator random) {
            List<A> actions = new ArrayList<>();
            for (int i = 0; i < env.possibleAgents().size(); i++) {
                actions.add(env.actionSpace(i).sample(random));
            }
            last = env.step(actions);
        }

        @Override
        public boolean terminated() {
            for (int i = 0; i < last.agentCount(); i++) {
                if (!last.terminated(i)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public boolean truncated() {
            for (int i = 0; i < last.agentCount(); i++) {
                if (last.truncated(i)) {
                    return true;
                }
            }
            return false;
        }
    }
}
