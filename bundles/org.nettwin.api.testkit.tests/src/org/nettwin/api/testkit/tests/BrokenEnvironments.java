package org.nettwin.api.testkit.tests;

import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import org.nettwin.api.Seeds;
import org.nettwin.api.env.BaseEnvironment;
import org.nettwin.api.env.BaseMultiAgentEnvironment;
import org.nettwin.api.env.Environment;
import org.nettwin.api.env.MultiAgentEnvironment;
import org.nettwin.api.env.MultiStep;
import org.nettwin.api.env.Step;
import org.nettwin.api.space.Box;
import org.nettwin.api.space.Discrete;
import org.nettwin.api.space.Space;

/**
 * Environments that each break one part of the environment contract on purpose, so the tests can
 * show that {@code EnvironmentConformance} notices. Apart from the deliberate fault each is a
 * correct environment.
 */
final class BrokenEnvironments {

    private BrokenEnvironments() {
    }

    /** Clips every action into its box instead of refusing it (NaN and missing coordinates become 0). */
    static final class AcceptsAnyAction implements Environment<double[], double[]> {
        static final Box ACTIONS = new Box(2, -1, 1);
        private final Box observations = new Box(2, -10, 10);
        private final Step<double[]> step = new Step<>(0);
        private final double[] state = new double[2];
        private RandomGenerator random;
        private int t;

        @Override
        public Space<double[]> observationSpace() {
            return observations;
        }

        @Override
        public Space<double[]> actionSpace() {
            return ACTIONS;
        }

        @Override
        public Step<double[]> reset(long seed) {
            random = Seeds.generator(seed);
            return reset();
        }

        @Override
        public Step<double[]> reset() {
            state[0] = random.nextDouble() * 2 - 1;
            state[1] = random.nextDouble() * 2 - 1;
            t = 0;
            return step.set(state, 0.0, false, false);
        }

        @Override
        public Step<double[]> step(double[] action) {
            double reward = 0;
            for (int i = 0; i < 2; i++) {
                double a = action != null && i < action.length && !Double.isNaN(action[i]) ? Math.max(-1, Math.min(1, action[i])) : 0;
                state[i] = Math.max(-10, Math.min(10, state[i] + 0.5 * a + 0.1 * random.nextGaussian()));
                reward -= state[i] * state[i];
            }
            t++;
            return step.set(state, reward, false, t >= 40);
        }
    }

    /** Draws its noise from a generator created once and never reseeded, so reset(seed) does not fix the run. */
    static final class UnseededNoise extends BaseEnvironment<double[], Integer> {
        private final RandomGenerator noise = new SplittableRandom();
        private final double[] observation = new double[1];

        UnseededNoise() {
            super("broken/UnseededNoise", new Box(1, -100, 100), new Discrete(3), List.of());
        }

        @Override
        protected void resetEpisode(RandomGenerator random, Step<double[]> out) {
            observation[0] = random.nextInt(5);
            out.set(observation, 0, false, false);
        }

        @Override
        protected void advance(Integer action, Step<double[]> out) {
            observation[0] = Math.max(-100, Math.min(100, observation[0] + action - 1 + noise.nextGaussian()));
            out.set(observation, -Math.abs(observation[0]), false, false);
        }
    }

    /** Correctly seeded, but the dynamics depends on how many episodes this instance has run. */
    static final class LeaksStateAcrossResets extends BaseEnvironment<double[], Integer> {
        private final double[] observation = new double[1];
        private int episodesStarted;
        private int t;

        LeaksStateAcrossResets() {
            super("broken/LeaksStateAcrossResets", new Box(1, 0, 1000), new Discrete(2), List.of());
        }

        @Override
        protected void resetEpisode(RandomGenerator random, Step<double[]> out) {
            episodesStarted++;
            t = 0;
            observation[0] = random.nextInt(10);
            out.set(observation, 0, false, false);
        }

        @Override
        protected void advance(Integer action, Step<double[]> out) {
            t++;
            observation[0] = Math.min(1000, observation[0] + action + random().nextInt(2));
            out.set(observation, 0.1 * episodesStarted, false, t >= 20);
        }
    }

    /**
     * Does not extend BaseEnvironment and lets NaN through: every fifth step's reward and every
     * seventh step's observation are NaN.
     */
    static final class EmitsNaN implements Environment<double[], Integer> {
        private final Box observations = new Box(1, 0, 1);
        private final Discrete actions = new Discrete(3);
        private final Step<double[]> step = new Step<>(0);
        private final double[] observation = new double[1];
        private RandomGenerator random;
        private int t;

        @Override
        public Space<double[]> observationSpace() {
            return observations;
        }

        @Override
        public Space<Integer> actionSpace() {
            return actions;
        }

        @Override
        public Step<double[]> reset(long seed) {
            random = Seeds.generator(seed);
            return reset();
        }

        @Override
        public Step<double[]> reset() {
            t = 0;
            observation[0] = random.nextDouble();
            return step.set(observation, 0.0, false, false);
        }

        @Override
        public Step<double[]> step(Integer action) {
            actions.check(action, "action");
            t++;
            observation[0] = t % 7 == 0 ? Double.NaN : random.nextDouble();
            double reward = t % 5 == 0 ? Double.NaN : action * 0.5;
            return step.set(observation, reward, false, t >= 30);
        }
    }

    /** Declares positions in [0, 5] but drifts beyond them. */
    static final class LeavesObservationSpace extends BaseEnvironment<double[], Integer> {
        static final Box OBSERVATIONS = new Box(1, 0, 5);
        private final double[] observation = new double[1];
        private int t;

        LeavesObservationSpace() {
            super("broken/LeavesObservationSpace", OBSERVATIONS, new Discrete(2), List.of());
        }

        @Override
        protected void resetEpisode(RandomGenerator random, Step<double[]> out) {
            t = 0;
            observation[0] = random.nextInt(3);
            out.set(observation, 0, false, false);
        }

        @Override
        protected void advance(Integer action, Step<double[]> out) {
            t++;
            observation[0] += action == 1 ? 1 : random().nextInt(2);
            out.set(observation, 1, false, t >= 50);
        }
    }

    /** Refuses bad actions, but with IllegalArgumentException / NullPointerException. */
    static final class WrongRefusalException implements Environment<Integer, Integer> {
        private final Discrete space = new Discrete(3);
        private final Step<Integer> step = new Step<>(0);
        private RandomGenerator random;

        @Override
        public Space<Integer> observationSpace() {
            return space;
        }

        @Override
        public Space<Integer> actionSpace() {
            return space;
        }

        @Override
        public Step<Integer> reset(long seed) {
            random = Seeds.generator(seed);
            return reset();
        }

        @Override
        public Step<Integer> reset() {
            return step.set(random.nextInt(3), 0.0, false, false);
        }

        @Override
        public Step<Integer> step(Integer action) {
            if (action < 0 || action > 2) {
                throw new IllegalArgumentException("bad action " + action);
            }
            return step.set((action + random.nextInt(2)) % 3, 1.0, false, false);
        }
    }

    /** Declares Discrete(3) actions but checks them against a stale Discrete(5). */
    static final class ChecksAgainstAnotherSpace implements Environment<Integer, Integer> {
        private final Discrete declared = new Discrete(3);
        private final Discrete stale = new Discrete(5);
        private final Step<Integer> step = new Step<>(0);
        private RandomGenerator random;
        private int state;

        @Override
        public Space<Integer> observationSpace() {
            return stale;
        }

        @Override
        public Space<Integer> actionSpace() {
            return declared;
        }

        @Override
        public Step<Integer> reset(long seed) {
            random = Seeds.generator(seed);
            return reset();
        }

        @Override
        public Step<Integer> reset() {
            state = random.nextInt(5);
            return step.set(state, 0.0, false, false);
        }

        @Override
        public Step<Integer> step(Integer action) {
            stale.check(action, "action");
            state = (state + action) % 5;
            return step.set(state, 1.0, false, false);
        }
    }

    /** Counts a refused action as a step (the counter is in the observation) before refusing it. */
    static final class RefusalLeavesTrace implements Environment<double[], Integer> {
        private final Box observations = new Box(1, 0, 1_000_000);
        private final Discrete actions = new Discrete(2);
        private final Step<double[]> step = new Step<>(0);
        private final double[] observation = new double[1];
        private RandomGenerator random;

        @Override
        public Space<double[]> observationSpace() {
            return observations;
        }

        @Override
        public Space<Integer> actionSpace() {
            return actions;
        }

        @Override
        public Step<double[]> reset(long seed) {
            random = Seeds.generator(seed);
            return reset();
        }

        @Override
        public Step<double[]> reset() {
            observation[0] = 0;
            return step.set(observation, 0.0, false, false);
        }

        @Override
        public Step<double[]> step(Integer action) {
            observation[0]++;
            actions.check(action, "action");
            return step.set(observation, random.nextDouble(), false, observation[0] >= 25);
        }
    }

    /** Breaks the reset contract: reward 1 after a reset, and one info value where two are named. */
    static final class BadReset implements Environment<Integer, Integer> {
        private final Discrete space = new Discrete(4);
        private final Step<Integer> step = new Step<>(1);
        private RandomGenerator random;

        @Override
        public Space<Integer> observationSpace() {
            return space;
        }

        @Override
        public Space<Integer> actionSpace() {
            return space;
        }

        @Override
        public List<String> infoNames() {
            return List.of("load", "drops");
        }

        @Override
        public Step<Integer> reset(long seed) {
            random = Seeds.generator(seed);
            return reset();
        }

        @Override
        public Step<Integer> reset() {
            return step.set(random.nextInt(4), 1.0, false, false);
        }

        @Override
        public Step<Integer> step(Integer action) {
            space.check(action, "action");
            return step.set(random.nextInt(4), action, false, false);
        }
    }

    /** Has no observation space. */
    static final class NoObservationSpace implements Environment<Integer, Integer> {
        @Override
        public Space<Integer> observationSpace() {
            return null;
        }

        @Override
        public Space<Integer> actionSpace() {
            return new Discrete(2);
        }

        @Override
        public Step<Integer> reset(long seed) {
            throw new AssertionError("a check must not reset an environment without spaces");
        }

        @Override
        public Step<Integer> reset() {
            throw new AssertionError("a check must not reset an environment without spaces");
        }

        @Override
        public Step<Integer> step(Integer action) {
            throw new AssertionError("a check must not step an environment without spaces");
        }
    }

    /**
     * Two agents; only agent 0's action is checked, and a short or long action list is taken as it
     * comes (a missing action counts as 0, extra ones are ignored).
     */
    static final class LaxTeam implements MultiAgentEnvironment<double[], Integer> {
        private final Box observations = new Box(1, 0, 100);
        private final Discrete actions = new Discrete(2);
        private final MultiStep<double[]> step = new MultiStep<>(2, 0);
        private final double[][] positions = new double[2][1];
        private RandomGenerator random;
        private int t;

        @Override
        public List<String> possibleAgents() {
            return List.of("a", "b");
        }

        @Override
        public Space<double[]> observationSpace(int agent) {
            return observations;
        }

        @Override
        public Space<Integer> actionSpace(int agent) {
            return actions;
        }

        @Override
        public MultiStep<double[]> reset(long seed) {
            random = Seeds.generator(seed);
            return reset();
        }

        @Override
        public MultiStep<double[]> reset() {
            t = 0;
            for (int i = 0; i < 2; i++) {
                positions[i][0] = random.nextInt(10);
                step.set(i, positions[i], 0, false, false);
            }
            return step;
        }

        @Override
        public MultiStep<double[]> step(List<Integer> joint) {
            actions.check(joint.get(0), "action of agent a");
            t++;
            for (int i = 0; i < 2; i++) {
                Integer a = i < joint.size() ? joint.get(i) : null;
                int move = a == null ? 0 : Math.max(0, Math.min(1, a));
                positions[i][0] = Math.min(100, positions[i][0] + move + random.nextInt(2));
                step.set(i, positions[i], move, false, t >= 30);
            }
            return step;
        }
    }

    /** Agent 1 drifts out of its observation space, and both agents share unseeded noise. */
    static final class DriftingTeam extends BaseMultiAgentEnvironment<double[], Integer> {
        private final double[][] positions = new double[2][1];
        private final RandomGenerator noise = new SplittableRandom();
        private int t;

        DriftingTeam() {
            super("broken/DriftingTeam", List.of("left", "right"), List.of(new Box(1, 0, 3), new Box(1, 0, 3)),
                    List.of(new Discrete(2), new Discrete(2)), List.of(), null);
        }

        @Override
        protected void resetEpisode(RandomGenerator random, MultiStep<double[]> out) {
            t = 0;
            for (int i = 0; i < 2; i++) {
                positions[i][0] = random.nextInt(2);
                out.set(i, positions[i], 0, false, false);
            }
        }

        @Override
        protected void advance(List<Integer> joint, MultiStep<double[]> out) {
            t++;
            positions[0][0] = Math.min(3, positions[0][0] + joint.get(0) * noise.nextDouble());
            positions[1][0] += 1;
            for (int i = 0; i < 2; i++) {
                out.set(i, positions[i], positions[i][0], false, t >= 10);
            }
        }
    }
}
