package org.nettwin.rl.dqn.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.nettwin.api.Seeds;
import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.env.Step;
import org.nettwin.api.rl.Algorithm;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.rl.LossSurface;
import org.nettwin.api.run.TrainingListener;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.testkit.RandomWalkEnvironment;
import org.nettwin.nn.Mlp;

/** rl/dqn as a LossSurface: the Huber TD loss of q, checked by hand, with Li et al.'s filters. */
class DqnLossSurfaceTest {

    final DqnProvider provider = new DqnProvider();

    /** tau = 1 keeps the target network equal to the online one, so the targets can be computed from q alone. */
    Algorithm trained() {
        RandomWalkEnvironment env = new RandomWalkEnvironment(10, 0.1, 100);
        Algorithm dqn = provider.create(EnvironmentSpec.of(env), provider.configSchema().validate(Map.of("learningStarts", 200,
                "epsilonSteps", 2_000L, "tau", 1.0, "gamma", 0.9, "hidden", List.of(32, 16)), ""), 5);
        dqn.learn(new Scenario.Single(env), 3_000, TrainingListener.NONE);
        return dqn;
    }

    static TransitionDataset randomTransitions(int n, long seed) {
        RandomWalkEnvironment env = new RandomWalkEnvironment(10, 0.1, 100);
        RandomGenerator random = Seeds.generator(seed);
        TransitionDataset data = new TransitionDataset(1, 1, Map.of());
        Step<double[]> s = env.reset(seed);
        int episode = 0;
        for (int t = 0; t < n; t++) {
            double[] o = s.observation().clone();
            int a = random.nextInt(2);
            s = env.step(a);
            data.add(episode, o, new double[] {a}, s.reward(), s.observation().clone(), s.terminated(), s.truncated());
            if (s.done()) {
                s = env.reset();
                episode++;
            }
        }
        return data;
    }

    @Test
    void lossIsTheHuberTdErrorOfTheTakenActionsComputedByHand() {
        Algorithm dqn = trained();
        LossSurface surface = dqn.capability(LossSurface.class).orElseThrow();
        assertEquals(List.of("q"), surface.networks());
        DqnPolicy policy = (DqnPolicy) dqn.policy();
        TransitionDataset data = randomTransitions(600, 3); // more than one chunk of 256
        double expected = 0;
        double[] x = new double[1];
        for (int i = 0; i < data.size(); i++) {
            x[0] = data.nextObservation(i, 0);
            policy.inputs.apply(x, 0, 1);
            double[] next = policy.q.predict(x);
            double y = data.reward(i) + (data.terminated(i) ? 0 : 0.9 * Math.max(next[0], next[1]));
            x[0] = data.observation(i, 0);
            policy.inputs.apply(x, 0, 1);
            double e = policy.q.predict(x)[(int) data.action(i, 0)] - y;
            expected += Math.abs(e) <= 1 ? 0.5 * e * e : Math.abs(e) - 0.5;
        }
        expected /= data.size();
        double[] theta = surface.parameters("q");
        double loss = surface.loss("q", theta, data);
        assertEquals(expected, loss, 1e-9 * Math.max(1, expected));
        assertEquals(loss, surface.loss("q", theta, data), 0, "same parameters, same loss");

        double[] perturbed = theta.clone();
        RandomGenerator r = Seeds.generator(1);
        for (int i = 0; i < perturbed.length; i++) {
            perturbed[i] += r.nextGaussian();
        }
        assertTrue(surface.loss("q", perturbed, data) > loss, "a large random step raises the loss of a trained network");
        assertArrayEquals(theta, surface.parameters("q"), 0, "trained parameters unchanged");
    }

    @Test
    void filtersAreTheDenseUnitsIncomingWeightsAndBiasesAreLeftOut() {
        Algorithm dqn = trained();
        LossSurface surface = dqn.capability(LossSurface.class).orElseThrow();
        Mlp q = ((DqnPolicy) dqn.policy()).q;
        int[] filters = surface.filters("q");
        assertEquals(q.parameterCount(), filters.length);
        int unitBase = 0;
        int biases = 0;
        for (int layer = 0; layer < q.layerCount(); layer++) {
            for (int o = 0; o < q.units(layer); o++) {
                assertEquals(-1, filters[q.biasOffset(layer) + o]);
                biases++;
                for (int i = 0; i < q.fanIn(layer); i++) {
                    assertEquals(unitBase + o, filters[q.weightOffset(layer) + i * q.units(layer) + o]);
                }
            }
            unitBase += q.units(layer);
        }
        assertEquals(32 + 16 + 2, unitBase);
        assertEquals(unitBase, biases);
    }

    @Test
    void wrongNetworksSizesAndDatasetsAreRefused() {
        LossSurface surface = trained().capability(LossSurface.class).orElseThrow();
        TransitionDataset data = randomTransitions(10, 1);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> surface.parameters("critic")).getMessage().contains("'critic'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> surface.loss("q", new double[3], data)).getMessage()
                .contains("parameters, got 3"));
        TransitionDataset wide = new TransitionDataset(2, 1, Map.of());
        wide.add(0, new double[2], new double[1], 0, new double[2], false, false);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> surface.loss("q", surface.parameters("q"), wide)).getMessage()
                .contains("do not match"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> surface.loss("q", surface.parameters("q"), new TransitionDataset(1, 1, Map.of()))).getMessage().contains("empty"));
    }
}
