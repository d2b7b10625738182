package org.nettwin.api.testkit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

import org.nettwin.api.Seeds;
import org.nettwin.api.env.Environment;
import org.nettwin.api.env.MultiAgentEnvironment;
import org.nettwin.api.env.MultiStep;
import org.nettwin.api.env.Step;
import org.nettwin.api.space.Space;
import org.nettwin.api.space.SpaceViolationException;

/**
 * Checks that an environment keeps the contract of {@link Environment} or
 * {@link MultiAgentEnvironment}, whatever test framework the caller uses: a failed check throws
 * a plain {@link AssertionError} that lists every problem found, with the step, the values and
 * the spaces involved.
 *
 * <p>What is checked, for a single-agent environment:
 * <ol>
 * <li>the observation and action spaces are not {@code null} and describe themselves;
 * {@code infoNames()} is not {@code null}, has no duplicates and does not change;</li>
 * <li>{@code reset(seed)} returns an observation inside the observation space, reward 0, and an
 * episode that is neither terminated nor truncated;</li>
 * <li>stepping with actions sampled from the action space (from a generator derived from the
 * seed) for {@link Options#steps()} steps, calling {@code reset()} whenever an episode ends,
 * gives observations inside the space, finite rewards and {@code infoNames().size()} info values,
 * none of them NaN; no valid action is refused;</li>
 * <li>a second {@code reset(seed)} with the same actions reproduces the run bit for bit (encoded
 * observations, rewards, terminated and truncated flags, info values);</li>
 * <li>actions outside the action space (see {@link InvalidValues}: out of range, wrong length,
 * NaN or infinite coordinates, shares not summing to 1, missing keys, and {@code null}) are
 * refused with a {@link SpaceViolationException} whose message contains
 * {@code actionSpace().describe()};</li>
 * <li>after a refused action the environment still works, and the next valid step gives exactly
 * what it would have given without the refused action.</li>
 * </ol>
 * For a {@link MultiAgentEnvironment} the same holds per agent (actions passed as a list in
 * {@code possibleAgents()} order), and in addition a list with too few or too many actions, or
 * a map of actions missing an agent, is refused with an {@link IllegalArgumentException}.
 *
 * <p>A check leaves the environment in the middle of an episode; the caller still owns it and
 * closes it. Checks are single-threaded and deterministic: the same options give the same
 * actions.
 *
 * <pre>{@code
 * @Test
 * void conformsToTheEnvironmentContract() {
 *     try (var env = new MyEnvironment(config)) {
 *         EnvironmentConformance.check(env);
 *     }
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class EnvironmentConformance {

    private static final String ACTIONS_PURPOSE = "testkit/conformance-actions";

    private EnvironmentConformance() {
    }

    /**
     * How long and with which seed to exercise an environment.
     *
     * @param steps number of steps of the sampled run, at least 1 (episodes that end are reset)
     * @param seed  the seed given to {@code reset(seed)}; the sampled actions derive from it
     * @since 0.1
     */
    public record Options(int steps, long seed) {

        /** 300 steps with seed 42. */
        public static final Options DEFAULTS = new Options(300, 42L);

        /** Validates the step count. */
        public Options {
            if (steps < 1) {
                throw new IllegalArgumentException("a conformance check needs at least one step, got " + steps);
            }
        }

        /** @return these options with another step count */
        public Options withSteps(int newSteps) {
            return new Options(newSteps, seed);
        }

        /** @return these options with another seed */
        public Options withSeed(long newSeed) {
            return new Options(steps, newSeed);
        }
    }

    /**
     * Checks {@code env} with {@link Options#DEFAULTS}.
     *
     * @throws AssertionError listing every problem found
     */
    public static void check(Environment<?, ?> env) {
        check(env, Options.DEFAULTS);
    }

    /**
     * Checks {@code env} with the given options.
     *
     * @throws AssertionError listing every problem found; its cause is the first exception the
     *                        environment threw, if any
     */
    public static void check(Environment<?, ?> env, Options options) {
        Report report = new Report();
        new SingleAgentCheck(env, options, report).run();
        report.throwIfAny(subject(env, options));
    }

    /** @return the problems {@link #check(Environment, Options)} would report; empty if it conforms */
    public static List<String> problems(Environment<?, ?> env, Options options) {
        Report report = new Report();
        new SingleAgentCheck(env, options, report).run();
        return report.problems();
    }

    /**
     * Checks {@code env} with {@link Options#DEFAULTS}.
     *
     * @throws AssertionError listing every problem found
     */
    public static void check(MultiAgentEnvironment<?, ?> env) {
        check(env, Options.DEFAULTS);
    }

    /**
     * Checks {@code env} with the given options.
     *
     * @throws AssertionError listing every problem found; its cause is the first exception the
     *                        environment threw, if any
     */
    public static void check(MultiAgentEnvironment<?, ?> env, Options options) {
        Report report = new Report();
        new MultiAgentCheck(env, options, report).run();
        report.throwIfAny(subject(env, options));
    }

    /** @return the problems {@link #check(MultiAgentEnvironment, Options)} would report; empty if it conforms */
    public static List<String> problems(MultiAgentEnvironment<?, ?> env, Options options) {
        Report report = new Report();
        new MultiAgentCheck(env, options, report).run();
        return report.problems();
    }

    private static String subject(Object env, Options options) {
        return "Environment " + (env == null ? "null" : env.getClass().getName()) + " (seed " + options.seed() + ", "
                + options.steps() + " steps)";
    }

    /** @return whether {@code space} contains {@code value}, treating a value of the wrong Java type as outside */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static boolean inside(Space space, Object value) {
        try {
            return value != null && space.contains(value);
        } catch (ClassCastException wrongType) {
            return false;
        }
    }

    /** @return the compact encoding of {@code value}, or {@code null} if it cannot be encoded */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static double[] encode(Space space, Object value) {
        try {
            double[] out = new double[space.encodedSize()];
            space.encode(value, out, 0);
            return out;
        } catch (RuntimeException unencodable) {
            return null;
        }
    }

    private static void describes(Space<?> space, String what, Report report) {
        try {
            String d = space.describe();
            if (d == null || d.isBlank()) {
                report.add(what + ".describe() is empty; error messages need it to name the space");
            }
        } catch (RuntimeException e) {
            report.add(what + ".describe() threw", e);
        }
    }

    private static List<String> infoNames(Supplier<List<String>> names, Report report) {
        List<String> list;
        try {
            list = names.get();
        } catch (RuntimeException e) {
            report.add("infoNames() threw", e);
            return null;
        }
        if (list == null) {
            report.add("infoNames() returned null; return List.of() when there are no info values");
            return null;
        }
        if (list.stream().anyMatch(Objects::isNull)) {
            report.add("infoNames() contains null: " + list);
        } else if (new HashSet<>(list).size() != list.size()) {
            report.add("infoNames() has duplicate names: " + list);
        }
        return List.copyOf(list.stream().map(String::valueOf).toList());
    }

    private static void infoChecks(String label, double[] info, List<String> names, Report report) {
        if (info == null) {
            report.recurring("info-null", label + ": info() is null; expected " + names.size() + " values " + names);
        } else if (info.length != names.size()) {
            report.recurring("info-length", label + ": info has " + info.length + " values but infoNames() names " + names.size()
                    + " " + names);
        } else {
            for (int k = 0; k < info.length; k++) {
                if (Double.isNaN(info[k])) {
                    report.recurring("info-nan/" + k, label + ": info value '" + names.get(k) + "' is NaN");
                }
            }
        }
    }

    /**
     * @return the first step of a reproducible run, against which steps after a refused action
     *         are compared; {@code null} if the run is not reproducible or has no first step
     */
    private static Trajectory.Event firstStep(Trajectory run, String difference) {
        return difference == null && run.events.size() > 1 && run.events.get(1).label().equals("step 1") ? run.events.get(1) : null;
    }

    private static String acceptedSummary(int accepted, int total, String space, List<String> cases) {
        return "step accepted " + accepted + " of " + total + " actions outside the action space " + space
                + " instead of throwing SpaceViolationException: " + String.join("; ", cases);
    }

    private static String caseText(InvalidValues.Case c) {
        return c.value() == null ? "null" : c.description() + " " + Render.value(c.value());
    }

    /** The checks of a single-agent environment. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final class SingleAgentCheck {
        private final Environment env;
        private final Options options;
        private final Report report;
        private Space observations;
        private Space actions;
        private List<String> infoNames;

        SingleAgentCheck(Environment<?, ?> env, Options options, Report report) {
            this.env = env;
            this.options = options;
            this.report = report;
        }

        void run() {
            if (env == null) {
                report.add("the environment is null");
                return;
            }
            if (!spaces()) {
                return;
            }
            List<Object> taken = new ArrayList<>();
            Trajectory first = new Trajectory();
            rollout(first, taken, Seeds.generator(Seeds.derive(options.seed(), ACTIONS_PURPOSE)), true);
            if (first.events.isEmpty()) {
                return;
            }
            Trajectory second = new Trajectory();
            rollout(second, taken, null, false);
            String difference = first.differenceFrom(second, null);
            if (difference != null) {
                report.add("not reproducible: reset(" + options.seed() + ") with the same " + taken.size()
                        + " actions gave a different run the second time; " + difference);
            }
            List<String> namesAfter = infoNames(env::infoNames, new Report());
            if (namesAfter != null && !namesAfter.equals(infoNames)) {
                report.add("infoNames() changed from " + infoNames + " to " + namesAfter + "; it must be fixed for the environment's life");
            }
            Object firstAction = taken.isEmpty()
                    ? actions.sample(Seeds.generator(Seeds.derive(options.seed(), ACTIONS_PURPOSE)))
                    : taken.get(0);
            Trajectory.Event afterFirst = firstStep(first, difference);
            refusals(firstAction, afterFirst);
        }

        private boolean spaces() {
            try {
                observations = env.observationSpace();
                if (observations == null) {
                    report.add("observationSpace() returned null");
                } else {
                    describes(observations, "observationSpace()", report);
                }
            } catch (RuntimeException e) {
                report.add("observationSpace() threw", e);
            }
            try {
                actions = env.actionSpace();
                if (actions == null) {
                    report.add("actionSpace() returned null");
                } else {
                    describes(actions, "actionSpace()", report);
                }
            } catch (RuntimeException e) {
                report.add("actionSpace() threw", e);
            }
            infoNames = infoNames(env::infoNames, report);
            return observations != null && actions != null && infoNames != null;
        }

        /**
         * Runs from {@code reset(seed)}: with {@code random}, samples {@code options.steps()}
         * actions and appends copies to {@code taken}; without, replays {@code taken}.
         */
        private void rollout(Trajectory out, List<Object> taken, RandomGenerator random, boolean check) {
            String label = "reset(" + options.seed() + ")";
            Step s;
            try {
                s = env.reset(options.seed());
            } catch (RuntimeException e) {
                fail(out, label + " threw", e, check);
                return;
            }
            if (!record(out, label, s, true, check)) {
                return;
            }
            int steps = random != null ? options.steps() : taken.size();
            for (int t = 1; t <= steps; t++) {
                if (s.done()) {
                    label = "reset() after step " + (t - 1);
                    try {
                        s = env.reset();
                    } catch (RuntimeException e) {
                        fail(out, label + " threw", e, check);
                        return;
                    }
                    if (!record(out, label, s, true, check)) {
                        return;
                    }
                }
                Object action;
                if (random != null) {
                    action = actions.sample(random);
                    taken.add(actions.copy(action));
                } else {
                    action = actions.copy(taken.get(t - 1));
                }
                label = "step " + t;
                try {
                    s = env.step(action);
                } catch (RuntimeException e) {
                    fail(out, label + " with the valid action " + Render.value(action) + " threw", e, check);
                    return;
                }
                if (!record(out, label, s, false, check)) {
                    return;
                }
            }
        }

        private void fail(Trajectory out, String what, RuntimeException e, boolean check) {
            out.failure = what + " " + Render.failure(e);
            if (check) {
                report.add(what, e);
            }
        }

        private boolean record(Trajectory out, String label, Step s, boolean isReset, boolean check) {
            if (s == null) {
                out.failure = label + " returned null";
                if (check) {
                    report.add(out.failure);
                }
                return false;
            }
            Object observation = s.observation();
            double reward = s.reward();
            double[] info = s.info();
            if (check) {
                if (!inside(observations, observation)) {
                    report.recurring("observation", label + ": observation " + Render.value(observation)
                            + " is outside the observation space " + observations.describe());
                }
                if (!Double.isFinite(reward)) {
                    report.recurring("reward", label + ": non-finite reward " + reward);
                } else if (isReset && reward != 0.0) {
                    report.recurring("reset-reward", label + " returned reward " + reward + "; a reset must return reward 0");
                }
                if (isReset && (s.terminated() || s.truncated())) {
                    report.recurring("reset-done", label + " returned a finished episode (terminated=" + s.terminated()
                            + ", truncated=" + s.truncated() + ")");
                }
                infoChecks(label, info, infoNames, report);
            }
            out.events.add(event(label, s));
            return true;
        }

        private Trajectory.Event event(String label, Step s) {
            return new Trajectory.Event(label, new double[][] {encode(observations, s.observation())}, new double[] {s.reward()},
                    new boolean[] {s.terminated()}, new boolean[] {s.truncated()}, s.info() == null ? null : s.info().clone());
        }

        private void refusals(Object firstAction, Trajectory.Event afterFirst) {
            String space = actions.describe();
            List<InvalidValues.Case> cases = InvalidValues.of(actions);
            List<String> accepted = new ArrayList<>();
            for (InvalidValues.Case c : cases) {
                String what = caseText(c);
                try {
                    env.reset(options.seed());
                } catch (RuntimeException e) {
                    report.add("reset(" + options.seed() + ") before trying an invalid action threw", e);
                    return;
                }
                try {
                    env.step(c.value());
                    accepted.add(what);
                    continue;
                } catch (SpaceViolationException e) {
                    if (e.getMessage() == null || !e.getMessage().contains(space)) {
                        report.recurring("refusal-message", "the SpaceViolationException refusing the action " + what
                                + " does not name the action space " + space + ": " + e.getMessage());
                    }
                } catch (RuntimeException e) {
                    report.add("the action " + what + " (outside " + space
                            + ") was refused with the wrong exception; expected SpaceViolationException", e);
                }
                try {
                    Step s = env.step(actions.copy(firstAction));
                    if (s == null) {
                        report.recurring("refusal-recovery", "after refusing the action " + what + ", a valid step returned null");
                    } else if (afterFirst != null) {
                        String d = Trajectory.difference(afterFirst, event("step 1", s), null, "without the refused action", "after it");
                        if (d != null) {
                            report.recurring("refusal-trace", "refusing the action " + what + " changed the environment: the next valid"
                                    + " step differs from the same step without the refused action: " + d);
                        }
                    }
                } catch (RuntimeException e) {
                    report.recurring("refusal-recovery", "after refusing the action " + what + ", the valid action "
                            + Render.value(firstAction) + " threw", e);
                }
            }
            if (!accepted.isEmpty()) {
                report.add(acceptedSummary(accepted.size(), cases.size(), space, accepted));
            }
        }
    }

    /** The checks of a parallel multi-agent environment. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final class MultiAgentCheck {
        private final MultiAgentEnvironment env;
        private final Options options;
        private final Report report;
        private List<String> agents;
        private Space[] observations;
        private Space[] actions;
        private List<String> infoNames;

        MultiAgentCheck(MultiAgentEnvironment<?, ?> env, Options options, Report report) {
            this.env = env;
            this.options = options;
            this.report = report;
        }

        void run() {
            if (env == null) {
                report.add("the environment is null");
                return;
            }
            if (!agentsAndSpaces()) {
                return;
            }
            List<List<Object>> taken = new ArrayList<>();
            Trajectory first = new Trajectory();
            rollout(first, taken, Seeds.generator(Seeds.derive(options.seed(), ACTIONS_PURPOSE)), true);
            if (first.events.isEmpty()) {
                return;
            }
            Trajectory second = new Trajectory();
            rollout(second, taken, null, false);
            String difference = first.differenceFrom(second, agents);
            if (difference != null) {
                report.add("not reproducible: reset(" + options.seed() + ") with the same " + taken.size()
                        + " joint actions gave a different run the second time; " + difference);
            }
            List<String> namesAfter = infoNames(env::infoNames, new Report());
            if (namesAfter != null && !namesAfter.equals(infoNames)) {
                report.add("infoNames() changed from " + infoNames + " to " + namesAfter + "; it must be fixed for the environment's life");
            }
            List<Object> firstActions = taken.isEmpty()
                    ? sample(Seeds.generator(Seeds.derive(options.seed(), ACTIONS_PURPOSE)))
                    : taken.get(0);
            Trajectory.Event afterFirst = firstStep(first, difference);
            refusals(firstActions, afterFirst);
            wrongCounts(firstActions, afterFirst);
        }

        private boolean agentsAndSpaces() {
            try {
                agents = env.possibleAgents();
            } catch (RuntimeException e) {
                report.add("possibleAgents() threw", e);
                return false;
            }
            if (agents == null || agents.isEmpty()) {
                report.add("possibleAgents() is " + (agents == null ? "null" : "empty") + "; name at least one agent");
                return false;
            }
            if (agents.stream().anyMatch(Objects::isNull)) {
                report.add("possibleAgents() contains null: " + agents);
                return false;
            }
            agents = List.copyOf(agents);
            if (new HashSet<>(agents).size() != agents.size()) {
                report.add("possibleAgents() has duplicate names: " + agents);
            }
            observations = new Space[agents.size()];
            actions = new Space[agents.size()];
            boolean ok = true;
            for (int i = 0; i < agents.size(); i++) {
                String who = "agent '" + agents.get(i) + "'";
                try {
                    observations[i] = env.observationSpace(i);
                    if (observations[i] == null) {
                        report.add("observationSpace(" + i + ") of " + who + " returned null");
                    } else {
                        describes(observations[i], "observationSpace(" + i + ")", report);
                    }
                } catch (RuntimeException e) {
                    report.add("observationSpace(" + i + ") of " + who + " threw", e);
                }
                try {
                    actions[i] = env.actionSpace(i);
                    if (actions[i] == null) {
                        report.add("actionSpace(" + i + ") of " + who + " returned null");
                    } else {
                        describes(actions[i], "actionSpace(" + i + ")", report);
                    }
                } catch (RuntimeException e) {
                    report.add("actionSpace(" + i + ") of " + who + " threw", e);
                }
                ok &= observations[i] != null && actions[i] != null;
            }
            infoNames = infoNames(env::infoNames, report);
            return ok && infoNames != null;
        }

        private List<Object> sample(RandomGenerator random) {
            List<Object> joint = new ArrayList<>(agents.size());
            for (Space a : actions) {
                joint.add(a.sample(random));
            }
            return joint;
        }

        private List<Object> copy(List<Object> joint) {
            List<Object> out = new ArrayList<>(joint.size());
            for (int i = 0; i < joint.size(); i++) {
                out.add(actions[i].copy(joint.get(i)));
            }
            return out;
        }

        private void rollout(Trajectory out, List<List<Object>> taken, RandomGenerator random, boolean check) {
            String label = "reset(" + options.seed() + ")";
            MultiStep s;
            try {
                s = env.reset(options.seed());
            } catch (RuntimeException e) {
                fail(out, label + " threw", e, check);
                return;
            }
            if (!record(out, label, s, true, check)) {
                return;
            }
            int steps = random != null ? options.steps() : taken.size();
            for (int t = 1; t <= steps; t++) {
                if (s.allDone()) {
                    label = "reset() after step " + (t - 1);
                    try {
                        s = env.reset();
                    } catch (RuntimeException e) {
                        fail(out, label + " threw", e, check);
                        return;
                    }
                    if (!record(out, label, s, true, check)) {
                        return;
                    }
                }
                List<Object> joint;
                if (random != null) {
                    joint = sample(random);
                    taken.add(copy(joint));
                } else {
                    joint = copy(taken.get(t - 1));
                }
                label = "step " + t;
                try {
                    s = env.step(joint);
                } catch (RuntimeException e) {
                    fail(out, label + " with the valid actions " + Render.value(joint) + " threw", e, check);
                    return;
                }
                if (!record(out, label, s, false, check)) {
                    return;
                }
            }
        }

        private void fail(Trajectory out, String what, RuntimeException e, boolean check) {
            out.failure = what + " " + Render.failure(e);
            if (check) {
                report.add(what, e);
            }
        }

        private boolean record(Trajectory out, String label, MultiStep s, boolean isReset, boolean check) {
            if (s == null) {
                out.failure = label + " returned null";
                if (check) {
                    report.add(out.failure);
                }
                return false;
            }
            if (s.agentCount() != agents.size()) {
                out.failure = label + " returned results for " + s.agentCount() + " agents but possibleAgents() names " + agents.size();
                if (check) {
                    report.add(out.failure + " " + agents);
                }
                return false;
            }
            if (check) {
                for (int i = 0; i < agents.size(); i++) {
                    String who = "agent '" + agents.get(i) + "'";
                    Object observation = s.observation(i);
                    if (!inside(observations[i], observation)) {
                        report.recurring("observation/" + i, label + ": the observation " + Render.value(observation) + " of " + who
                                + " is outside its observation space " + observations[i].describe());
                    }
                    double reward = s.reward(i);
                    if (!Double.isFinite(reward)) {
                        report.recurring("reward/" + i, label + ": " + who + " got a non-finite reward " + reward);
                    } else if (isReset && reward != 0.0) {
                        report.recurring("reset-reward/" + i, label + " gave " + who + " reward " + reward + "; a reset must give reward 0");
                    }
                    if (isReset && (s.terminated(i) || s.truncated(i))) {
                        report.recurring("reset-done/" + i, label + " returned " + who + " already done (terminated=" + s.terminated(i)
                                + ", truncated=" + s.truncated(i) + ")");
                    }
                }
                infoChecks(label, s.info(), infoNames, report);
            }
            out.events.add(event(label, s));
            return true;
        }

        private Trajectory.Event event(String label, MultiStep s) {
            int n = agents.size();
            double[][] obs = new double[n][];
            double[] rewards = new double[n];
            boolean[] terminated = new boolean[n];
            boolean[] truncated = new boolean[n];
            for (int i = 0; i < n; i++) {
                obs[i] = encode(observations[i], s.observation(i));
                rewards[i] = s.reward(i);
                terminated[i] = s.terminated(i);
                truncated[i] = s.truncated(i);
            }
            return new Trajectory.Event(label, obs, rewards, terminated, truncated, s.info() == null ? null : s.info().clone());
        }

        private boolean resetFor(String purpose) {
            try {
                env.reset(options.seed());
                return true;
            } catch (RuntimeException e) {
                report.add("reset(" + options.seed() + ") before " + purpose + " threw", e);
                return false;
            }
        }

        /** Takes a valid joint step after a refused one and checks it is unaffected by the refusal. */
        private void recovery(String refused, List<Object> firstActions, Trajectory.Event afterFirst) {
            try {
                MultiStep s = env.step(copy(firstActions));
                if (s == null) {
                    report.recurring("refusal-recovery", "after refusing " + refused + ", a valid step returned null");
                } else if (afterFirst != null && s.agentCount() == agents.size()) {
                    String d = Trajectory.difference(afterFirst, event("step 1", s), agents, "without the refused actions", "after them");
                    if (d != null) {
                        report.recurring("refusal-trace", "refusing " + refused + " changed the environment: the next valid step"
                                + " differs from the same step without the refused actions: " + d);
                    }
                }
            } catch (RuntimeException e) {
                report.recurring("refusal-recovery", "after refusing " + refused + ", the valid actions " + Render.value(firstActions)
                        + " threw", e);
            }
        }

        private void refusals(List<Object> firstActions, Trajectory.Event afterFirst) {
            for (int i = 0; i < agents.size(); i++) {
                String who = "agent '" + agents.get(i) + "'";
                String space = actions[i].describe();
                List<InvalidValues.Case> cases = InvalidValues.of(actions[i]);
                List<String> accepted = new ArrayList<>();
                for (InvalidValues.Case c : cases) {
                    String what = caseText(c);
                    if (!resetFor("trying an invalid action")) {
                        return;
                    }
                    List<Object> joint = copy(firstActions);
                    joint.set(i, c.value());
                    try {
                        env.step(joint);
                        accepted.add(what);
                        continue;
                    } catch (SpaceViolationException e) {
                        if (e.getMessage() == null || !e.getMessage().contains(space)) {
                            report.recurring("refusal-message", "the SpaceViolationException refusing the action " + what + " of " + who
                                    + " does not name its action space " + space + ": " + e.getMessage());
                        }
                    } catch (RuntimeException e) {
                        report.add("the action " + what + " of " + who + " (outside " + space
                                + ") was refused with the wrong exception; expected SpaceViolationException", e);
                    }
                    recovery("the action " + what + " of " + who, firstActions, afterFirst);
                }
                if (!accepted.isEmpty()) {
                    report.add("for " + who + ", " + acceptedSummary(accepted.size(), cases.size(), space, accepted));
                }
            }
        }

        private void wrongCounts(List<Object> firstActions, Trajectory.Event afterFirst) {
            int n = agents.size();
            List<Object> fewer = copy(firstActions).subList(0, n - 1);
            List<Object> more = copy(firstActions);
            more.add(actions[n - 1].copy(firstActions.get(n - 1)));
            for (List<Object> joint : List.of(new ArrayList<>(fewer), more)) {
                String what = (joint.size() == 1 ? "1 action" : joint.size() + " actions") + " for " + n + (n == 1 ? " agent" : " agents");
                if (!resetFor("trying " + what)) {
                    return;
                }
                try {
                    env.step(joint);
                    report.add("step accepted " + what + "; a wrong number of actions must be refused with IllegalArgumentException");
                    continue;
                } catch (IllegalArgumentException expected) {
                    // refused as it must be
                } catch (RuntimeException e) {
                    report.add(what + " was refused with the wrong exception; expected IllegalArgumentException", e);
                }
                recovery(what, firstActions, afterFirst);
            }
            Map<String, Object> byName = new LinkedHashMap<>();
            for (int i = 1; i < n; i++) {
                byName.put(agents.get(i), actions[i].copy(firstActions.get(i)));
            }
            String what = "a map of actions without agent '" + agents.get(0) + "'";
            if (!resetFor("trying " + what)) {
                return;
            }
            try {
                env.step(byName);
                report.add("step(Map) accepted " + what + "; every agent must act, refuse it with IllegalArgumentException");
            } catch (IllegalArgumentException expected) {
                recovery(what, firstActions, afterFirst);
            } catch (RuntimeException e) {
                report.add(what + " was refused with the wrong exception; expected IllegalArgumentException", e);
            }
        }
    }
}
