package org.nettwin.rl.td3.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.nettwin.api.Seeds;
import org.nettwin.api.config.Config;
import org.nettwin.api.data.ReplayBuffer;
import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.env.Step;
import org.nettwin.api.io.BinaryFormats;
import org.nettwin.api.rl.Algorithm;
import org.nettwin.api.rl.Checkpointable;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.rl.LossSurface;
import org.nettwin.api.rl.OfflineLearner;
import org.nettwin.api.rl.Policy;
import org.nettwin.api.rl.Rollouts;
import org.nettwin.api.run.TrainingListener;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.space.Box;
import org.nettwin.api.space.Discrete;
import org.nettwin.api.testkit.FormatRefusal;
import org.nettwin.api.testkit.SteadyStateAllocation;
import org.nettwin.api.space.Simplex;
import org.nettwin.api.space.Space;

/** TD3 on a small continuous task: learning, determinism, checkpoints, policies, offline TD3+BC, loss surfaces, gradients. */
class Td3Test {

    private static final Td3Provider PROVIDER = new Td3Provider();

    static Config config(Map<String, Object> overrides) {
        Map<String, Object> m = new HashMap<>();
        m.put("gamma", 0.8);
        m.put("warmupSteps", 1000);
        m.putAll(overrides);
        return PROVIDER.configSchema().validate(m, "algorithm.config");
    }

    private static Td3 td3(ReachTargetEnvironment env, Map<String, Object> overrides, long seed) {
        return (Td3) PROVIDER.create(EnvironmentSpec.of(env), config(overrides), seed);
    }

    /** Mean reward per step of a policy over 20 evaluation episodes. */
    static double perStep(ReachTargetEnvironment env, Policy<?, ?> policy) {
        return Rollouts.meanReturn(env, policy, 20, 99, 100) / ReachTargetEnvironment.STEPS;
    }

    private static double randomPerStep() {
        ReachTargetEnvironment env = new ReachTargetEnvironment();
        RandomGenerator random = Seeds.generator(5);
        double total = 0;
        Step<double[]> s = env.reset(3);
        for (int i = 0; i < 2000; i++) {
            s = env.step(env.actionSpace().sample(random));
            total += s.reward();
            if (s.done()) {
                s = env.reset();
            }
        }
        return total / 2000;
    }

    @Test
    void learnsTheContinuousTaskFarBetterThanRandom() {
        ReachTargetEnvironment env = new ReachTargetEnvironment();
        Td3 td3 = td3(env, Map.of(), 1);
        double before = perStep(env, td3.policy());
        assertEquals(6000, td3.learn(new Scenario.Single(env), 6000, TrainingListener.NONE));
        double after = perStep(env, td3.policy());
        double random = randomPerStep();
        // measured: random -0.91, untrained actor about -0.8, after 6000 steps about -0.09
        assertTrue(after > -0.2, "trained TD3 scores " + after + " per step (random " + random + ", before training " + before + ")");
        assertTrue(after - random > 0.6, "trained " + after + " vs random " + random);
    }

    @Test
    void sameSeedGivesTheSameWeightsAndOtherSeedsOthers() {
        double[][] weights = new double[3][];
        long[] seeds = {4, 4, 5};
        for (int k = 0; k < 3; k++) {
            ReachTargetEnvironment env = new ReachTargetEnvironment();
            Td3 td3 = td3(env, Map.of("warmupSteps", 200), seeds[k]);
            td3.learn(new Scenario.Single(env), 600, TrainingListener.NONE);
            Td3Learner l = td3.learner(0);
            weights[k] = concat(l.actor.parameters(), l.critic1.parameters(), l.critic2Target.parameters(), l.actorAdam.secondMoments());
        }
        assertArrayEquals(weights[0], weights[1]);
        assertFalse(Arrays.equals(weights[0], weights[2]));
    }

    private static double[] concat(double[]... parts) {
        int n = 0;
        for (double[] p : parts) {
            n += p.length;
        }
        double[] out = new double[n];
        int at = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    private static double[] state(Td3 td3) {
        Td3Learner l = td3.learner(0);
        return concat(l.actor.parameters(), l.critic1.parameters(), l.critic2.parameters(), l.actorTarget.parameters(),
                l.critic1Target.parameters(), l.critic2Target.parameters(), l.actorAdam.firstMoments(), l.critic1Adam.secondMoments(),
                l.critic2Adam.firstMoments(), new double[] {l.updates, l.actorAdam.stepCount(), td3.steps()});
    }

    private static byte[] checkpoint(Checkpointable c) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        c.saveCheckpoint(out);
        return out.toByteArray();
    }

    @Test
    void checkpointRoundTripContinuesTrainingBitIdentically() throws IOException {
        ReachTargetEnvironment envA = new ReachTargetEnvironment();
        ReachTargetEnvironment envB = new ReachTargetEnvironment();
        Td3 a = td3(envA, Map.of("warmupSteps", 300), 7);
        Td3 b = td3(envB, Map.of("warmupSteps", 300), 7);
        a.learn(new Scenario.Single(envA), 700, TrainingListener.NONE);
        b.learn(new Scenario.Single(envB), 700, TrainingListener.NONE);
        byte[] saved = checkpoint(a.capability(Checkpointable.class).orElseThrow());
        // overwrite b's whole learning state with another agent's, then load a's checkpoint: b must be a again
        ReachTargetEnvironment envC = new ReachTargetEnvironment();
        Td3 c = td3(envC, Map.of("warmupSteps", 100), 99);
        c.learn(new Scenario.Single(envC), 300, TrainingListener.NONE);
        b.loadCheckpoint(new ByteArrayInputStream(checkpoint(c)));
        assertFalse(Arrays.equals(state(a), state(b)));
        b.loadCheckpoint(new ByteArrayInputStream(saved));
        assertArrayEquals(state(a), state(b), "restored state");
        a.learn(new Scenario.Single(envA), 500, TrainingListener.NONE);
        b.learn(new Scenario.Single(envB), 500, TrainingListener.NONE);
        assertArrayEquals(state(a), state(b), "500 more steps of training after the round trip");
        assertArrayEquals(saved, checkpoint(td3Loaded(saved)), "a loaded checkpoint saves the same bytes");
    }

    private static Td3 td3Loaded(byte[] saved) throws IOException {
        Td3 fresh = td3(new ReachTargetEnvironment(), Map.of("warmupSteps", 300), 1);
        fresh.loadCheckpoint(new ByteArrayInputStream(saved));
        return fresh;
    }

    @Test
    void badCheckpointsAreRefusedWithTheirReasonAndLeaveTheStateUnchanged() throws IOException {
        ReachTargetEnvironment env = new ReachTargetEnvironment();
        Td3 a = td3(env, Map.of("warmupSteps", 100), 7);
        a.learn(new Scenario.Single(env), 200, TrainingListener.NONE);
        byte[] saved = checkpoint(a);
        Td3 b = td3(env, Map.of("warmupSteps", 100), 8);
        double[] before = state(b);
        IOException e = assertThrows(IOException.class, () -> b.loadCheckpoint(new ByteArrayInputStream(Arrays.copyOf(saved, saved.length / 2))));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        byte[] flipped = saved.clone();
        flipped[flipped.length / 2] ^= 0x10;
        e = assertThrows(IOException.class, () -> b.loadCheckpoint(new ByteArrayInputStream(flipped)));
        assertTrue(e.getMessage().contains("CRC-32"), e.getMessage());
        byte[] future = saved.clone();
        future[7] = 9;
        e = assertThrows(IOException.class, () -> b.loadCheckpoint(new ByteArrayInputStream(future)));
        assertEquals("this is a rl/td3 checkpoint of format version 9; this build reads version 1", e.getMessage());
        Td3 wide = td3(env, Map.of("actorHidden", List.of(16)), 7);
        e = assertThrows(IOException.class, () -> b.loadCheckpoint(new ByteArrayInputStream(checkpoint(wide))));
        assertTrue(e.getMessage().contains("actor") && e.getMessage().contains("mlp 4-16relu-2tanh"), e.getMessage());
        Td3 shares = (Td3) PROVIDER.create(spec(new Box(4, -1, 1), new Simplex(2)), config(Map.of()), 1);
        e = assertThrows(IOException.class, () -> b.loadCheckpoint(new ByteArrayInputStream(checkpoint(shares))));
        assertTrue(e.getMessage().contains("Simplex(2)"), e.getMessage());
        assertArrayEquals(before, state(b), "a refused checkpoint changes nothing");
    }

    private static EnvironmentSpec spec(Space<?> obs, Space<?> act) {
        return new EnvironmentSpec(List.of("agent"), List.of(obs), List.of(act), false);
    }

    @Test
    void policySavesAndLoadsAndActsTheSame() throws IOException {
        ReachTargetEnvironment env = new ReachTargetEnvironment();
        Td3 td3 = td3(env, Map.of("warmupSteps", 100), 3);
        td3.learn(new Scenario.Single(env), 400, TrainingListener.NONE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        td3.policy().save(out);
        @SuppressWarnings("unchecked")
        Policy<double[], double[]> loaded = (Policy<double[], double[]>) PROVIDER.loadPolicy(EnvironmentSpec.of(env),
                new ByteArrayInputStream(out.toByteArray()));
        @SuppressWarnings("unchecked")
        Policy<double[], double[]> original = (Policy<double[], double[]>) td3.policy();
        RandomGenerator r = Seeds.generator(1);
        for (int i = 0; i < 20; i++) {
            double[] o = env.observationSpace().sample(r);
            double[] a = original.act(o);
            assertArrayEquals(a, loaded.act(o));
            assertTrue(env.actionSpace().contains(a));
            assertTrue(env.actionSpace().contains(original.sample(o, r)));
        }
        assertEquals(original.parameterCount(), loaded.parameterCount());
        IOException e = assertThrows(IOException.class, () -> PROVIDER.loadPolicy(spec(new Box(4, -1, 1), new Box(3, -1, 1)),
                new ByteArrayInputStream(out.toByteArray())));
        assertTrue(e.getMessage().contains("(3,)"), e.getMessage());
        e = assertThrows(IOException.class, () -> PROVIDER.loadPolicy(EnvironmentSpec.of(env), new ByteArrayInputStream(new byte[] {1, 2, 3, 4})));
        assertEquals("not a NetTwin file (bad magic 01 02 03 04): expected a rl/td3 policy", e.getMessage());
        e = assertThrows(IOException.class, () -> PROVIDER.loadPolicy(spec(new Box(4, -1, 1), new Discrete(3)),
                new ByteArrayInputStream(out.toByteArray())));
        assertTrue(e.getMessage().contains("Discrete(3)"), e.getMessage());
    }

    @Test
    void aFileOfAnotherKindIsRefusedByName() throws IOException {
        ReachTargetEnvironment env = new ReachTargetEnvironment();
        EnvironmentSpec spec = EnvironmentSpec.of(env);
        Td3 td3 = td3(env, Map.of("warmupSteps", 100), 3);
        double[] before = state(td3);
        FormatRefusal.check(BinaryFormats.TD3_POLICY, in -> PROVIDER.loadPolicy(spec, in));
        FormatRefusal.check(BinaryFormats.TD3_CHECKPOINT, td3::loadCheckpoint);
        assertArrayEquals(before, state(td3), "refused files change nothing");

        ByteArrayOutputStream policy = new ByteArrayOutputStream();
        td3.policy().save(policy);
        assertEquals("this is a rl/td3 checkpoint, not a rl/td3 policy", assertThrows(IOException.class,
                () -> PROVIDER.loadPolicy(spec, new ByteArrayInputStream(checkpoint(td3)))).getMessage());
        assertEquals("this is a rl/td3 policy, not a rl/td3 checkpoint", assertThrows(IOException.class,
                () -> td3.loadCheckpoint(new ByteArrayInputStream(policy.toByteArray()))).getMessage());
    }

    @Test
    void incompatibleSpacesGetClearMessages() {
        assertTrue(PROVIDER.incompatibility(spec(new Box(4, -1, 1), new Discrete(3)), PROVIDER.configSchema().defaults()).orElseThrow().contains("continuous actions"));
        assertTrue(PROVIDER.incompatibility(spec(new Box(4, -1, 1), new Box(2, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)), PROVIDER.configSchema().defaults())
                .orElseThrow().contains("finite bounds"));
        EnvironmentSpec team = new EnvironmentSpec(List.of("a", "b"), List.of(new Box(2, 0, 1), new Box(2, 0, 1)),
                List.of(new Simplex(3), new Discrete(2)), true);
        String why = PROVIDER.incompatibility(team, PROVIDER.configSchema().defaults()).orElseThrow();
        assertTrue(why.contains("agent b") && why.contains("Discrete(2)"), why);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PROVIDER.create(team, config(Map.of()), 1));
        assertEquals(why, e.getMessage());
        assertTrue(PROVIDER.incompatibility(spec(new Discrete(5), new Simplex(3)), PROVIDER.configSchema().defaults()).isEmpty(), "discrete observations are one-hot inputs");
        ReachTargetEnvironment env = new ReachTargetEnvironment();
        Algorithm td3 = PROVIDER.create(spec(new Box(4, -1, 1), new Simplex(2)), config(Map.of()), 1);
        e = assertThrows(IllegalArgumentException.class, () -> td3.learn(new Scenario.Single(env), 10, TrainingListener.NONE));
        assertTrue(e.getMessage().contains("Simplex(2)") && e.getMessage().contains("Box(-0.25, 0.25, (2,))"), e.getMessage());
    }

    /** Central differences of −mean Q1(s, π_θ(s)) against the analytic actor gradient (dQ1/da through the critic, then the head). */
    @Test
    void actorGradientMatchesFiniteDifferencesForBothHeads() {
        for (Space<?> actions : List.of(new Box(new double[] {-0.5, 0}, new double[] {0.5, 2}), new Simplex(4))) {
            Td3 td3 = (Td3) PROVIDER.create(spec(new Box(3, -1, 1), actions), config(Map.of("batchSize", 8)), 11);
            Td3Learner l = td3.learner(0);
            ReplayBuffer data = new ReplayBuffer(8, 3, l.act);
            RandomGenerator r = Seeds.generator(2);
            double[] o = new double[3];
            double[] a = new double[l.act];
            for (int i = 0; i < 8; i++) {
                for (int k = 0; k < 3; k++) {
                    o[k] = 2 * r.nextDouble() - 1;
                }
                l.head.uniform(r, a);
                data.add(o, a, r.nextDouble(), o, false);
            }
            l.actorGradientsOn(data, Td3Learner.ActorLoss.TD3);
            double[] analytic = l.actor.gradients().clone();
            double[] p = l.actor.parameters();
            double worst = 0;
            for (int k = 0; k < p.length; k++) {
                double keep = p[k];
                double h = 1e-6;
                p[k] = keep + h;
                double up = l.actorLoss(data);
                p[k] = keep - h;
                double down = l.actorLoss(data);
                p[k] = keep;
                double numeric = (up - down) / (2 * h);
                double scale = Math.max(1e-6, Math.abs(numeric) + Math.abs(analytic[k]));
                worst = Math.max(worst, Math.abs(numeric - analytic[k]) / scale);
            }
            assertTrue(worst < 1e-4, actions.describe() + ": worst relative gradient error " + worst);
        }
    }

    /** A noisy behaviour policy: the heading towards the target, blended with uniform noise. */
    static TransitionDataset behaviourData(int steps, long seed, double aimWeight, double noiseAmplitude) {
        ReachTargetEnvironment env = new ReachTargetEnvironment();
        TransitionDataset data = new TransitionDataset(4, 2, Map.of("behaviour", "noisy heading"));
        RandomGenerator r = Seeds.generator(seed);
        Step<double[]> s = env.reset(seed);
        int episode = 0;
        double[] o = new double[4];
        double[] a = new double[2];
        for (int t = 0; t < steps; t++) {
            System.arraycopy(s.observation(), 0, o, 0, 4);
            double dx = o[2] - o[0];
            double dy = o[3] - o[1];
            double norm = Math.max(1e-9, Math.sqrt(dx * dx + dy * dy));
            double speed = Math.min(ReachTargetEnvironment.SPEED, norm);
            for (int j = 0; j < 2; j++) {
                double aim = speed * (j == 0 ? dx : dy) / norm;
                double noise = noiseAmplitude * ReachTargetEnvironment.SPEED * (2 * r.nextDouble() - 1);
                a[j] = Math.max(-ReachTargetEnvironment.SPEED, Math.min(ReachTargetEnvironment.SPEED, aimWeight * aim + noise));
            }
            s = env.step(a.clone());
            data.add(episode, o, a, s.reward(), s.observation(), s.terminated(), s.truncated());
            if (s.done()) {
                episode++;
                s = env.reset();
            }
        }
        return data;
    }

    @Test
    void offlineTd3PlusBcBeatsNaiveOfflineTd3AndTheBehaviourPolicy() {
        // a narrow dataset: a slow heading (30 % of the way) with little noise, so most actions are never seen
        TransitionDataset data = behaviourData(4000, 5, 0.3, 0.1);
        double behaviour = 0;
        for (int i = 0; i < data.size(); i++) {
            behaviour += data.reward(i);
        }
        behaviour /= data.size();
        ReachTargetEnvironment env = new ReachTargetEnvironment();
        double[] score = new double[2];
        String[] modes = {"bc", "none"};
        for (int m = 0; m < 2; m++) {
            // alpha 0.1: on data this narrow the paper's 2.5 lets the critic's extrapolation win (measured: -1.26, naive -1.53)
            Algorithm td3 = PROVIDER.create(EnvironmentSpec.of(env), config(Map.of("offlineRegularisation", modes[m], "bcAlpha", 0.1)), 3);
            OfflineLearner offline = td3.capability(OfflineLearner.class).orElseThrow();
            assertEquals(5000, offline.learnOffline(data, 5000, TrainingListener.NONE));
            score[m] = perStep(env, td3.policy());
        }
        // measured: behaviour -0.285 per step, TD3+BC -0.245, naive offline TD3 -1.53 (worse than random, -0.91)
        assertTrue(score[0] > behaviour, "TD3+BC " + score[0] + " vs the behaviour policy's " + behaviour);
        assertTrue(score[0] > score[1] + 0.5, "TD3+BC " + score[0] + " vs naive offline TD3 " + score[1] + " (behaviour " + behaviour + ")");
        Algorithm td3 = PROVIDER.create(EnvironmentSpec.of(env), config(Map.of()), 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> td3.capability(OfflineLearner.class).orElseThrow()
                .learnOffline(new TransitionDataset(3, 2, Map.of()), 10, TrainingListener.NONE));
        assertTrue(e.getMessage().contains("empty") || e.getMessage().contains("3"), e.getMessage());
    }

    @Test
    void lossSurfaceEvaluatesTheTrainingLossesAndLeavesTheWeights() {
        ReachTargetEnvironment env = new ReachTargetEnvironment();
        Td3 td3 = td3(env, Map.of("warmupSteps", 200), 3);
        td3.learn(new Scenario.Single(env), 1500, TrainingListener.NONE);
        LossSurface surface = td3.capability(LossSurface.class).orElseThrow();
        assertEquals(List.of("critic1", "actor"), surface.networks());
        TransitionDataset data = behaviourData(400, 9, 0.3, 1.0);
        for (String net : surface.networks()) {
            double[] trained = surface.parameters(net);
            int[] filters = surface.filters(net);
            assertEquals(trained.length, filters.length);
            Td3Learner l = td3.learner(0);
            var mlp = net.equals("actor") ? l.actor : l.critic1;
            assertEquals(-1, filters[mlp.biasOffset(0)]);
            assertEquals(0, filters[mlp.weightOffset(0)]);
            assertEquals(mlp.units(0), filters[mlp.weightOffset(1)], "layer 2's first unit follows layer 1's units");
            double atTrained = surface.loss(net, trained, data);
            double[] moved = trained.clone();
            RandomGenerator r = Seeds.generator(4);
            for (int k = 0; k < moved.length; k++) {
                moved[k] += filters[k] >= 0 ? 0.5 * r.nextGaussian() : 0.0;
            }
            double far = surface.loss(net, moved, data);
            assertTrue(Double.isFinite(atTrained) && far > atTrained, net + ": loss " + atTrained + " at the trained weights, " + far + " far away");
            assertArrayEquals(trained, surface.parameters(net), net + "'s trained weights are restored");
        }
        assertThrows(IllegalArgumentException.class, () -> surface.parameters("critic3"));
    }

    @Test
    void anUpdateAllocatesNothingForBoxActions() {
        ReachTargetEnvironment env = new ReachTargetEnvironment();
        Td3 td3 = td3(env, Map.of("warmupSteps", 100), 3);
        td3.learn(new Scenario.Single(env), 300, TrainingListener.NONE);
        Td3Learner l = td3.learner(0);
        long bytes = SteadyStateAllocation.of(() -> {
            for (int i = 0; i < 2000; i++) {
                l.update(Td3Learner.ActorLoss.TD3);
            }
        }, 2000, Duration.ofSeconds(60));
        assertTrue(bytes < 2000, "2000 updates allocated " + bytes + " bytes once compiled");
    }

    @Test
    void anUpdateAllocatesNothingForShareActionsEither() {
        Td3 td3 = (Td3) PROVIDER.create(spec(new Box(4, -1, 1), new Simplex(3)), config(Map.of()), 5);
        org.nettwin.api.data.ReplayBuffer data = new org.nettwin.api.data.ReplayBuffer(500, 4, 3);
        RandomGenerator r = Seeds.generator(6);
        for (int i = 0; i < 500; i++) {
            double[] shares = new Simplex(3).sample(r);
            data.add(new double[] {r.nextDouble(), r.nextDouble(), r.nextDouble(), r.nextDouble()}, shares, shares[0],
                    new double[] {r.nextDouble(), r.nextDouble(), r.nextDouble(), r.nextDouble()}, false);
        }
        Td3Learner l = td3.learner(0);
        long bytes = SteadyStateAllocation.of(() -> {
            for (int i = 0; i < 2000; i++) {
                l.update(data, Td3Learner.ActorLoss.TD3);
            }
        }, 2000, Duration.ofSeconds(60));
        assertTrue(bytes < 2000, "2000 Simplex updates (smoothing noise projected onto the simplex) allocated " + bytes
                + " bytes once compiled");
    }

    @Test
    void theConfigurationRecordKeepsTheNamesAndDefaults() {
        assertEquals(List.of("actorHidden", "criticHidden", "actorLearningRate", "criticLearningRate", "gamma", "batchSize", "bufferSize",
                "warmupSteps", "trainEvery", "explorationNoise", "policyNoise", "noiseClip", "policyDelay", "tau", "maxGradNorm",
                "normaliseObservations", "offlineRegularisation", "bcAlpha"), List.copyOf(PROVIDER.configSchema().parameters().keySet()));
        Td3Config defaults = PROVIDER.configSchema().defaults().as(Td3Config.class);
        assertEquals(new Td3Config(List.of(48, 24), List.of(64, 24), 5e-4, 1e-3, 0.1, 32, 100_000, 3_000, 1, 0.1, 0.2, 0.5, 2, 0.005, 0.0, true,
                "bc", 2.5), defaults);
        assertTrue(defaults.offlineBc());
        assertFalse(config(Map.of("offlineRegularisation", "none")).as(Td3Config.class).offlineBc());
        var e = assertThrows(org.nettwin.api.config.ConfigException.class, () -> config(Map.of("offlineRegularisation", "cql")));
        assertEquals("algorithm.config.offlineRegularisation", e.problems().get(0).path(), e.getMessage());
    }
}
