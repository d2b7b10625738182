package org.nettwin.experiment.bsm.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.nettwin.api.env.MdpTables;

/** Exact policy values (EJML, dense and sparse) against iterative evaluation; exact optima against value iteration. */
class MdpSolverTest {

    /** A random MDP: {@code fanOut} successors per pair with random weights, rewards in [-1, 1]. */
    static MdpTables mdp(long seed, int states, int actions, int fanOut) {
        Random random = new Random(seed);
        MdpTables.Builder b = MdpTables.builder(states, actions);
        for (int s = 0; s < states; s++) {
            for (int a = 0; a < actions; a++) {
                double[] w = new double[fanOut];
                double sum = 0;
                for (int i = 0; i < fanOut; i++) {
                    w[i] = 0.1 + random.nextDouble();
                    sum += w[i];
                }
                for (int i = 0; i < fanOut; i++) {
                    b.transition(s, a, random.nextInt(states), w[i] / sum);
                }
                b.reward(s, a, 2 * random.nextDouble() - 1);
            }
            b.initial(s, 1.0 / states);
        }
        return b.build();
    }

    @Test
    void denseAndSparseSolvesAgreeWithIterativeEvaluation() {
        MdpTables m = mdp(1, 300, 3, 5);
        int[] policy = new int[300];
        for (int s = 0; s < policy.length; s++) {
            policy[s] = s % 3;
        }
        MdpSolver dense = new MdpSolver(0.95, 1000);
        MdpSolver sparse = new MdpSolver(0.95, 10);
        double[] iterative = dense.evaluateIteratively(m, policy, 1e-12);
        assertArrayEquals(iterative, dense.evaluate(m, policy), 1e-9);
        assertArrayEquals(iterative, sparse.evaluate(m, policy), 1e-9);
    }

    @Test
    void policyIterationReachesTheValueIterationOptimum() {
        MdpTables m = mdp(2, 80, 2, 4);
        MdpSolver solver = new MdpSolver(0.9, 1000);
        int[] start = solver.valueIteration(m, 1e-2);
        int[] optimal = solver.optimalPolicy(m, start);
        double[] v = solver.evaluate(m, optimal);
        // the Bellman optimality equation holds at the exact values: no action improves any state
        for (int s = 0; s < 80; s++) {
            for (int a = 0; a < 2; a++) {
                assertTrue(solver.q(m, v, s, a) <= v[s] + 1e-9, "state " + s + " action " + a);
            }
        }
        // and value iteration run long converges to the same values
        int[] fine = solver.valueIteration(m, 1e-10);
        assertArrayEquals(v, solver.evaluate(m, fine), 1e-8);
        assertEquals(MdpSolver.initialValue(m, v), MdpSolver.initialValue(m, solver.evaluateIteratively(m, optimal, 1e-13)), 1e-9);
    }

    @Test
    void spearmanRanksWithTies() {
        assertEquals(1.0, DtBsmReport.spearman(new double[] {1, 2, 3}, new double[] {10, 20, 30}), 1e-12);
        assertEquals(-1.0, DtBsmReport.spearman(new double[] {1, 2, 3}, new double[] {3, 2, 1}), 1e-12);
        // ranks (1.5, 1.5, 3) against (1, 2, 3): cov 1.0, var 1.5 and 2 -> 0.866
        assertEquals(Math.sqrt(0.75), DtBsmReport.spearman(new double[] {5, 5, 7}, new double[] {1, 2, 3}), 1e-12);
        assertTrue(Double.isNaN(DtBsmReport.spearman(new double[] {1}, new double[] {1})));
    }

    @Test
    void selectionPicksTheLeastEmpiricalDistance() {
        java.util.Map<String, Double> d = new java.util.LinkedHashMap<>();
        d.put("a", Double.NaN);
        d.put("b", 3.0);
        d.put("c", 1.0);
        d.put("d", 1.0);
        assertEquals("c", TwinSelection.select(d));
    }
}
