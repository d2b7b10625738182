package org.nettwin.env.migration.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.nettwin.api.Seeds;
import org.nettwin.api.config.ConfigException;
import org.nettwin.api.env.MultiAgentEnvironment;
import org.nettwin.api.env.MultiStep;
import org.nettwin.api.io.BinaryFormats;
import org.nettwin.api.io.Identification;
import org.nettwin.api.rl.Algorithm;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.rl.Policy;
import org.nettwin.api.run.TrainingListener;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.space.Box;
import org.nettwin.api.space.Discrete;
import org.nettwin.api.space.Space;
import org.nettwin.api.testkit.EnvironmentConformance;
import org.nettwin.api.testkit.EnvironmentConformance.Options;
import org.nettwin.api.testkit.FormatRefusal;
import org.nettwin.api.testkit.TimeLimitCheck;
import org.nettwin.env.migration.MigrationGame;
import org.nettwin.env.migration.StackelbergEquilibrium;

/** The {@code migration/UavTwinMigration-v1} environment and the {@code baseline/stackelberg-equilibrium} algorithm. */
class UavTwinMigrationTest {

    private static final MigrationProvider PROVIDER = new MigrationProvider();
    private static final StackelbergBaselineProvider BASELINE = new StackelbergBaselineProvider();

    private static Scenario scenario(Map<String, ?> raw, long seed) {
        return PROVIDER.create(PROVIDER.configSchema().validate(raw, "scenario.config"), seed);
    }

    private static MigrationEnvironment env(Map<String, ?> raw, long seed) {
        return assertInstanceOf(Scenario.Multi.class, scenario(raw, seed)).environment().capability(MigrationEnvironment.class).orElseThrow();
    }

    private static List<double[]> prices(double... normalised) {
        List<double[]> list = new ArrayList<>();
        for (double u : normalised) {
            list.add(new double[] {u});
        }
        return list;
    }

    @Test
    void conformsToTheMultiAgentContract() {
        try (Scenario s = scenario(Map.of(), 1)) {
            MultiAgentEnvironment<double[], double[]> env = ((Scenario.Multi) s).environment(double[].class, double[].class);
            EnvironmentConformance.check(env);
            EnvironmentConformance.check(env, Options.DEFAULTS.withSteps(2_000).withSeed(9));
            assertEquals(List.of("price_own_1", "price_rsu1_1", "price_rsu2_1", "sold_own_1", "price_own_2"), env.observationFeatures(0).subList(0, 5));
            assertEquals(List.of("price_own_1", "price_rsu0_1", "price_rsu2_1", "sold_own_1"), env.observationFeatures(1).subList(0, 4));
        }
        try (Scenario one = scenario(Map.of("rsus", 1, "uavs", 1, "history", 1, "timeLimit", 5), 2);
                Scenario many = scenario(Map.of("rsus", 6, "uavs", 20, "history", 8), 3)) {
            EnvironmentConformance.check(((Scenario.Multi) one).environment());
            EnvironmentConformance.check(((Scenario.Multi) many).environment());
        }
    }

    @Test
    void episodesAreTruncatedByTheTimeLimitAt50RoundsByDefault() {
        TimeLimitCheck.check(PROVIDER, Map.of(), 50, 3);
    }

    @Test
    void rewardsAreTheRsusExactProfits() {
        try (MigrationEnvironment env = env(Map.of(), 4)) {
            MigrationGame g = env.game();
            env.reset(1);
            RandomGenerator random = Seeds.generator(8);
            double[] p = new double[3];
            for (int t = 0; t < 40; t++) {
                double[] u = {random.nextDouble(), random.nextDouble(), random.nextDouble()};
                MultiStep<double[]> s = env.step(prices(u));
                for (int n = 0; n < 3; n++) {
                    p[n] = g.cost(n) + u[n] * (g.priceCap() - g.cost(n));
                }
                for (int n = 0; n < 3; n++) {
                    assertEquals(p[n], env.price(n), 1e-12);
                    assertEquals(g.leaderProfit(n, p), s.reward(n), 1e-9, "reward of rsu" + n + " at round " + t);
                    // own price is the first value of the newest round in the observation
                    assertEquals(u[n], s.observation(n)[0], 1e-12);
                }
            }
        }
    }

    @Test
    void atTheEquilibriumNoRsuGainsByDeviatingInTheEnvironment() {
        try (MigrationEnvironment env = env(Map.of("timeLimit", 1_000), 5)) {
            MigrationGame g = env.game();
            StackelbergEquilibrium e = env.equilibrium().orElseThrow();
            double[] star = new double[3];
            for (int n = 0; n < 3; n++) {
                star[n] = g.normalise(n, e.price(n));
            }
            env.reset(1);
            MultiStep<double[]> s = env.step(prices(star));
            double[] equilibriumRewards = {s.reward(0), s.reward(1), s.reward(2)};
            assertEquals(1.0, s.info()[MigrationEnvironment.INFO.indexOf("profit_vs_equilibrium")], 1e-9);
            for (int n = 0; n < 3; n++) {
                assertEquals(e.profit(n), equilibriumRewards[n], 1e-9);
                for (int i = 0; i <= 100; i++) {
                    double[] u = star.clone();
                    u[n] = i / 100.0;
                    assertTrue(env.step(prices(u)).reward(n) <= equilibriumRewards[n] + 1e-9,
                            "rsu" + n + " gains by deviating to " + u[n]);
                }
            }
        }
    }

    @Test
    void baselinePostsTheEquilibriumPricesAndRefusesOtherScenarios() throws IOException {
        try (Scenario train = scenario(Map.of(), 6); Scenario eval = scenario(Map.of(), 6)) {
            EnvironmentSpec spec = EnvironmentSpec.of(train);
            assertTrue(BASELINE.incompatibility(spec, BASELINE.configSchema().defaults()).isEmpty());
            Algorithm algorithm = BASELINE.create(spec, BASELINE.configSchema().defaults(), 1);
            assertThrows(IllegalStateException.class, () -> ((Policy<double[], double[]>) cast(algorithm.policy(0))).act(new double[12]));
            long[] episodes = {0};
            TrainingListener listener = new TrainingListener() {
                @Override
                public void onEpisode(org.nettwin.api.run.EpisodeEvent event) {
                    episodes[0]++;
                }
            };
            assertEquals(500, algorithm.learn(train, 500, listener));
            assertEquals(10, episodes[0], "50-round episodes");
            MigrationEnvironment env = ((Scenario.Multi) eval).environment().capability(MigrationEnvironment.class).orElseThrow();
            StackelbergEquilibrium e = env.equilibrium().orElseThrow();
            List<double[]> actions = new ArrayList<>();
            MultiStep<double[]> s = env.reset(3);
            for (int n = 0; n < 3; n++) {
                double[] a = cast(algorithm.policy(n)).act(s.observation(n));
                assertEquals(env.game().normalise(n, e.price(n)), a[0], 1e-12);
                actions.add(a);
            }
            s = env.step(actions);
            for (int n = 0; n < 3; n++) {
                assertEquals(e.profit(n), s.reward(n), 1e-9);
            }
            // a saved policy reads back to the same price
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            algorithm.policy(1).save(out);
            assertEquals(new Identification.Known(BinaryFormats.STACKELBERG_POLICY), BinaryFormats.identify(out.toByteArray()));
            Policy<?, ?> loaded = BASELINE.loadPolicy(spec, new ByteArrayInputStream(out.toByteArray()));
            assertArrayEquals(cast(algorithm.policy(1)).act(s.observation(1)), cast(loaded).act(s.observation(1)), 0.0);
            assertEquals("not a NetTwin file (bad magic 01 02 03 04): expected a baseline/stackelberg-equilibrium policy",
                    assertThrows(IOException.class, () -> BASELINE.loadPolicy(spec, new ByteArrayInputStream(new byte[] {1, 2, 3, 4, 5, 6, 7, 8})))
                            .getMessage());
            FormatRefusal.check(BinaryFormats.STACKELBERG_POLICY, in -> BASELINE.loadPolicy(spec, in));
            assertEquals(StackelbergBaselineProvider.ID + " policy", BinaryFormats.STACKELBERG_POLICY.name(), "messages name the service");
        }
        Box obs = new Box(4, 0, 1);
        EnvironmentSpec single = new EnvironmentSpec(List.of("agent"), List.of(obs), List.of(new Box(1, 0, 1)), false);
        EnvironmentSpec discrete = new EnvironmentSpec(List.of("rsu0"), List.<Space<?>>of(obs), List.<Space<?>>of(new Discrete(3)), true);
        EnvironmentSpec named = new EnvironmentSpec(List.of("uav0"), List.<Space<?>>of(obs), List.<Space<?>>of(new Box(1, 0, 1)), true);
        for (EnvironmentSpec other : List.of(single, discrete, named)) {
            String reason = BASELINE.incompatibility(other, BASELINE.configSchema().defaults()).orElseThrow();
            assertTrue(reason.contains(MigrationProvider.ID), reason);
            assertThrows(IllegalArgumentException.class, () -> BASELINE.create(other, BASELINE.configSchema().defaults(), 1));
        }
    }

    @SuppressWarnings("unchecked")
    private static Policy<double[], double[]> cast(Policy<?, ?> p) {
        return (Policy<double[], double[]>) p;
    }

    @Test
    void snapshotRestoresTheExactState() {
        try (MigrationEnvironment env = env(Map.of(), 7)) {
            env.reset(2);
            RandomGenerator random = Seeds.generator(4);
            for (int t = 0; t < 10; t++) {
                env.step(prices(random.nextDouble(), random.nextDouble(), random.nextDouble()));
            }
            Object snapshot = env.snapshot();
            double[][] plan = new double[20][];
            double[] rewards = new double[20];
            double[][] observations = new double[20][];
            for (int t = 0; t < 20; t++) {
                plan[t] = new double[] {random.nextDouble(), random.nextDouble(), random.nextDouble()};
                MultiStep<double[]> s = env.step(prices(plan[t]));
                rewards[t] = s.reward(2);
                observations[t] = s.observation(2).clone();
            }
            env.restore(snapshot);
            for (int t = 0; t < 20; t++) {
                MultiStep<double[]> s = env.step(prices(plan[t]));
                assertEquals(rewards[t], s.reward(2), 0.0);
                assertArrayEquals(observations[t], s.observation(2), 0.0);
            }
            try (MigrationEnvironment other = env(Map.of(), 8)) {
                other.reset(1);
                assertThrows(IllegalArgumentException.class, () -> env.restore(other.snapshot()), "another creation seed, another game");
            }
        }
    }

    @Test
    void invalidConfigurationNamesTheFieldAndRange() {
        ConfigException e = assertThrows(ConfigException.class, () -> scenario(Map.of("rsus", 0), 1));
        assertTrue(e.getMessage().contains("scenario.config.rsus") && e.getMessage().contains("[1, 16]"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> scenario(Map.of("kappa", 0.0), 1));
        assertTrue(e.getMessage().contains("scenario.config.kappa"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> scenario(Map.of("cost", 3.0, "priceCap", 2.0), 1));
        assertTrue(e.getMessage().startsWith("scenario.config.priceCap") && e.getMessage().contains("above cost"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> scenario(Map.of("immersionWeight", List.of(50.0, 30.0)), 1));
        assertTrue(e.getMessage().startsWith("scenario.config.immersionWeight"), e.getMessage());
    }

    @Test
    void anInstanceWithoutAReachableEquilibriumStillRunsAndTheBaselineExplains() {
        // a small kappa with heterogeneous UAVs can make a leader's profit two-peaked (see README)
        boolean sawMissing = false;
        for (long seed = 1; seed <= 12; seed++) {
            try (Scenario s = scenario(Map.of("kappa", 0.1), seed)) {
                MigrationEnvironment env = ((Scenario.Multi) s).environment().capability(MigrationEnvironment.class).orElseThrow();
                MultiStep<double[]> step = env.reset(1);
                step = env.step(prices(0.2, 0.4, 0.6));
                double ratio = step.info()[MigrationEnvironment.INFO.indexOf("profit_vs_equilibrium")];
                if (env.equilibrium().isPresent()) {
                    StackelbergEquilibrium e = env.equilibrium().get();
                    assertTrue(e.maxUnilateralGain(env.game(), 400) <= 1e-9 * Math.max(1.0, e.profit(0)), "seed " + seed);
                    assertTrue(ratio > 0);
                } else {
                    sawMissing = true;
                    assertEquals(0.0, ratio);
                    assertTrue(env.capability(StackelbergEquilibrium.class).isEmpty());
                    Algorithm algorithm = BASELINE.create(EnvironmentSpec.of(s), BASELINE.configSchema().defaults(), 1);
                    IllegalStateException e = assertThrows(IllegalStateException.class, () -> algorithm.learn(s, 10, TrainingListener.NONE));
                    assertTrue(e.getMessage().contains("no pure-strategy equilibrium"), e.getMessage());
                }
            }
        }
        assertTrue(sawMissing, "kappa = 0.1 is expected to produce at least one instance without a reachable equilibrium in 12 seeds");
    }

    @Test
    void defaultsGiveAnInteriorEquilibriumWhereEveryRsuSells() {
        try (MigrationEnvironment env = env(Map.of(), 1)) {
            StackelbergEquilibrium e = env.equilibrium().orElseThrow();
            for (int n = 0; n < 3; n++) {
                assertTrue(e.price(n) > env.game().cost(n) && e.price(n) < env.game().priceCap(), e.toString());
                assertTrue(e.profit(n) > 0, e.toString());
            }
        }
    }
}
