package org.nettwin.env.slicing.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nettwin.api.Seeds;
import org.nettwin.api.config.Config;
import org.nettwin.api.config.ConfigException;
import org.nettwin.api.env.Environment;
import org.nettwin.api.env.MultiStep;
import org.nettwin.api.env.Step;
import org.nettwin.api.rl.Policy;
import org.nettwin.api.rl.Rollouts;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.space.Simplex;
import org.nettwin.api.testkit.EnvironmentConformance;

/** The single-agent view of one cell of {@code slicing/MultiCell-v1} ({@code controlledCell} >= 1). */
class OneCellEnvironmentTest {

    private static final MultiCellProvider PROVIDER = new MultiCellProvider();

    private static Config config(int cell) {
        return PROVIDER.configSchema().validate(Map.of("controlledCell", cell), "scenario.config");
    }

    private static OneCellEnvironment view(int cell, long seed) {
        return ((Scenario.Single) PROVIDER.create(config(cell), seed)).environment().capability(OneCellEnvironment.class).orElseThrow();
    }

    @Test
    void zeroKeepsTheParallelEnvironmentAndKGivesCellKsAgent() {
        assertInstanceOf(Scenario.Multi.class, PROVIDER.create(PROVIDER.configSchema().defaults(), 1));
        Scenario s = PROVIDER.create(config(3), 1);
        OneCellEnvironment env = assertInstanceOf(Scenario.Single.class, s).environment().capability(OneCellEnvironment.class).orElseThrow();
        assertEquals(2, env.cell());
        assertEquals("Simplex(4)", env.actionSpace().describe());
        assertEquals(20, env.observationSpace().flatSize());
        assertEquals(MultiCellEnvironment.INFO, env.infoNames());
    }

    @Test
    void conformsToTheSingleAgentContract() {
        try (OneCellEnvironment env = view(1, 3)) {
            EnvironmentConformance.check(env);
        }
        try (OneCellEnvironment env = view(12, 4)) {
            EnvironmentConformance.check(env, EnvironmentConformance.Options.DEFAULTS.withSteps(100));
        }
    }

    @Test
    void isTheParallelNetworkWithTheOtherCellsRunByTheTrafficAwareRule() {
        // the view's first reset seeds the wrapped network with the first draw of the view's stream
        long networkSeed = Seeds.generator(21).nextLong();
        try (OneCellEnvironment env = view(5, 8); MultiCellEnvironment network = MultiCellProvider.environment(config(5).as(MultiCellConfig.class), 8)) {
            List<Policy<?, ?>> rule = MultiCellEnvironmentTest.policies(network, SlicingRule.TRAFFIC_AWARE);
            Step<double[]> s = env.reset(21);
            MultiStep<double[]> m = network.reset(networkSeed);
            assertArrayEquals(m.observation(4), s.observation());
            double[] mine = {0.4, 0.3, 0.2, 0.1};
            for (int t = 0; t < 50; t++) {
                List<double[]> actions = new ArrayList<>(MultiCellEnvironmentTest.act(rule, m));
                actions.set(4, mine);
                m = network.step(actions);
                s = env.step(mine);
                assertArrayEquals(m.observation(4), s.observation(), "observation at step " + t);
                assertEquals(m.reward(4), s.reward(), 0.0, "cell 5's reward at step " + t);
                assertArrayEquals(m.info(), s.info(), "info at step " + t);
            }
        }
    }

    @Test
    void theTrafficAwareRuleInTheControlledCellGivesTheBaselinesReward() {
        // the scenario as experiments get it: 200-step episodes from the time limit
        try (Environment<double[], double[]> env = ((Scenario.Single) PROVIDER.create(config(1), 2)).environment(double[].class, double[].class)) {
            Policy<?, ?> rule = new RulePolicy(SlicingRule.TRAFFIC_AWARE, env.observationSpace(), env.actionSpace());
            double viewReturn = Rollouts.meanReturn(env, rule, 2, 5, 1000);
            double equal = Rollouts.meanReturn(env, new RulePolicy(SlicingRule.EQUAL_SPLIT, env.observationSpace(), env.actionSpace()), 2, 5,
                    1000);
            assertTrue(viewReturn > equal, "traffic-aware " + viewReturn + " should beat the equal split " + equal + " in cell 1");
            assertTrue(viewReturn > 0 && viewReturn <= 200, "return " + viewReturn);
        }
    }

    @Test
    void snapshotRestoresTheExactContinuation() {
        try (OneCellEnvironment env = view(2, 4); OneCellEnvironment twin = view(2, 4)) {
            Step<double[]> s = env.reset(5);
            double[] a = {0.25, 0.25, 0.25, 0.25};
            for (int t = 0; t < 10; t++) {
                s = env.step(a);
            }
            Object snapshot = env.snapshot();
            double[][] after = new double[6][];
            for (int t = 0; t < after.length; t++) {
                after[t] = rewardAndObservation(env.step(new double[] {0.1 * t, 0.2, 0.3, 0.5 - 0.1 * t}));
            }
            twin.restore(snapshot); // never reset: the snapshot carries everything
            env.restore(snapshot);
            for (int t = 0; t < after.length; t++) {
                double[] action = {0.1 * t, 0.2, 0.3, 0.5 - 0.1 * t};
                assertArrayEquals(after[t], rewardAndObservation(env.step(action)), "step " + t + " after restore");
                assertArrayEquals(after[t], rewardAndObservation(twin.step(action)), "step " + t + " in the twin");
            }
        }
        try (OneCellEnvironment env = view(2, 4); OneCellEnvironment otherCell = view(3, 4)) {
            env.reset(1);
            Object snapshot = env.snapshot();
            assertThrows(IllegalArgumentException.class, () -> otherCell.restore(snapshot));
        }
    }

    private static double[] rewardAndObservation(Step<double[]> s) {
        double[] out = new double[21];
        out[0] = s.reward();
        System.arraycopy(s.observation(), 0, out, 1, 20);
        return out;
    }

    @Test
    void aCellOutsideTheNetworkIsRefusedWithTheRange() {
        ConfigException e = assertThrows(ConfigException.class, () -> PROVIDER.configSchema().validate(Map.of("controlledCell", 22),
                "scenario.config"));
        assertTrue(e.getMessage().contains("scenario.config.controlledCell"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> PROVIDER.create(PROVIDER.configSchema().validate(Map.of("sites", 2,
                "controlledCell", 7, "neighbours", 5), ""), 1));
        assertTrue(e.getMessage().contains("controlledCell") && e.getMessage().contains("[0, 6]"), e.getMessage());
    }

    @Test
    void steppingAllocatesNothing() throws ReflectiveOperationException {
        // com.sun.management is reached through the system class loader: the fragment imports no JDK-internal package
        Object threads = java.lang.management.ManagementFactory.getThreadMXBean();
        Class<?> type = ClassLoader.getSystemClassLoader().loadClass("com.sun.management.ThreadMXBean");
        java.lang.reflect.Method allocated = type.getMethod("getCurrentThreadAllocatedBytes");
        try (OneCellEnvironment env = view(1, 1)) {
            double[][] actions = new double[16][];
            var random = Seeds.generator(3);
            Simplex space = (Simplex) env.actionSpace();
            for (int i = 0; i < actions.length; i++) {
                actions[i] = space.sample(random);
            }
            env.reset(1);
            double sink = 0;
            for (int round = 0; round < 2; round++) { // the first round warms up
                long before = (Long) allocated.invoke(threads);
                for (int t = 0; t < 5_000; t++) {
                    Step<double[]> s = env.step(actions[t & 15]);
                    sink += s.reward();
                    if (s.done()) {
                        env.reset();
                    }
                }
                long bytes = (Long) allocated.invoke(threads) - before;
                if (round == 1) {
                    assertTrue(bytes < 5_000, "5000 steps (with episode resets) allocated " + bytes + " bytes");
                }
            }
            assertTrue(sink > 0);
        }
    }
}
