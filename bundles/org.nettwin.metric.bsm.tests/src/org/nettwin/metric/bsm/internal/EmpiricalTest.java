package org.nettwin.metric.bsm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.nettwin.api.config.Config;
import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.env.MdpTables;
import org.nettwin.api.similarity.Similarity;

/** The empirical DT-BSM converges to the exact one as samples grow, inside its confidence radius. */
class EmpiricalTest {

    private final EmpiricalMetric empirical = new EmpiricalMetric();

    private Config config(String form) {
        return empirical.configSchema().validate(Map.of("form", form, "tolerance", 1e-9), "config");
    }

    @Test
    void convergesToTheExactValueWithinItsRadius() {
        Random random = new Random(21);
        MdpTables real = RandomMdps.random(random, 5, 2, 3);
        MdpTables twin = RandomMdps.perturb(random, real, 0.3);
        double exact = WassersteinFixedPoint.compute(real, twin, Matching.byIndex(real, twin), 0.9, 1e-12, 100_000, Long.MAX_VALUE).max();
        double previousRadius = Double.POSITIVE_INFINITY;
        double firstError = Double.NaN;
        double lastError = Double.NaN;
        for (int perPair : new int[] {30, 300, 3000, 30_000}) {
            Similarity e = empirical.measure(sample(real, perPair, new Random(perPair)), sample(twin, perPair, new Random(perPair + 1)),
                    config("wasserstein"), 0);
            double error = Math.abs(e.distance() - exact);
            double radius = e.details().get("radius");
            assertTrue(error <= radius, perPair + " samples per pair: error " + error + " outside radius " + radius);
            assertTrue(radius < previousRadius, "the radius shrinks with samples");
            assertEquals(perPair, e.details().get("minVisits"), 1e-9);
            previousRadius = radius;
            firstError = Double.isNaN(firstError) ? error : firstError;
            lastError = error;
        }
        assertTrue(lastError < firstError / 5, "error " + firstError + " -> " + lastError);
        assertTrue(lastError < 0.02 * exact, "the estimate at 30,000 samples per pair is within 2% of " + exact + ": error " + lastError);
    }

    @Test
    void totalVariationFormIsAvailableAndAboveTheWassersteinEstimate() {
        Random random = new Random(4);
        MdpTables real = RandomMdps.random(random, 5, 2, 3);
        MdpTables twin = RandomMdps.perturb(random, real, 0.3);
        TransitionDataset r = sample(real, 200, new Random(1));
        TransitionDataset t = sample(twin, 200, new Random(2));
        assertTrue(empirical.measure(r, t, config("tv"), 0).distance() >= empirical.measure(r, t, config("wasserstein"), 0).distance() - 1e-9);
    }

    @Test
    void refusesMismatchedOrEmptyData() {
        TransitionDataset one = new TransitionDataset(1, 1, Map.of());
        TransitionDataset two = new TransitionDataset(2, 1, Map.of());
        one.add(0, new double[] {0}, new double[] {0}, 0, new double[] {0}, false, false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> empirical.measure(one, two, config("tv"), 0));
        assertTrue(e.getMessage().contains("same spaces"), e.getMessage());
        TransitionDataset empty = new TransitionDataset(1, 1, Map.of());
        e = assertThrows(IllegalArgumentException.class, () -> empirical.measure(one, empty, config("tv"), 0));
        assertTrue(e.getMessage().contains("non-empty"), e.getMessage());
    }

    /** @return {@code perPair} sampled transitions of every state-action pair, observation = the state number */
    static TransitionDataset sample(MdpTables m, int perPair, Random random) {
        TransitionDataset data = new TransitionDataset(1, 1, Map.of());
        double[] obs = new double[1];
        double[] act = new double[1];
        double[] next = new double[1];
        int episode = 0;
        for (int s = 0; s < m.stateCount(); s++) {
            for (int a = 0; a < m.actionCount(); a++) {
                for (int k = 0; k < perPair; k++) {
                    double u = random.nextDouble();
                    int i = 0;
                    while (i < m.successorCount(s, a) - 1 && (u -= m.successorProbability(s, a, i)) >= 0) {
                        i++;
                    }
                    obs[0] = s;
                    act[0] = a;
                    next[0] = m.successor(s, a, i);
                    data.add(episode++, obs, act, m.reward(s, a), next, false, true);
                }
            }
        }
        return data;
    }
}
