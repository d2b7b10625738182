package org.nettwin.metric.bsm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.nettwin.api.config.Config;
import org.nettwin.api.env.MdpTables;
import org.nettwin.api.similarity.Similarity;

/** The Wasserstein and total-variation forms on hand-computed MDPs, and the order between them. */
class DtBsmTest {

    private final WassersteinMetric wasserstein = new WassersteinMetric();
    private final TotalVariationMetric tv = new TotalVariationMetric();

    private static Config config(Object... pairs) {
        Map<String, Object> raw = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            raw.put((String) pairs[i], pairs[i + 1]);
        }
        return new WassersteinMetric().configSchema().validate(raw, "config");
    }

    /** One state each, rewards 1 and 0: d = 1 + γ d, so d = 1/(1−γ) in both forms. */
    @Test
    void rewardGapAlone() {
        MdpTables real = MdpTables.builder(1, 1).transition(0, 0, 0, 1).reward(0, 0, 1).initial(0, 1).build();
        MdpTables twin = MdpTables.builder(1, 1).transition(0, 0, 0, 1).reward(0, 0, 0).initial(0, 1).build();
        Config c = config("gamma", 0.9, "tolerance", 1e-10);
        assertEquals(10, wasserstein.measure(real, twin, c, 0).distance(), 1e-8);
        assertEquals(10, tv.measure(real, twin, c, 0).distance(), 1e-8);
    }

    /**
     * Real: s0 (reward 0) moves to s1, s1 (reward 1) stays. Twin: the same except that s0 reaches
     * s1 only half the time. By hand (README): d(s1, ŝ0) = 1/(1 − γ/2), d(s0, ŝ0) = γ/2 · d(s1, ŝ0),
     * d(s1, ŝ1) = 0; with γ = 0.9: 0.818181...; the TV form gives γ · 0.5 · D = 4.5 with D = 1/(1−γ).
     */
    @Test
    void slowTransitionByHand() {
        MdpTables real = MdpTables.builder(2, 1).transition(0, 0, 1, 1).transition(1, 0, 1, 1).reward(1, 0, 1).initial(0, 1).build();
        MdpTables twin = MdpTables.builder(2, 1).transition(0, 0, 1, 0.5).transition(0, 0, 0, 0.5).transition(1, 0, 1, 1).reward(1, 0, 1)
                .initial(0, 1).build();
        Config c = config("gamma", 0.9, "tolerance", 1e-12);
        Similarity w = wasserstein.measure(real, twin, c, 0);
        assertEquals(0.45 / 0.55, w.distance(), 1e-9);
        assertEquals(0.45 / 0.55, w.details().get("initialMean"), 1e-9);
        assertTrue(w.details().get("certified") >= w.distance());
        assertEquals(4.5, tv.measure(real, twin, c, 0).distance(), 1e-9);
    }

    @Test
    void identicalMdpsAreAtDistanceZero() {
        MdpTables m = RandomMdps.random(new Random(3), 12, 3, 4);
        assertEquals(0, wasserstein.measure(m, m, config(), 0).distance(), 1e-12);
        assertEquals(0, tv.measure(m, m, config(), 0).distance(), 1e-12);
    }

    /** Theory: the TV form bounds the Wasserstein form state by state; on perturbed random MDPs it does, and is never smaller. */
    @Test
    void totalVariationBoundsWasserstein() {
        Random random = new Random(5);
        for (int trial = 0; trial < 20; trial++) {
            MdpTables real = RandomMdps.random(random, 6 + random.nextInt(10), 2, 3);
            MdpTables twin = RandomMdps.perturb(random, real, 0.05 + 0.4 * random.nextDouble());
            int[] match = Matching.byIndex(real, twin);
            StateDistances w = WassersteinFixedPoint.compute(real, twin, match, 0.9, 1e-9, 100_000, Long.MAX_VALUE);
            StateDistances t = TotalVariationFixedPoint.compute(real, twin, match, 0.9, 1e-9, 100_000);
            for (int s = 0; s < real.stateCount(); s++) {
                assertTrue(t.perState()[s] >= w.perState()[s] - 1e-7, "trial " + trial + " state " + s);
            }
            assertTrue(w.max() > 0);
        }
    }

    /** The certified value of an early stop is above the converged value; the plain value below it. */
    @Test
    void earlyStopsAreCertified() {
        Random random = new Random(9);
        MdpTables real = RandomMdps.random(random, 10, 2, 3);
        MdpTables twin = RandomMdps.perturb(random, real, 0.3);
        int[] match = Matching.byIndex(real, twin);
        StateDistances exact = WassersteinFixedPoint.compute(real, twin, match, 0.9, 1e-12, 100_000, Long.MAX_VALUE);
        StateDistances early = WassersteinFixedPoint.compute(real, twin, match, 0.9, 1e-12, 5, Long.MAX_VALUE);
        assertEquals(5, early.iterations());
        assertTrue(early.max() <= exact.max() + 1e-12);
        assertTrue(early.certified() >= exact.max() - 1e-12);
    }

    @Test
    void refusesDifferentActionsAndOversizedCouplings() {
        MdpTables one = MdpTables.builder(1, 1).transition(0, 0, 0, 1).initial(0, 1).build();
        MdpTables two = MdpTables.builder(1, 2).transition(0, 0, 0, 1).transition(0, 1, 0, 1).initial(0, 1).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> wasserstein.measure(one, two, config(), 0));
        assertTrue(e.getMessage().contains("1 actions and the twin 2"), e.getMessage());
        MdpTables big = RandomMdps.random(new Random(1), 20, 2, 5);
        IllegalStateException s = assertThrows(IllegalStateException.class,
                () -> wasserstein.measure(big, big, config("maxCells", 100), 0));
        assertTrue(s.getMessage().contains("maxCells=100"), s.getMessage());
    }
}
