package org.nettwin.rl.tabular.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nettwin.api.config.Config;
import org.nettwin.api.env.MdpTables;
import org.nettwin.api.io.BinaryFormats;
import org.nettwin.api.io.Identification;
import org.nettwin.api.rl.Algorithm;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.rl.Policy;
import org.nettwin.api.rl.Rollouts;
import org.nettwin.api.run.TrainingListener;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.space.Box;
import org.nettwin.api.space.Discrete;
import org.nettwin.api.space.Simplex;
import org.nettwin.api.testkit.FormatRefusal;
import org.nettwin.api.testkit.ParallelRandomWalkEnvironment;
import org.nettwin.api.testkit.RandomWalkEnvironment;
import org.nettwin.api.testkit.RecordingListener;

class QLearningTest {

    final QLearningProvider provider = new QLearningProvider();

    Config config(Map<String, Object> overrides) {
        return provider.configSchema().validate(overrides, "");
    }

    /** Optimal greedy actions of a finite MDP by value iteration on its exact tables. */
    static int[] optimalActions(MdpTables t, double gamma) {
        double[] v = new double[t.stateCount()];
        int[] best = new int[t.stateCount()];
        for (int iteration = 0; iteration < 2000; iteration++) {
            double[] next = new double[v.length];
            for (int s = 0; s < v.length; s++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int a = 0; a < t.actionCount(); a++) {
                    double q = t.reward(s, a);
                    for (int i = 0; i < t.successorCount(s, a); i++) {
                        q += gamma * t.successorProbability(s, a, i) * v[t.successor(s, a, i)];
                    }
                    if (q > max + 1e-12) {
                        max = q;
                        best[s] = a;
                    }
                }
                next[s] = max;
            }
            v = next;
        }
        return best;
    }

    @Test
    void learnsTheOptimalPolicyOfAKnownMdpAndBeatsRandom() {
        RandomWalkEnvironment env = new RandomWalkEnvironment(10, 0.2, 100);
        Config cfg = config(Map.of("bins", 11, "alpha", 0.2, "gamma", 0.95, "epsilonSteps", 20_000L));
        Algorithm q = provider.create(EnvironmentSpec.of(env), cfg, 7);
        RecordingListener listener = new RecordingListener();
        assertEquals(30_000, q.learn(new Scenario.Single(env), 30_000, listener));
        assertTrue(listener.episodes().size() > 100, "episodes reported");
        int[] optimal = optimalActions(env.tables(), 0.95);
        QPolicy policy = (QPolicy) q.policy();
        for (int position = 1; position < 10; position++) {
            int state = env.stateIndex(new double[] {position});
            assertEquals(optimal[state], policy.table.greedy(policy.state(new double[] {position})), "position " + position);
        }
        RandomWalkEnvironment eval = new RandomWalkEnvironment(10, 0.2, 100);
        double learned = Rollouts.meanReturn(eval, q.policy(), 200, 99, 1000);
        Algorithm random = provider.create(EnvironmentSpec.of(eval), config(Map.of("bins", 11)), 7);
        double untrained = Rollouts.meanReturn(eval, random.policy(), 200, 99, 1000, org.nettwin.api.Seeds.generator(1));
        assertTrue(learned > 0.9, "learned mean return " + learned);
        assertTrue(learned > untrained + 0.5, "learned " + learned + " vs exploring untrained " + untrained);
    }

    @Test
    void independentLearnersImproveEveryAgentInParallelWalks() {
        ParallelRandomWalkEnvironment env = new ParallelRandomWalkEnvironment();
        Algorithm q = provider.create(EnvironmentSpec.of(env), config(Map.of("epsilonSteps", 10_000L)), 3);
        q.learn(new Scenario.Multi(env), 20_000, TrainingListener.NONE);
        List<Policy<?, ?>> learned = List.of(q.policy(0), q.policy(1), q.policy(2));
        double trained = Rollouts.meanReturn(new ParallelRandomWalkEnvironment(), learned, 100, 5, 1000);
        Algorithm fresh = provider.create(EnvironmentSpec.of(env), config(Map.of("initialQ", 0.0)), 3);
        double untrained = Rollouts.meanReturn(new ParallelRandomWalkEnvironment(), List.of(fresh.policy(0), fresh.policy(1), fresh.policy(2)), 100, 5,
                1000);
        assertTrue(trained > untrained + 0.3, "trained " + trained + " vs untrained greedy " + untrained);
    }

    @Test
    void sameSeedSameTableAndSaveLoadRoundTrips() throws IOException {
        byte[][] saved = new byte[2][];
        for (int i = 0; i < 2; i++) {
            RandomWalkEnvironment env = new RandomWalkEnvironment();
            Algorithm q = provider.create(EnvironmentSpec.of(env), config(Map.of()), 11);
            q.learn(new Scenario.Single(env), 3000, TrainingListener.NONE);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            q.policy().save(out);
            saved[i] = out.toByteArray();
        }
        assertArrayEquals(saved[0], saved[1]);
        assertEquals(new Identification.Known(BinaryFormats.Q_LEARNING_POLICY), BinaryFormats.identify(saved[0]));
        RandomWalkEnvironment env = new RandomWalkEnvironment();
        QPolicy loaded = (QPolicy) provider.loadPolicy(EnvironmentSpec.of(env), new ByteArrayInputStream(saved[0]));
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        loaded.save(again);
        assertArrayEquals(saved[0], again.toByteArray());
        saved[0][saved[0].length - 20] ^= 1;
        IOException corrupt = assertThrows(IOException.class, () -> provider.loadPolicy(EnvironmentSpec.of(env), new ByteArrayInputStream(saved[0])));
        assertTrue(corrupt.getMessage().contains("checksum"), corrupt.getMessage());
        IOException truncated = assertThrows(IOException.class,
                () -> provider.loadPolicy(EnvironmentSpec.of(env), new ByteArrayInputStream(java.util.Arrays.copyOf(saved[1], 40))));
        assertTrue(truncated.getMessage().contains("truncated"), truncated.getMessage());
    }

    @Test
    void aFileOfAnotherKindIsRefusedByName() {
        EnvironmentSpec spec = EnvironmentSpec.of(new RandomWalkEnvironment());
        FormatRefusal.check(BinaryFormats.Q_LEARNING_POLICY, in -> provider.loadPolicy(spec, in));
    }

    @Test
    void refusesContinuousActionsAndHugeTables() {
        EnvironmentSpec shares = new EnvironmentSpec(List.of("agent"), List.of(new Box(2, 0, 1)), List.of(new Simplex(3)), false);
        assertTrue(provider.incompatibility(shares, provider.configSchema().defaults()).orElseThrow().contains("needs discrete actions"));
        EnvironmentSpec wide = new EnvironmentSpec(List.of("agent"), List.of(new Box(12, 0, 1)), List.of(new Discrete(4)), false);
        assertTrue(provider.incompatibility(wide, provider.configSchema().defaults()).isPresent());
        EnvironmentSpec fine = new EnvironmentSpec(List.of("agent"), List.of(new Box(2, 0, 1)), List.of(new Discrete(4)), false);
        assertTrue(provider.incompatibility(fine, provider.configSchema().defaults()).isEmpty());
    }

    /**
     * The case of issue 11: {@code "bins": 4} was refused "at 10 bins" (the default) with an
     * internal limit. The spec is that of urllc/ApSelection-v1 with three access points (10
     * normalised coordinates, 3 actions).
     */
    @Test
    void theRefusalUsesTheConfiguredBinsAndNamesTheConfiguredLimit() {
        EnvironmentSpec urllc = new EnvironmentSpec(List.of("agent"), List.of(new Box(10, -1, 1)), List.of(new Discrete(3)), false);
        String atTen = provider.incompatibility(urllc, config(Map.of())).orElseThrow();
        assertTrue(atTen.contains("at 10 bins") && atTen.contains("maxStates=10000000"), atTen);
        assertTrue(provider.incompatibility(urllc, config(Map.of("bins", 4))).isEmpty(), "4^10 = 1,048,576 rows fit maxStates = 10^7");
        Algorithm fourBins = provider.create(urllc, config(Map.of("bins", 4)), 1);
        assertEquals(1_048_576L * 3, fourBins.policy().parameterCount());
        String smaller = provider.incompatibility(urllc, config(Map.of("bins", 4, "maxStates", 1_000_000L))).orElseThrow();
        assertTrue(smaller.contains("at 4 bins") && smaller.contains("maxStates=1000000"), smaller);
        assertThrows(IllegalArgumentException.class, () -> provider.create(urllc, config(Map.of("bins", 4, "maxStates", 1_000_000L)), 1));
        // within maxStates but beyond the entries one table may hold (the README names the limit)
        EnvironmentSpec four = new EnvironmentSpec(List.of("agent"), List.of(new Box(4, 0, 1)), List.of(new Discrete(4)), false);
        String entries = provider.incompatibility(four, config(Map.of("bins", 60, "maxStates", 100_000_000L))).orElseThrow();
        assertTrue(entries.contains("12960000 rows") && entries.contains("51840000 entries") && entries.contains("50000000"), entries);
        assertTrue(provider.incompatibility(four, config(Map.of("bins", 59, "maxStates", 100_000_000L))).isEmpty(), "59^4 x 4 = 48,469,444");
    }

    @Test
    void anExponentialExplorationScheduleNeedsAPositiveEnd() {
        var e = assertThrows(org.nettwin.api.config.ConfigException.class,
                () -> provider.configSchema().validate(Map.of("epsilonSchedule", "exponential", "epsilonEnd", 0.0), "algorithm.config"));
        assertEquals("algorithm.config.epsilonEnd", e.problems().get(0).path(), e.getMessage());
    }
}
