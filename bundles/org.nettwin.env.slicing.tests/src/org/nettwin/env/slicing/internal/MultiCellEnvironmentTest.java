package org.nettwin.env.slicing.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nettwin.api.config.Config;
import org.nettwin.api.env.MultiAgentEnvironment;
import org.nettwin.api.env.MultiStep;
import org.nettwin.api.env.Snapshottable;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.rl.Policy;
import org.nettwin.api.rl.Rollouts;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.testkit.EnvironmentConformance;
import org.nettwin.api.testkit.TimeLimitCheck;

/** The multi-cell scenario: contract, determinism, snapshots and the physics of load coupling. */
class MultiCellEnvironmentTest {

    private static final MultiCellProvider PROVIDER = new MultiCellProvider();
    private static final MultiCellConfig DEFAULTS = config(Map.of());

    static MultiCellConfig config(Map<String, ?> raw) {
        return PROVIDER.configSchema().validate(raw, "").as(MultiCellConfig.class);
    }

    private static List<double[]> equalActions(int cells, int slices) {
        List<double[]> actions = new ArrayList<>();
        for (int k = 0; k < cells; k++) {
            double[] a = new double[slices];
            Arrays.fill(a, 1.0 / slices);
            actions.add(a);
        }
        return actions;
    }

    @Test
    void conformsToTheMultiAgentContract() {
        try (MultiCellEnvironment env = MultiCellProvider.environment(DEFAULTS, 3)) {
            EnvironmentConformance.check(env);
            assertEquals(List.of("demand_mbps_slice1", "demand_mbps_slice2"), env.observationFeatures(0).subList(0, 2));
            assertEquals("neighbour_load_slice4", env.observationFeatures(11).get(19));
        }
    }

    @Test
    void episodesAreTruncatedByTheTimeLimitAt200StepsByDefault() {
        TimeLimitCheck.check(PROVIDER, Map.of("sites", 1, "neighbours", 2), 200, 5);
        TimeLimitCheck.check(PROVIDER, Map.of("controlledCell", 2), 200, 5);
    }

    @Test
    void hasTwelveAgentsWithTheSharedLayout() {
        try (MultiCellEnvironment env = MultiCellProvider.environment(DEFAULTS, 3)) {
            assertEquals(12, env.possibleAgents().size());
            assertEquals(4, SlicingLayout.slices(env.observationSpace(0), env.actionSpace(0)));
            assertEquals("Simplex(4)", env.actionSpace(5).describe());
        }
    }

    @Test
    void sameSeedGivesTheSameTrajectory() {
        try (MultiCellEnvironment a = MultiCellProvider.environment(DEFAULTS, 9);
                MultiCellEnvironment b = MultiCellProvider.environment(DEFAULTS, 9)) {
            List<Policy<?, ?>> policies = policies(a, SlicingRule.TRAFFIC_AWARE);
            MultiStep<double[]> sa = a.reset(77);
            MultiStep<double[]> sb = b.reset(77);
            for (int t = 0; t < 60; t++) {
                List<double[]> actions = act(policies, sa);
                sa = a.step(actions);
                sb = b.step(actions);
                for (int k = 0; k < 12; k++) {
                    assertArrayEquals(sa.observation(k), sb.observation(k), "observation of cell " + k + " at step " + t);
                    assertEquals(sa.reward(k), sb.reward(k), 0.0);
                }
                assertArrayEquals(sa.info(), sb.info());
            }
        }
    }

    @Test
    void snapshotRestoresTheExactContinuation() {
        try (MultiCellEnvironment env = MultiCellProvider.environment(DEFAULTS, 4);
                MultiCellEnvironment twin = MultiCellProvider.environment(DEFAULTS, 4)) {
            List<Policy<?, ?>> policies = policies(env, SlicingRule.TRAFFIC_AWARE);
            MultiStep<double[]> s = env.reset(5);
            for (int t = 0; t < 10; t++) {
                s = env.step(act(policies, s));
            }
            Object snapshot = env.snapshot();
            List<double[]> firstActions = act(policies, s);
            double[][] first = new double[8][];
            for (int t = 0; t < 8; t++) {
                s = env.step(t == 0 ? firstActions : act(policies, s));
                first[t] = rewardsAndObservation(s);
            }
            // another environment of the same scenario, configuration and creation seed continues identically
            twin.reset(123);
            twin.restore(snapshot);
            assertArrayEquals(first[0], rewardsAndObservation(twin.step(firstActions)), "first step after restoring into a twin");
            // the step object shares the environment's observation arrays, so it shows the restored state
            env.restore(snapshot);
            s = env.step(firstActions);
            assertArrayEquals(first[0], rewardsAndObservation(s), "step 0 after restore");
            for (int t = 1; t < 8; t++) {
                s = env.step(act(policies, s));
                assertArrayEquals(first[t], rewardsAndObservation(s), "step " + t + " after restore");
            }
        }
        Config shortEpisodes = PROVIDER.configSchema().validate(Map.of("timeLimit", 5), "");
        try (Scenario scenario = PROVIDER.create(shortEpisodes, 4)) {
            MultiAgentEnvironment<double[], double[]> env = ((Scenario.Multi) scenario).environment(double[].class, double[].class);
            Snapshottable snapshots = env.capability(Snapshottable.class).orElseThrow();
            List<double[]> actions = equalActions(12, 4);
            env.reset(5);
            env.step(actions);
            Object snapshot = snapshots.snapshot();
            double[] next = rewardsAndObservation(env.step(actions));
            MultiStep<double[]> s = env.step(actions);
            while (!s.allDone()) {
                s = env.step(actions);
            }
            double[] afterEnd = rewardsAndObservation(env.reset());
            // restoring into a finished episode makes it steppable again, and the episode stream is restored too
            snapshots.restore(snapshot);
            assertArrayEquals(next, rewardsAndObservation(env.step(actions)));
            s = env.step(actions);
            while (!s.allDone()) {
                s = env.step(actions);
            }
            assertArrayEquals(afterEnd, rewardsAndObservation(env.reset()), "reset() after a restore continues the episode-seed stream");
        }
        try (MultiCellEnvironment env = MultiCellProvider.environment(DEFAULTS, 4);
                MultiCellEnvironment otherLayout = MultiCellProvider.environment(DEFAULTS, 5)) {
            env.reset(1);
            Object snapshot = env.snapshot();
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> otherLayout.restore(snapshot));
        }
    }

    private static double[] rewardsAndObservation(MultiStep<double[]> s) {
        double[] out = new double[12 * 21];
        for (int k = 0; k < 12; k++) {
            out[k * 21] = s.reward(k);
            System.arraycopy(s.observation(k), 0, out, k * 21 + 1, 20);
        }
        return out;
    }

    @Test
    void trafficAwareBaselineBeatsEqualSplitOverSeeds() {
        double aware = 0;
        double equal = 0;
        for (long seed = 1; seed <= 4; seed++) {
            try (MultiCellEnvironment env = MultiCellProvider.environment(DEFAULTS, seed)) {
                double a = Rollouts.meanReturn(env, policies(env, SlicingRule.TRAFFIC_AWARE), 1, seed, 200);
                double e = Rollouts.meanReturn(env, policies(env, SlicingRule.EQUAL_SPLIT), 1, seed, 200);
                assertTrue(a > e, "seed " + seed + ": traffic-aware return " + a + " should beat the equal split's " + e);
                aware += a;
                equal += e;
            }
        }
        assertTrue(aware > 1.03 * equal, "traffic-aware " + aware + " vs equal split " + equal + " over 4 seeds");
    }

    @Test
    void moreBandwidthNeverLowersASlicesThroughput() {
        try (MultiCellEnvironment env = MultiCellProvider.environment(DEFAULTS, 2)) {
            double previous = -1;
            for (double share = 0.05; share <= 0.85 + 1e-9; share += 0.05) {
                env.reset(11);
                List<double[]> actions = equalActions(12, 4);
                double[] a = actions.get(0);
                a[0] = share;
                for (int n = 1; n < 4; n++) {
                    a[n] = (1.0 - share) / 3;
                }
                env.step(actions);
                double thr = env.throughputs()[0];
                assertTrue(thr >= previous, "share " + share + ": throughput " + thr + " < " + previous + " with less bandwidth");
                previous = thr;
            }
            assertTrue(previous > 0);
        }
    }

    @Test
    void interferenceFromALoadedCellRaisesItsNeighboursLoad() {
        MultiCellParameters p = MultiCellParameters.of(DEFAULTS);
        CellNetwork net = new CellNetwork(p, org.nettwin.api.Seeds.generator(1));
        LoadCoupling coupling = new LoadCoupling(net, 4, p.bandwidthHz(), p.userDemands(), p.shannonAttenuation(), p.minSinr(),
                p.maxSpectralEfficiency());
        double[] shares = new double[12 * 4];
        Arrays.fill(shares, 0.25);
        int[] counts = new int[12 * 4 * net.positions];
        Arrays.fill(counts, 1);
        coupling.startFullyLoaded();
        coupling.solve(shares, counts, 100);
        double[] before = coupling.cellLoad.clone();
        assertTrue(coupling.residual() < 1e-9, "the load coupling converges: residual " + coupling.residual());
        // ten times the users in cell 1: its load rises, and so does every neighbour's
        for (int i = 0; i < 4 * net.positions; i++) {
            counts[i] = 10;
        }
        coupling.solve(shares, counts, 100);
        assertTrue(coupling.cellLoad[0] > before[0]);
        for (int k = 1; k < 12; k++) {
            assertTrue(coupling.cellLoad[k] >= before[k], "cell " + (k + 1) + " load " + coupling.cellLoad[k] + " < " + before[k]);
        }
        int strongest = net.neighbours[0][0];
        assertTrue(coupling.cellLoad[strongest] > before[strongest] * 1.001,
                "the strongest neighbour's load " + coupling.cellLoad[strongest] + " barely moved from " + before[strongest]);
    }

    @Test
    void sharesAtTheSimplexToleranceAndOtherLayoutsStayInsideTheSpaces() {
        MultiCellConfig threeSites = config(Map.of("sites", 3, "throughputReqMbpsB", List.of(8.0, 6.0, 4.0, 2.0), "neighbours", 8));
        try (MultiCellEnvironment env = MultiCellProvider.environment(threeSites, 2)) {
            EnvironmentConformance.check(env, EnvironmentConformance.Options.DEFAULTS.withSteps(100));
            env.reset(1);
            List<double[]> actions = equalActions(9, 4);
            actions.set(0, new double[] {1.0 + 5e-7, 0, 0, 0});
            for (int t = 0; t < 20; t++) {
                env.step(actions);
            }
        }
    }

    @Test
    void baselineIsOnlyForSlicingScenarios() {
        TrafficAwareProvider provider = new TrafficAwareProvider();
        try (MultiCellEnvironment env = MultiCellProvider.environment(DEFAULTS, 1)) {
            assertTrue(provider.incompatibility(EnvironmentSpec.of(env), provider.configSchema().defaults()).isEmpty());
        }
        EnvironmentSpec other = new EnvironmentSpec(List.of("agent"), List.of(new org.nettwin.api.space.Box(8, 0, 1)),
                List.of(new org.nettwin.api.space.Discrete(4)), false);
        assertTrue(provider.incompatibility(other, provider.configSchema().defaults()).orElseThrow().contains("slicing"));
    }

    @Test
    void invalidConfigurationNamesTheFieldAndRange() {
        var schema = PROVIDER.configSchema();
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.nettwin.api.config.ConfigException.class,
                () -> schema.validate(Map.of("sites", 9), "scenario.config"));
        assertTrue(e.getMessage().contains("scenario.config.sites") && e.getMessage().contains("[1, 7]"), e.getMessage());
        var lengths = org.junit.jupiter.api.Assertions.assertThrows(org.nettwin.api.config.ConfigException.class,
                () -> schema.validate(Map.of("delayReqMsB", List.of(1.0, 1.0)), ""));
        assertTrue(lengths.getMessage().contains("delayReqMsB"), lengths.getMessage());
        var neighbours = org.junit.jupiter.api.Assertions.assertThrows(org.nettwin.api.config.ConfigException.class,
                () -> schema.validate(Map.of("sites", 1, "neighbours", 5), ""));
        assertTrue(neighbours.getMessage().contains("neighbours") && neighbours.getMessage().contains("[1, 2]"), neighbours.getMessage());
    }

    static List<Policy<?, ?>> policies(MultiCellEnvironment env, SlicingRule rule) {
        List<Policy<?, ?>> out = new ArrayList<>();
        for (int k = 0; k < env.possibleAgents().size(); k++) {
            out.add(new RulePolicy(rule, env.observationSpace(k), env.actionSpace(k)));
        }
        return out;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static List<double[]> act(List<Policy<?, ?>> policies, MultiStep<double[]> s) {
        List<double[]> actions = new ArrayList<>();
        for (int k = 0; k < policies.size(); k++) {
            actions.add((double[]) ((Policy) policies.get(k)).act(s.observation(k)));
        }
        return actions;
    }
}
