package org.nettwin.rl.ppo.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nettwin.api.SeededRandom;
import org.nettwin.api.Seeds;
import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.config.Config;
import org.nettwin.api.io.BinaryFormats;
import org.nettwin.api.rl.Algorithm;
import org.nettwin.api.rl.Checkpointable;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.rl.LossSurface;
import org.nettwin.api.rl.Policy;
import org.nettwin.api.rl.Rollouts;
import org.nettwin.api.run.TrainingListener;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.space.Box;
import org.nettwin.api.space.DictSpace;
import org.nettwin.api.space.Discrete;
import org.nettwin.api.testkit.FormatRefusal;
import org.nettwin.api.testkit.ParallelRandomWalkEnvironment;
import org.nettwin.api.testkit.RandomWalkEnvironment;
import org.nettwin.api.testkit.RecordingListener;
import org.nettwin.api.testkit.SteadyStateAllocation;

/** PPO and MAPPO on small tasks whose optimal policies are known, determinism, files and refusals. */
class PpoTest {

    final PpoProvider provider = new PpoProvider();

    Config config(Map<String, Object> values) {
        return provider.configSchema().validate(values, "");
    }

    static final Map<String, Object> WALK = Map.of("nSteps", 512, "minibatches", 8, "gamma", 0.95);

    @Test
    void learnsTheOptimalPolicyOfAKnownMdpAndReportsItsMetrics() {
        RandomWalkEnvironment env = new RandomWalkEnvironment(10, 0.1, 100);
        Algorithm ppo = provider.create(EnvironmentSpec.of(env), config(WALK), 5);
        RecordingListener listener = new RecordingListener();
        assertEquals(15_000, ppo.learn(new Scenario.Single(env), 15_000, listener));
        listener.assertNoProblems();
        for (String metric : List.of("policyLoss", "valueLoss", "entropy", "approxKl", "clipFraction", "learningRate")) {
            assertTrue(listener.metricValues(metric).length >= 29, metric + " reported per update");
        }
        double[] entropy = listener.metricValues("entropy");
        assertTrue(entropy[entropy.length - 1] < 0.5 * entropy[0], "the policy becomes decisive: entropy " + entropy[0] + " -> "
                + entropy[entropy.length - 1]);
        Policy<?, ?> policy = ppo.policy();
        @SuppressWarnings("unchecked")
        Policy<double[], Integer> walk = (Policy<double[], Integer>) policy;
        for (int position = 1; position < 10; position++) {
            assertEquals(RandomWalkEnvironment.RIGHT, walk.act(new double[] {position}), "position " + position);
        }
        double learned = Rollouts.meanReturn(new RandomWalkEnvironment(10, 0.1, 100), policy, 100, 7, 1000);
        assertTrue(learned > 0.85, "mean return " + learned);
    }

    @Test
    void multiAgentPpoLearnsEveryWalkerToGoRightWithSharedAndSeparateNetworks() {
        for (boolean sharing : new boolean[] {true, false}) {
            ParallelRandomWalkEnvironment env = new ParallelRandomWalkEnvironment(3, 6, 0.1, 50);
            Map<String, Object> c = new HashMap<>(WALK);
            c.put("parameterSharing", sharing);
            c.put("nSteps", 256);
            Algorithm ppo = provider.create(EnvironmentSpec.of(env), config(c), 9);
            ppo.learn(new Scenario.Multi(env), 8_000, TrainingListener.NONE);
            List<Policy<?, ?>> policies = List.of(ppo.policy(0), ppo.policy(1), ppo.policy(2));
            assertEquals(sharing, ((PpoPolicy) policies.get(0)).actor == ((PpoPolicy) policies.get(2)).actor, "one actor iff sharing");
            double learned = Rollouts.meanReturn(new ParallelRandomWalkEnvironment(3, 6, 0.1, 50), policies, 50, 3, 1000);
            assertTrue(learned > 0.85, "sharing " + sharing + ": mean return " + learned);
        }
    }

    @Test
    void continuousBoxActionsLearnTheTargetMean() {
        TargetEnvironment env = TargetEnvironment.box(2, 10);
        Algorithm ppo = provider.create(EnvironmentSpec.of(env), config(Map.of("nSteps", 500, "minibatches", 10, "gamma", 0.5,
                "learningRateStart", 1e-3, "learningRateEnd", 1e-3)), 3);
        double before = Rollouts.meanReturn(TargetEnvironment.box(2, 10), ppo.policy(), 50, 1, 100);
        ppo.learn(new Scenario.Single(env), 20_000, TrainingListener.NONE);
        double after = Rollouts.meanReturn(TargetEnvironment.box(2, 10), ppo.policy(), 50, 1, 100);
        double random = Rollouts.meanReturn(TargetEnvironment.box(2, 10), ppo.policy(), 50, 1, 100, Seeds.generator(4));
        // copying the target is optimal (0); the untrained mean policy pays about 10 · 2/3 per episode
        assertTrue(after > -0.5 && after > 5 * before, "return " + before + " -> " + after);
        assertTrue(((PpoPolicy) ppo.policy()).logStd[0] < -0.5, "exploration noise shrinks: log-std " + ((PpoPolicy) ppo.policy()).logStd[0]);
        assertTrue(random < after, "sampling is noisier than the mean: " + random);
    }

    @Test
    void simplexSharesAreASoftmaxOfGaussianLogitsAndLearnTheTarget() {
        TargetEnvironment env = TargetEnvironment.simplex(3, 10);
        Algorithm ppo = provider.create(EnvironmentSpec.of(env), config(Map.of("nSteps", 500, "minibatches", 10, "gamma", 0.5,
                "learningRateStart", 1e-3, "learningRateEnd", 1e-3)), 3);
        double before = Rollouts.meanReturn(TargetEnvironment.simplex(3, 10), ppo.policy(), 50, 1, 100);
        ppo.learn(new Scenario.Single(env), 20_000, TrainingListener.NONE);
        double after = Rollouts.meanReturn(TargetEnvironment.simplex(3, 10), ppo.policy(), 50, 1, 100);
        assertTrue(after > 2 * before, "return " + before + " -> " + after);
        double[] shares = (double[]) ((PpoPolicy) ppo.policy()).act(new double[] {0.8, 0.1, 0.1});
        assertEquals(1.0, shares[0] + shares[1] + shares[2], 1e-12);
        assertTrue(shares[0] > 0.5, "follows the target's largest share: " + java.util.Arrays.toString(shares));
    }

    byte[] trainedPolicy(long seed, long steps) throws IOException {
        RandomWalkEnvironment env = new RandomWalkEnvironment();
        Algorithm ppo = provider.create(EnvironmentSpec.of(env), config(Map.of("nSteps", 256, "minibatches", 4)), seed);
        ppo.learn(new Scenario.Single(env), steps, TrainingListener.NONE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ppo.policy().save(out);
        return out.toByteArray();
    }

    @Test
    void sameSeedSameWeightsAndPolicyFilesRoundTrip() throws IOException {
        byte[] a = trainedPolicy(11, 1_000);
        assertArrayEquals(a, trainedPolicy(11, 1_000), "same seed, same weights after training");
        assertFalse(java.util.Arrays.equals(a, trainedPolicy(12, 1_000)), "another seed, other weights");
        EnvironmentSpec spec = EnvironmentSpec.of(new RandomWalkEnvironment());
        Policy<?, ?> loaded = provider.loadPolicy(spec, new ByteArrayInputStream(a));
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        loaded.save(again);
        assertArrayEquals(a, again.toByteArray());
        byte[] corrupt = a.clone();
        corrupt[corrupt.length - 30] ^= 4;
        assertThrows(IOException.class, () -> provider.loadPolicy(spec, new ByteArrayInputStream(corrupt)));
        EnvironmentSpec other = new EnvironmentSpec(List.of("agent"), List.of(new Box(2, 0, 1)), List.of(new Discrete(2)), false);
        IOException wrong = assertThrows(IOException.class, () -> provider.loadPolicy(other, new ByteArrayInputStream(a)));
        assertTrue(wrong.getMessage().contains("was saved for"), wrong.getMessage());
        IOException cut = assertThrows(IOException.class, () -> provider.loadPolicy(spec, new ByteArrayInputStream(a, 0, 20)));
        assertTrue(cut.getMessage().contains("truncated"), cut.getMessage());
    }

    @Test
    void checkpointRoundTripContinuesIdentically() throws IOException {
        EnvironmentSpec spec = EnvironmentSpec.of(new RandomWalkEnvironment());
        Config c = config(Map.of("nSteps", 256, "minibatches", 4, "epochs", 3, "learningRateSchedule", "linear", "learningRateSteps", 4_000L));
        Algorithm original = provider.create(spec, c, 21);
        original.learn(new Scenario.Single(new RandomWalkEnvironment()), 1_024, TrainingListener.NONE);
        ByteArrayOutputStream checkpoint = new ByteArrayOutputStream();
        original.capability(Checkpointable.class).orElseThrow().saveCheckpoint(checkpoint);
        // same creation seed (it seeds the episodes' resets, which are not learning state); the
        // weights, optimiser moments, counters and random stream come from the checkpoint
        Algorithm restored = provider.create(spec, c, 21);
        restored.capability(Checkpointable.class).orElseThrow().loadCheckpoint(new ByteArrayInputStream(checkpoint.toByteArray()));
        RecordingListener first = new RecordingListener();
        RecordingListener second = new RecordingListener();
        original.learn(new Scenario.Single(new RandomWalkEnvironment()), 1_024, first);
        restored.learn(new Scenario.Single(new RandomWalkEnvironment()), 1_024, second);
        assertArrayEquals(save(original.policy()), save(restored.policy()), "identical weights after continuing");
        assertEquals(first.episodes(), second.episodes(), "identical episodes, numbered on from the checkpoint");
        assertArrayEquals(first.metricValues("policyLoss"), second.metricValues("policyLoss"));

        byte[] bytes = checkpoint.toByteArray();
        Checkpointable target = provider.create(spec, c, 5).capability(Checkpointable.class).orElseThrow();
        byte[] corrupt = bytes.clone();
        corrupt[bytes.length / 2] ^= 1;
        assertTrue(assertThrows(IOException.class, () -> target.loadCheckpoint(new ByteArrayInputStream(corrupt))).getMessage()
                .contains("CRC-32"));
        assertTrue(assertThrows(IOException.class, () -> target.loadCheckpoint(new ByteArrayInputStream(bytes, 0, bytes.length - 9)))
                .getMessage().contains("truncated"));
        Algorithm wider = provider.create(spec, config(Map.of("nSteps", 256, "minibatches", 4, "actorHidden", List.of(32))), 5);
        byte[] before = save(wider.policy());
        IOException mismatch = assertThrows(IOException.class,
                () -> wider.capability(Checkpointable.class).orElseThrow().loadCheckpoint(new ByteArrayInputStream(bytes)));
        assertTrue(mismatch.getMessage().contains("differ"), mismatch.getMessage());
        assertArrayEquals(before, save(wider.policy()), "a refused checkpoint changes nothing");
    }

    @Test
    void aFileOfAnotherKindIsRefusedByName() throws IOException {
        EnvironmentSpec spec = EnvironmentSpec.of(new RandomWalkEnvironment());
        Algorithm ppo = provider.create(spec, config(Map.of("nSteps", 256, "minibatches", 4)), 2);
        Checkpointable checkpoints = ppo.capability(Checkpointable.class).orElseThrow();
        byte[] before = save(ppo.policy());
        FormatRefusal.check(BinaryFormats.PPO_POLICY, in -> provider.loadPolicy(spec, in));
        FormatRefusal.check(BinaryFormats.PPO_CHECKPOINT, checkpoints::loadCheckpoint);
        assertArrayEquals(before, save(ppo.policy()), "refused files change nothing");

        ByteArrayOutputStream checkpoint = new ByteArrayOutputStream();
        checkpoints.saveCheckpoint(checkpoint);
        assertEquals("this is a rl/ppo checkpoint, not a rl/ppo policy", assertThrows(IOException.class,
                () -> provider.loadPolicy(spec, new ByteArrayInputStream(checkpoint.toByteArray()))).getMessage());
        assertEquals("this is a rl/ppo policy, not a rl/ppo checkpoint", assertThrows(IOException.class,
                () -> checkpoints.loadCheckpoint(new ByteArrayInputStream(before))).getMessage());
    }

    @Test
    void lossSurfaceOffersActorAndCriticWithFiltersAndLossesOnDataAndTheLastRollout() {
        RandomWalkEnvironment env = new RandomWalkEnvironment();
        Algorithm ppo = provider.create(EnvironmentSpec.of(env), config(WALK), 4);
        ppo.learn(new Scenario.Single(env), 3_000, TrainingListener.NONE);
        LossSurface surface = ppo.capability(LossSurface.class).orElseThrow();
        assertEquals(List.of("actor", "critic"), surface.networks());
        TransitionDataset data = new TransitionDataset(1, 1, Map.of());
        SeededRandom random = Seeds.generator(8);
        RandomWalkEnvironment walk = new RandomWalkEnvironment();
        var step = walk.reset(3);
        for (int i = 0, episode = 0; i < 500; i++) {
            double[] position = step.observation().clone();
            int action = (Integer) ((PpoPolicy) ppo.policy()).sample(position, random);
            step = walk.step(action);
            data.add(episode, position, new double[] {action}, step.reward(), step.observation().clone(), step.terminated(), step.truncated());
            if (step.done()) {
                step = walk.reset();
                episode++;
            }
        }
        for (String network : surface.networks()) {
            double[] trained = surface.parameters(network);
            int[] filters = surface.filters(network);
            assertEquals(trained.length, filters.length);
            long biases = java.util.Arrays.stream(filters).filter(f -> f == -1).count();
            assertEquals(network.equals("actor") ? 64 + 64 + 2 : 64 + 64 + 1, biases, network + " biases");
            assertEquals(network.equals("actor") ? 64 + 64 + 2 - 1 : 64 + 64 + 1 - 1, java.util.Arrays.stream(filters).max().orElseThrow());
            double atTrained = surface.loss(network, trained, data);
            double[] far = trained.clone();
            for (int k = 0; k < far.length; k++) {
                far[k] += filters[k] >= 0 ? 2 * random.nextGaussian() : 0;
            }
            assertTrue(Double.isFinite(surface.loss(network, far, null)), "last rollout's loss");
            if (network.equals("actor")) {
                // at the trained policy every ratio is 1 and normalised advantages average 0
                assertEquals(0.0, atTrained, 1e-9);
            } else {
                assertTrue(surface.loss(network, far, data) > atTrained, "perturbing the critic raises its loss from " + atTrained);
            }
            assertArrayEquals(trained, surface.parameters(network), "the trained parameters stay");
        }
    }

    @Test
    void rolloutsAndUpdatesAllocateNothing() {
        TargetEnvironment env = TargetEnvironment.box(2, 1_000_000); // one episode: no reset inside the measurement
        Algorithm ppo = provider.create(EnvironmentSpec.of(env), config(Map.of("nSteps", 500, "minibatches", 10, "epochs", 2)), 3);
        Scenario scenario = new Scenario.Single(env);
        long bytes = SteadyStateAllocation.of(() -> ppo.learn(scenario, 5_000, TrainingListener.NONE), 2_000,
                Duration.ofSeconds(60)); // 10 rollouts and updates per window
        assertTrue(bytes < 2_000, bytes + " bytes allocated over 5,000 steps and 10 updates once compiled (the seeded reset"
                + " of learn names its stream)");
    }

    static byte[] save(Policy<?, ?> policy) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        policy.save(out);
        return out.toByteArray();
    }

    @Test
    void refusesIncompatibleSpecsAndScenariosWithClearMessages() {
        EnvironmentSpec dict = new EnvironmentSpec(List.of("agent"), List.of(new Box(2, 0, 1)),
                List.of(new DictSpace(java.util.Map.of("a", new Discrete(2)))), false);
        assertTrue(provider.incompatibility(dict, provider.configSchema().defaults()).orElseThrow().contains("no action distribution for Dict"),
                provider.incompatibility(dict, provider.configSchema().defaults()).orElseThrow());
        EnvironmentSpec mixed = new EnvironmentSpec(List.of("a", "b"), List.of(new Box(2, 0, 1), new Box(3, 0, 1)),
                List.of(new Discrete(2), new Discrete(2)), true);
        IllegalArgumentException sharing = assertThrows(IllegalArgumentException.class, () -> provider.create(mixed, config(Map.of()), 1));
        assertTrue(sharing.getMessage().contains("parameterSharing needs every agent to have the same spaces"), sharing.getMessage());
        provider.create(mixed, config(Map.of("parameterSharing", false)), 1); // one network pair per agent is fine
        // the compatibility check sees the configuration: the same spec is refused only with sharing
        assertTrue(provider.incompatibility(mixed, config(Map.of())).orElseThrow().contains("parameterSharing"));
        assertTrue(provider.incompatibility(mixed, config(Map.of("parameterSharing", false))).isEmpty());
        Algorithm single = provider.create(EnvironmentSpec.of(new RandomWalkEnvironment()), config(WALK), 1);
        IllegalArgumentException multi = assertThrows(IllegalArgumentException.class,
                () -> single.learn(new Scenario.Multi(new ParallelRandomWalkEnvironment()), 10, TrainingListener.NONE));
        assertTrue(multi.getMessage().contains("single agent"), multi.getMessage());
        IllegalArgumentException spaces = assertThrows(IllegalArgumentException.class,
                () -> single.learn(new Scenario.Single(new RandomWalkEnvironment(5, 0.1, 10)), 10, TrainingListener.NONE));
        assertTrue(spaces.getMessage().contains("was created for Box(0.0, 10.0"), spaces.getMessage());
    }

    @Test
    void theConfigurationRecordKeepsTheNamesDefaultsAndLocatesItsRules() {
        assertEquals(List.of("actorHidden", "criticHidden", "nSteps", "epochs", "minibatches", "gamma", "gaeLambda", "clipRange", "valueClipRange",
                "entropyCoef", "valueCoef", "maxGradNorm", "normalizeAdvantages", "targetKl", "initialLogStd", "rewardScale", "policyHeadScale",
                "parameterSharing", "agentIdInput", "centralisedCritic", "learningRateSchedule", "learningRateStart", "learningRateEnd",
                "learningRateSteps"), List.copyOf(provider.configSchema().parameters().keySet()));
        PpoConfig defaults = provider.configSchema().defaults().as(PpoConfig.class);
        assertEquals(new PpoConfig(List.of(64, 64), List.of(64, 64), 2048, 10, 32, 0.99, 0.95, 0.2, 0.0, 0.0, 0.5, 0.5, true, 0.0, 0.0, 1.0, 0.01,
                true, true, true, "constant", 3e-4, 3e-4, 1_000_000), defaults);
        assertEquals(new org.nettwin.api.rl.Schedule(org.nettwin.api.rl.Schedule.Shape.CONSTANT, 3e-4, 3e-4, 1_000_000), defaults.learningRate());
        PpoConfig annealed = config(Map.of("learningRateSchedule", "linear", "learningRateEnd", 1e-4, "learningRateSteps", 1000L)).as(PpoConfig.class);
        assertEquals(2e-4, annealed.learningRate().at(500), 1e-12);
    }
}
