package org.nettwin.rl.dqn.internal;

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
import org.nettwin.api.io.BinaryFormats;
import org.nettwin.api.rl.Algorithm;
import org.nettwin.api.rl.Checkpointable;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.rl.Rollouts;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.space.Box;
import org.nettwin.api.space.Discrete;
import org.nettwin.api.space.Simplex;
import org.nettwin.api.testkit.FormatRefusal;
import org.nettwin.api.testkit.ParallelRandomWalkEnvironment;
import org.nettwin.api.testkit.RandomWalkEnvironment;
import org.nettwin.api.testkit.RecordingListener;

class DqnTest {

    final DqnProvider provider = new DqnProvider();

    Config config(Map<String, Object> values) {
        return provider.configSchema().validate(values, "");
    }

    static final Map<String, Object> FAST = Map.of("learningStarts", 200, "epsilonSteps", 10_000L, "targetUpdateSteps", 200,
            "gamma", 0.95, "hidden", List.of(32, 16));

    @Test
    void learnsTheOptimalPolicyOfAKnownMdp() {
        RandomWalkEnvironment env = new RandomWalkEnvironment(10, 0.1, 100);
        Algorithm dqn = provider.create(EnvironmentSpec.of(env), config(FAST), 5);
        RecordingListener listener = new RecordingListener();
        assertEquals(20_000, dqn.learn(new Scenario.Single(env), 20_000, listener));
        assertTrue(listener.metrics().stream().anyMatch(m -> m.name().equals("loss")), "losses reported");
        DqnPolicy policy = (DqnPolicy) dqn.policy();
        for (int position = 1; position < 10; position++) {
            assertEquals(RandomWalkEnvironment.RIGHT, policy.act(new double[] {position}), "position " + position);
        }
        double learned = Rollouts.meanReturn(new RandomWalkEnvironment(10, 0.1, 100), dqn.policy(), 100, 7, 1000);
        assertTrue(learned > 0.9, "mean return " + learned);
    }

    @Test
    void sameSeedSameNetworkAndSaveLoadRoundTrips() throws IOException {
        byte[][] saved = new byte[2][];
        for (int i = 0; i < 2; i++) {
            RandomWalkEnvironment env = new RandomWalkEnvironment();
            Algorithm dqn = provider.create(EnvironmentSpec.of(env), config(FAST), 11);
            dqn.learn(new Scenario.Single(env), 1_500, org.nettwin.api.run.TrainingListener.NONE);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            dqn.policy().save(out);
            saved[i] = out.toByteArray();
        }
        assertArrayEquals(saved[0], saved[1], "same seed, same weights after training");
        EnvironmentSpec spec = EnvironmentSpec.of(new RandomWalkEnvironment());
        DqnPolicy loaded = (DqnPolicy) provider.loadPolicy(spec, new ByteArrayInputStream(saved[0]));
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        loaded.save(again);
        assertArrayEquals(saved[0], again.toByteArray());
        byte[] corrupt = saved[0].clone();
        corrupt[corrupt.length - 30] ^= 4;
        assertThrows(IOException.class, () -> provider.loadPolicy(spec, new ByteArrayInputStream(corrupt)));
        EnvironmentSpec other = new EnvironmentSpec(List.of("agent"), List.of(new Box(2, 0, 1)), List.of(new Discrete(2)), false);
        IOException wrong = assertThrows(IOException.class, () -> provider.loadPolicy(other, new ByteArrayInputStream(saved[0])));
        assertTrue(wrong.getMessage().contains("was saved for"), wrong.getMessage());
    }

    @Test
    void checkpointHandsTheWholeLearningStateToAnotherAgent() throws IOException {
        RandomWalkEnvironment env = new RandomWalkEnvironment();
        Algorithm trained = provider.create(EnvironmentSpec.of(env), config(FAST), 11);
        trained.learn(new Scenario.Single(env), 3_000, org.nettwin.api.run.TrainingListener.NONE);
        Checkpointable source = trained.capability(Checkpointable.class).orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        source.saveCheckpoint(out);
        byte[] checkpoint = out.toByteArray();

        Algorithm fresh = provider.create(EnvironmentSpec.of(env), config(FAST), 99);
        Checkpointable target = fresh.capability(Checkpointable.class).orElseThrow();
        ByteArrayOutputStream before = new ByteArrayOutputStream();
        target.saveCheckpoint(before);
        byte[] truncated = java.util.Arrays.copyOf(checkpoint, checkpoint.length - 7);
        assertThrows(IOException.class, () -> target.loadCheckpoint(new ByteArrayInputStream(truncated)));
        ByteArrayOutputStream unchanged = new ByteArrayOutputStream();
        target.saveCheckpoint(unchanged);
        assertArrayEquals(before.toByteArray(), unchanged.toByteArray(), "a failed load leaves the state alone");

        target.loadCheckpoint(new ByteArrayInputStream(checkpoint));
        ByteArrayOutputStream after = new ByteArrayOutputStream();
        target.saveCheckpoint(after);
        assertArrayEquals(checkpoint, after.toByteArray(), "networks, Adam moments and counters taken over");
        for (int position = 0; position <= 10; position++) {
            double[] obs = {position};
            assertEquals(((DqnPolicy) trained.policy()).act(obs), ((DqnPolicy) fresh.policy()).act(obs), "position " + position);
        }
        RandomWalkEnvironment small = new RandomWalkEnvironment(4, 0.1, 100);
        Algorithm otherShape = provider.create(EnvironmentSpec.of(small), config(Map.of("hidden", List.of(8))), 1);
        IOException wrong = assertThrows(IOException.class,
                () -> otherShape.capability(Checkpointable.class).orElseThrow().loadCheckpoint(new ByteArrayInputStream(checkpoint)));
        assertTrue(wrong.getMessage().contains("saved for") || wrong.getMessage().contains("networks"), wrong.getMessage());
    }

    @Test
    void aFileOfAnotherKindIsRefusedByName() throws IOException {
        RandomWalkEnvironment env = new RandomWalkEnvironment();
        EnvironmentSpec spec = EnvironmentSpec.of(env);
        Algorithm dqn = provider.create(spec, config(FAST), 3);
        Checkpointable checkpoints = dqn.capability(Checkpointable.class).orElseThrow();
        FormatRefusal.check(BinaryFormats.DQN_POLICY, in -> provider.loadPolicy(spec, in));
        FormatRefusal.check(BinaryFormats.DQN_CHECKPOINT, checkpoints::loadCheckpoint);

        ByteArrayOutputStream policy = new ByteArrayOutputStream();
        dqn.policy().save(policy);
        ByteArrayOutputStream checkpoint = new ByteArrayOutputStream();
        checkpoints.saveCheckpoint(checkpoint);
        assertEquals("this is a rl/dqn checkpoint, not a rl/dqn policy", assertThrows(IOException.class,
                () -> provider.loadPolicy(spec, new ByteArrayInputStream(checkpoint.toByteArray()))).getMessage());
        assertEquals("this is a rl/dqn policy, not a rl/dqn checkpoint", assertThrows(IOException.class,
                () -> checkpoints.loadCheckpoint(new ByteArrayInputStream(policy.toByteArray()))).getMessage());
    }

    @Test
    void refusesContinuousActionsAndParallelScenarios() {
        EnvironmentSpec shares = new EnvironmentSpec(List.of("agent"), List.of(new Box(2, 0, 1)), List.of(new Simplex(3)), false);
        assertTrue(provider.incompatibility(shares, provider.configSchema().defaults()).orElseThrow().contains("needs discrete actions"));
        assertTrue(provider.incompatibility(EnvironmentSpec.of(new ParallelRandomWalkEnvironment()), provider.configSchema().defaults()).isPresent());
        assertTrue(provider.incompatibility(EnvironmentSpec.of(new RandomWalkEnvironment()), provider.configSchema().defaults()).isEmpty());
    }

    @Test
    void theConfigurationRecordKeepsTheNamesDefaultsAndLocatesItsRules() {
        assertEquals(List.of("hidden", "learningRate", "gamma", "batchSize", "bufferSize", "learningStarts", "trainEvery", "targetUpdateSteps",
                "tau", "doubleDqn", "huberDelta", "maxGradNorm", "standardizeObservations", "epsilonSchedule", "epsilonStart", "epsilonEnd",
                "epsilonSteps"), List.copyOf(provider.configSchema().parameters().keySet()));
        assertEquals(new DqnConfig(List.of(64, 24), 1e-3, 0.99, 32, 50_000, 1_000, 1, 500, 0.0, true, 1.0, 10.0, true, "linear", 1.0, 0.05,
                10_000), provider.configSchema().defaults().as(DqnConfig.class));
        var e = assertThrows(org.nettwin.api.config.ConfigException.class,
                () -> provider.configSchema().validate(Map.of("epsilonSchedule", "exponential", "epsilonEnd", 0.0), "algorithm.config"));
        assertEquals("algorithm.config.epsilonEnd", e.problems().get(0).path(), e.getMessage());
        assertTrue(provider.configSchema().validate(Map.of("epsilonSchedule", "exponential", "epsilonEnd", 0.01), "").has("epsilonEnd"));
    }
}
