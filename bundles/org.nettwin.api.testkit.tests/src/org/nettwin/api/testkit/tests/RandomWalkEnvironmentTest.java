package org.nettwin.api.testkit.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.nettwin.api.Seeds;
import org.nettwin.api.env.FiniteMdp;
import org.nettwin.api.env.MdpTables;
import org.nettwin.api.env.Step;
import org.nettwin.api.space.SpaceViolationException;
import org.nettwin.api.testkit.RandomWalkEnvironment;

class RandomWalkEnvironmentTest {

    @Test
    void simulatedTransitionsMatchTheExactTables() {
        RandomWalkEnvironment env = new RandomWalkEnvironment(6, 0.2, 1000);
        MdpTables tables = env.tables();
        assertEquals(7, tables.stateCount());
        assertEquals(2, tables.actionCount());
        int[][][] counts = new int[7][2][7];
        double[][] rewardSums = new double[7][2];
        RandomGenerator policy = Seeds.generator(11);
        Step<double[]> s = env.reset(3);
        for (int t = 0; t < 200_000; t++) {
            if (s.done()) {
                s = env.reset();
            }
            int state = env.stateIndex(s.observation());
            int action = policy.nextInt(2);
            s = env.step(action);
            counts[state][action][env.stateIndex(s.observation())]++;
            rewardSums[state][action] += s.reward();
        }
        for (int state = 1; state < 6; state++) {
            for (int a = 0; a < 2; a++) {
                int n = 0;
                for (int c : counts[state][a]) {
                    n += c;
                }
                assertTrue(n > 5000, "every interior state-action pair is visited often: " + n);
                for (int next = 0; next < 7; next++) {
                    double p = tables.probability(state, a, next);
                    assertEquals(p, counts[state][a][next] / (double) n, 0.02, "P(" + next + " | " + state + ", " + a + ")");
                    if (p == 0) {
                        assertEquals(0, counts[state][a][next], "impossible transitions never happen");
                    }
                }
                assertEquals(tables.reward(state, a), rewardSums[state][a] / n, 0.02, "R(" + state + ", " + a + ")");
            }
        }
    }

    @Test
    void tablesAreExact() {
        RandomWalkEnvironment env = new RandomWalkEnvironment(4, 0.25, 10);
        MdpTables m = env.tables();
        assertEquals(0.75, m.probability(3, RandomWalkEnvironment.RIGHT, 4));
        assertEquals(0.25, m.probability(3, RandomWalkEnvironment.RIGHT, 2));
        assertEquals(0.75 * 1.0, m.reward(3, RandomWalkEnvironment.RIGHT));
        assertEquals(0.75 * -1.0, m.reward(1, RandomWalkEnvironment.LEFT));
        assertEquals(0.25 * -1.0, m.reward(1, RandomWalkEnvironment.RIGHT), "a slip from 1 ends on the left");
        assertEquals(0.0, m.reward(2, RandomWalkEnvironment.RIGHT));
        assertEquals(1.0, m.probability(0, RandomWalkEnvironment.RIGHT, 0), "ends are absorbing");
        assertEquals(0.0, m.reward(4, RandomWalkEnvironment.LEFT));
        assertEquals(0.0, m.initialProbability(0));
        assertEquals(1.0 / 3, m.initialProbability(2), 1e-15);
        assertSame(m, env.tables(), "computed once");
        FiniteMdp<?> asMdp = env.capability(FiniteMdp.class).orElseThrow();
        assertSame(env, asMdp);
        assertEquals(1, env.actionIndex(RandomWalkEnvironment.RIGHT));
        assertThrows(IllegalArgumentException.class, () -> env.actionIndex(2));
        assertThrows(IllegalArgumentException.class, () -> env.stateIndex(new double[] {1.5}));
        assertThrows(IllegalArgumentException.class, () -> env.stateIndex(new double[] {5}));
    }

    @Test
    void episodesEndAtTheEndsWithTheirRewardsOrAtTheTimeLimit() {
        RandomWalkEnvironment env = new RandomWalkEnvironment(5, 0.3, 40);
        List<String> names = env.infoNames();
        Step<double[]> s = env.reset(9);
        int terminatedLeft = 0;
        int terminatedRight = 0;
        int episodeLength = 0;
        for (int t = 0; t < 20_000; t++) {
            if (s.done()) {
                s = env.reset();
                episodeLength = 0;
                assertTrue(s.observation()[0] >= 1 && s.observation()[0] <= 4, "episodes start inside");
            }
            double before = s.observation()[0];
            int action = t % 3 == 0 ? RandomWalkEnvironment.LEFT : RandomWalkEnvironment.RIGHT;
            s = env.step(action);
            episodeLength++;
            double after = s.observation()[0];
            assertEquals(1.0, Math.abs(after - before), "one position per step");
            boolean slipped = (after - before > 0) != (action == RandomWalkEnvironment.RIGHT);
            assertEquals(slipped ? 1.0 : 0.0, s.info(names, "slipped"));
            assertEquals(after, s.info(names, "position"));
            if (after == 0) {
                terminatedLeft++;
                assertTrue(s.terminated());
                assertEquals(-1.0, s.reward());
            } else if (after == 5) {
                terminatedRight++;
                assertTrue(s.terminated());
                assertEquals(1.0, s.reward());
            } else {
                assertFalse(s.terminated());
                assertEquals(0.0, s.reward());
                assertEquals(episodeLength >= 40, s.truncated(), "truncated exactly at the time limit");
            }
        }
        assertTrue(terminatedLeft > 100 && terminatedRight > terminatedLeft, terminatedLeft + " left, " + terminatedRight + " right");
    }

    @Test
    void withoutSlipTheWalkIsDeterministicAndTruncates() {
        RandomWalkEnvironment env = new RandomWalkEnvironment(100, 0.0, 5);
        Step<double[]> s = env.reset(1);
        double start = s.observation()[0];
        int towardsCentre = start < 50 ? RandomWalkEnvironment.RIGHT : RandomWalkEnvironment.LEFT;
        for (int t = 1; t <= 5; t++) {
            s = env.step(towardsCentre);
            assertEquals(start + (towardsCentre == RandomWalkEnvironment.RIGHT ? t : -t), s.observation()[0]);
            assertEquals(t == 5, s.truncated());
            assertFalse(s.terminated());
        }
        assertThrows(IllegalStateException.class, () -> env.step(RandomWalkEnvironment.LEFT), "a truncated episode must be reset");
    }

    @Test
    void invalidConfigurationsAndActionsAreRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new RandomWalkEnvironment(1, 0.1, 10)).getMessage()
                .contains("length >= 2"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new RandomWalkEnvironment(5, 1.5, 10)).getMessage()
                .contains("slip must be a probability in [0, 1], got 1.5"));
        assertThrows(IllegalArgumentException.class, () -> new RandomWalkEnvironment(5, Double.NaN, 10));
        assertThrows(IllegalArgumentException.class, () -> new RandomWalkEnvironment(5, 0.1, 0));
        RandomWalkEnvironment env = new RandomWalkEnvironment();
        env.reset(0);
        SpaceViolationException e = assertThrows(SpaceViolationException.class, () -> env.step(2));
        assertEquals("action 2 is outside the space Discrete(2)", e.getMessage());
        assertEquals("Box(0.0, 10.0, (1,))", env.observationSpace().describe());
    }
}
