package org.nettwin.api.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nettwin.api.env.MdpTables;

class MdpTablesTest {

    /** Three states, two actions; some rows sparse, one transition given in two parts. */
    private static MdpTables.Builder threeStates() {
        return MdpTables.builder(3, 2)
                .transition(0, 0, 0, 0.5).transition(0, 0, 1, 0.5)
                .transition(0, 1, 2, 0.25).transition(0, 1, 2, 0.25).transition(0, 1, 1, 0.5)
                .transition(1, 0, 0, 1.0)
                .transition(1, 1, 2, 0.9).transition(1, 1, 1, 0.1)
                .transition(2, 0, 2, 1.0)
                .transition(2, 1, 0, 0.3).transition(2, 1, 1, 0.3).transition(2, 1, 2, 0.4)
                .reward(0, 1, 2.5).reward(2, 1, -1.0)
                .initial(0, 0.75).initial(1, 0.25);
    }

    @Test
    void accessorsAgree() {
        MdpTables m = threeStates().build();
        assertEquals(3, m.stateCount());
        assertEquals(2, m.actionCount());
        double[] dense = new double[3];
        for (int s = 0; s < 3; s++) {
            for (int a = 0; a < 2; a++) {
                m.distribution(s, a, dense);
                double total = 0;
                int nonZero = 0;
                for (int next = 0; next < 3; next++) {
                    assertEquals(dense[next], m.probability(s, a, next), "dense and point lookups agree");
                    nonZero += dense[next] > 0 ? 1 : 0;
                }
                assertEquals(nonZero, m.successorCount(s, a), "only reachable states are successors");
                for (int i = 0; i < m.successorCount(s, a); i++) {
                    int next = m.successor(s, a, i);
                    double p = m.successorProbability(s, a, i);
                    assertTrue(p > 0);
                    assertEquals(m.probability(s, a, next), p, "sparse and point lookups agree");
                    total += p;
                }
                assertEquals(1.0, total, 1e-12);
            }
        }
        assertEquals(0.5, m.probability(0, 1, 2), "two parts of one transition add up");
        assertEquals(0.0, m.probability(1, 0, 2));
        assertEquals(1, m.successorCount(1, 0));
        assertEquals(0, m.successor(1, 0, 0));
        assertEquals(2.5, m.reward(0, 1));
        assertEquals(0.0, m.reward(0, 0));
        assertEquals(-1.0, m.reward(2, 1));
        assertEquals(0.75, m.initialProbability(0));
        assertEquals(0.0, m.initialProbability(2));
    }

    @Test
    void distributionsThatDoNotSumToOneAreRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> threeStates().transition(1, 1, 0, 0.05).build());
        assertTrue(e.getMessage().startsWith("P(.|s=1,a=1) sums to 1.05"), e.getMessage());
        assertTrue(e.getMessage().endsWith(", not 1"), e.getMessage());
        IllegalStateException initial = assertThrows(IllegalStateException.class, () -> threeStates().initial(2, 0.5).build());
        assertEquals("initial distribution sums to 1.5, not 1", initial.getMessage());
        IllegalStateException negative = assertThrows(IllegalStateException.class,
                () -> threeStates().transition(2, 0, 1, -0.5).transition(2, 0, 0, 0.5).build());
        assertEquals("P(.|s=2,a=0) has a negative or non-finite probability", negative.getMessage());
        IllegalStateException nan = assertThrows(IllegalStateException.class,
                () -> threeStates().transition(2, 0, 1, Double.NaN).build());
        assertEquals("P(.|s=2,a=0) has a negative or non-finite probability", nan.getMessage());
    }

    @Test
    void missingRowsAndBadRewardsAreRefused() {
        MdpTables.Builder incomplete = MdpTables.builder(2, 2).transition(0, 0, 0, 1).transition(0, 1, 1, 1).transition(1, 0, 1, 1)
                .initial(0, 1);
        assertEquals("no transitions for state 1, action 1", assertThrows(IllegalStateException.class, incomplete::build).getMessage());
        IllegalStateException reward = assertThrows(IllegalStateException.class,
                () -> threeStates().reward(1, 0, Double.POSITIVE_INFINITY).build());
        assertEquals("reward of state 1, action 0 is not finite", reward.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MdpTables.builder(0, 1));
    }

    @Test
    void aTinyRoundingErrorIsTolerated() {
        MdpTables.Builder b = MdpTables.builder(1, 1).initial(0, 1.0);
        for (int i = 0; i < 10; i++) {
            b.transition(0, 0, 0, 0.1);
        }
        assertEquals(1.0, b.build().probability(0, 0, 0), 1e-12, "ten times 0.1 is 1 within the 1e-9 tolerance");
    }
}
