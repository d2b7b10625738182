package org.nettwin.api.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.nettwin.api.env.BaseEnvironment;
import org.nettwin.api.env.BaseMultiAgentEnvironment;
import org.nettwin.api.env.MultiStep;
import org.nettwin.api.env.Step;
import org.nettwin.api.space.Box;
import org.nettwin.api.space.Discrete;
import org.nettwin.api.space.SpaceViolationException;

class BaseEnvironmentTest {

    /**
     * A queue whose length moves by the action minus one plus Gaussian noise, ending when it
     * empties or after {@code horizon} steps. Faults can be switched on to test the base class.
     */
    static final class NoisyQueue extends BaseEnvironment<double[], Integer> {
        static final Box OBSERVATIONS = new Box(1, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        private final double[] observation = new double[1];
        private final int horizon;
        double faultyReward = 0;
        double faultyObservation = 0;
        double faultyInfo = 0;
        int t;

        NoisyQueue(int horizon) {
            super("test/NoisyQueue-v1", OBSERVATIONS, new Discrete(3), List.of("noise"), List.of("queue"));
            this.horizon = horizon;
        }

        @Override
        protected void resetEpisode(RandomGenerator random, Step<double[]> out) {
            t = 0;
            observation[0] = 5 + random.nextDouble();
            out.set(observation, 42.0, true, true);
        }

        @Override
        protected void advance(Integer action, Step<double[]> out) {
            t++;
            double noise = random().nextGaussian();
            observation[0] += action - 1 + noise;
            double reward = -Math.abs(observation[0]) + faultyReward;
            boolean empty = observation[0] <= 0;
            observation[0] += faultyObservation;
            out.info()[0] = noise + faultyInfo;
            out.set(observation, reward, empty, t >= horizon);
        }
    }

    private static List<double[]> trajectory(NoisyQueue env, long seed, int steps) {
        List<double[]> out = new ArrayList<>();
        Step<double[]> s = env.reset(seed);
        out.add(new double[] {s.observation()[0], s.reward()});
        for (int t = 0; t < steps; t++) {
            if (s.done()) {
                s = env.reset();
            }
            s = env.step(t % 3);
            out.add(new double[] {s.observation()[0], s.reward(), s.info()[0], s.terminated() ? 1 : 0, s.truncated() ? 1 : 0});
        }
        return out;
    }

    @Test
    void stepBeforeResetIsRefused() {
        NoisyQueue env = new NoisyQueue(10);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> env.step(1));
        assertEquals("test/NoisyQueue-v1: call reset() before step() (at the start and after an episode ends)", e.getMessage());
        IllegalStateException unseeded = assertThrows(IllegalStateException.class, env::reset);
        assertEquals("test/NoisyQueue-v1: the first reset must give a seed: reset(seed)", unseeded.getMessage());
    }

    @Test
    void aFinishedEpisodeMustBeReset() {
        NoisyQueue env = new NoisyQueue(3);
        env.reset(1);
        Step<double[]> s = null;
        for (int t = 0; t < 3; t++) {
            assertFalse(s != null && s.done());
            s = env.step(2);
        }
        assertTrue(s.truncated(), "the horizon truncates");
        assertThrows(IllegalStateException.class, () -> env.step(1));
        assertFalse(env.reset().done());
        env.step(1);
    }

    @Test
    void resetAlwaysReportsRewardZeroAndARunningEpisode() {
        NoisyQueue env = new NoisyQueue(10);
        Step<double[]> s = env.reset(3);
        assertEquals(0.0, s.reward(), "the base class overrides what resetEpisode set");
        assertFalse(s.terminated());
        assertFalse(s.truncated());
        assertEquals(0.0, s.info()[0]);
        assertSame(s, env.step(1), "one Step object, refilled");
    }

    @Test
    void actionsOutsideTheSpaceAreRefusedNamingTheSpace() {
        NoisyQueue env = new NoisyQueue(10);
        env.reset(4);
        SpaceViolationException e = assertThrows(SpaceViolationException.class, () -> env.step(3));
        assertEquals("action 3 is outside the space Discrete(3)", e.getMessage());
        assertEquals(new Discrete(3), e.space());
        SpaceViolationException nil = assertThrows(SpaceViolationException.class, () -> env.step(null));
        assertEquals("action null is outside the space Discrete(3)", nil.getMessage());
        assertEquals(0, env.t, "refused actions do not advance the environment");
        env.step(2);
        assertEquals(1, env.t, "and the environment still works");
    }

    /** A noisy counter that can be snapshotted through the base class's hooks. */
    static final class SnapshotCounter extends BaseEnvironment<double[], Integer> implements org.nettwin.api.env.Snapshottable {
        private final double[] value = new double[1];
        private int t;

        SnapshotCounter() {
            super("test/SnapshotCounter-v1", new Box(1, -1e9, 1e9), new Discrete(2), List.of());
        }

        record Saved(double value, int t, long random, boolean over) {
        }

        @Override
        protected void resetEpisode(java.util.random.RandomGenerator random, Step<double[]> out) {
            value[0] = 0;
            t = 0;
            out.set(value, 0, false, false);
        }

        @Override
        protected void advance(Integer action, Step<double[]> out) {
            value[0] += action + random().nextGaussian();
            t++;
            out.set(value, value[0], false, t >= 5);
        }

        @Override
        public Object snapshot() {
            return new Saved(value[0], t, randomState(), t >= 5);
        }

        @Override
        public void restore(Object snapshot) {
            Saved s = (Saved) snapshot;
            value[0] = s.value();
            t = s.t();
            restored(s.random(), s.over());
        }
    }

    @Test
    void aRestoredSnapshotContinuesExactlyIncludingItsRandomness() {
        SnapshotCounter env = new SnapshotCounter();
        env.reset(3);
        env.step(1);
        Object mid = env.snapshot();
        double[] first = {env.step(0).reward(), env.step(1).reward()};
        env.step(1);
        env.step(1); // episode over (truncated after 5 steps)
        assertThrows(IllegalStateException.class, () -> env.step(0));
        env.restore(mid);
        assertEquals(first[0], env.step(0).reward(), 0.0, "same action after restore, same noise");
        assertEquals(first[1], env.step(1).reward(), 0.0);
        env.step(1);
        env.step(1);
        Object end = env.snapshot();
        env.restore(end);
        assertThrows(IllegalStateException.class, () -> env.step(0), "a finished episode stays finished after restore");
    }

    @Test
    void anObservationOutsideABoundedSpaceIsCaught() {
        Box unit = new Box(1, 0.0, 1.0);
        BaseEnvironment<double[], Integer> drifting = new BaseEnvironment<>("test/Drift-v1", unit, new Discrete(2), List.of()) {
            private final double[] position = new double[1];

            @Override
            protected void resetEpisode(java.util.random.RandomGenerator random, Step<double[]> out) {
                position[0] = 0.5;
                out.set(position, 0, false, false);
            }

            @Override
            protected void advance(Integer action, Step<double[]> out) {
                position[0] += 0.4; // drifts past the upper bound on the second step
                out.set(position, 0, false, false);
            }
        };
        drifting.reset(1);
        drifting.step(0);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> drifting.step(0));
        assertEquals("test/Drift-v1 produced an observation outside its space Box(0.0, 1.0, (1,))", e.getMessage());
    }

    @Test
    void nonFiniteOutputsOfABrokenSubclassAreCaught() {
        NoisyQueue env = new NoisyQueue(10);
        env.reset(5);
        env.faultyReward = Double.NaN;
        IllegalStateException reward = assertThrows(IllegalStateException.class, () -> env.step(1));
        assertEquals("test/NoisyQueue-v1 produced a non-finite reward NaN", reward.getMessage());

        env.reset(5);
        env.faultyReward = Double.NEGATIVE_INFINITY;
        assertEquals("test/NoisyQueue-v1 produced a non-finite reward -Infinity",
                assertThrows(IllegalStateException.class, () -> env.step(1)).getMessage());

        env.faultyReward = 0;
        env.reset(5);
        env.faultyObservation = Double.NaN;
        assertEquals("test/NoisyQueue-v1 produced an observation outside its space Box(-Infinity, Infinity, (1,))",
                assertThrows(IllegalStateException.class, () -> env.step(1)).getMessage(),
                "a NaN observation is outside every Box");

        env.faultyObservation = 0;
        env.reset(5);
        env.faultyInfo = Double.NaN;
        assertEquals("test/NoisyQueue-v1 produced a NaN info value; info names: [noise]",
                assertThrows(IllegalStateException.class, () -> env.step(1)).getMessage());
    }

    @Test
    void sameSeedSameTrajectory() {
        List<double[]> a = trajectory(new NoisyQueue(20), 77, 200);
        NoisyQueue reused = new NoisyQueue(20);
        trajectory(reused, 1, 50);
        List<double[]> b = trajectory(reused, 77, 200);
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i), b.get(i), "step " + i + ", bit for bit, also on a reused instance");
        }
        List<double[]> c = trajectory(new NoisyQueue(20), 78, 200);
        assertNotEquals(a.get(1)[0], c.get(1)[0], "another seed, another run");
    }

    @Test
    void resetWithoutSeedContinuesTheStream() {
        NoisyQueue env = new NoisyQueue(20);
        double first = env.reset(9).observation()[0];
        double second = env.reset().observation()[0];
        assertNotEquals(first, second, "a new episode draws new numbers");
        assertEquals(first, env.reset(9).observation()[0]);
        assertEquals(second, env.reset().observation()[0], "and the continued stream is reproducible");
    }

    /** Two agents on Discrete(2) with names, for the multi-agent base class. */
    static final class Pair extends BaseMultiAgentEnvironment<Integer, Integer> {
        int steps;

        Pair() {
            super("test/Pair-v1", List.of("up", "down"), List.of(new Discrete(2), new Discrete(2)), List.of(new Discrete(2), new Discrete(2)),
                    List.of(), null);
        }

        @Override
        protected void resetEpisode(RandomGenerator random, MultiStep<Integer> out) {
            out.set(0, random.nextInt(2), 0, false, false).set(1, random.nextInt(2), 0, false, false);
        }

        @Override
        protected void advance(List<Integer> actions, MultiStep<Integer> out) {
            steps++;
            out.set(0, actions.get(1), actions.get(0), false, false).set(1, actions.get(0), actions.get(1), false, steps >= 2);
        }
    }

    @Test
    void theMultiAgentBaseChecksCountsAndEachAgentsAction() {
        Pair env = new Pair();
        assertThrows(IllegalStateException.class, () -> env.step(List.of(0, 1)));
        env.reset(1);
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class, () -> env.step(List.of(0)));
        assertEquals("test/Pair-v1: expected 2 actions, one per agent, got 1", count.getMessage());
        SpaceViolationException second = assertThrows(SpaceViolationException.class, () -> env.step(List.of(1, 2)));
        assertEquals("action of agent down 2 is outside the space Discrete(2)", second.getMessage());
        assertEquals(0, env.steps);
        MultiStep<Integer> s = env.step(List.of(1, 0));
        assertEquals(0, s.observation(0));
        assertEquals(1.0, s.reward(0));
        assertFalse(s.truncated(1) || s.allDone(), "nobody is done after one step");
        s = env.step(List.of(0, 0));
        assertTrue(s.truncated(1));
        assertFalse(s.allDone(), "agent up is still running, so the episode goes on");
    }
}
