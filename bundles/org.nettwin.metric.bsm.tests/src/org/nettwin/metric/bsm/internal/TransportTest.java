package org.nettwin.metric.bsm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The transport solver against problems whose optimum is known by other means. */
class TransportTest {

    private final Transport transport = new Transport();

    /** On the line with cost |x − y| the optimum is ∫|F − G| (the CDFs' L1 distance). */
    @Test
    void matchesTheCdfFormulaOnTheLine() {
        Random random = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(12);
            int m = 1 + random.nextInt(12);
            double[] a = simplex(random, n);
            double[] b = simplex(random, m);
            double[] x = sortedPoints(random, n);
            double[] y = sortedPoints(random, m);
            double[] cost = new double[n * m];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    cost[i * m + j] = Math.abs(x[i] - y[j]);
                }
            }
            assertEquals(cdfDistance(x, a, y, b), transport.solve(a, n, b, m, cost), 1e-9, "trial " + trial);
        }
    }

    /** With n equal masses on each side the optimum is a permutation (Birkhoff): brute force over all of them. */
    @Test
    void matchesTheBestAssignment() {
        Random random = new Random(11);
        for (int trial = 0; trial < 100; trial++) {
            int n = 2 + random.nextInt(5);
            double[] a = new double[n];
            java.util.Arrays.fill(a, 1.0 / n);
            double[] cost = new double[n * n];
            for (int k = 0; k < cost.length; k++) {
                cost[k] = random.nextInt(20); // integer costs: many ties, degenerate pivots
            }
            double best = bestPermutation(cost, n, new int[n], new boolean[n], 0) / n;
            assertEquals(best, transport.solve(a, n, a.clone(), n, cost), 1e-12, "trial " + trial);
        }
    }

    /** A hand-solved 2 x 3 problem: moving 0.5 from each source to its cheap sinks. */
    @Test
    void solvesAHandExample() {
        double[] a = {0.5, 0.5};
        double[] b = {0.25, 0.25, 0.5};
        double[] cost = {0, 1, 4, 3, 2, 0};
        // source 0 -> sinks 0 (0.25, cost 0) and 1 (0.25, cost 1); source 1 -> sink 2 (0.5, cost 0)
        assertEquals(0.25, transport.solve(a, 2, b, 3, cost), 1e-15);
    }

    private static double bestPermutation(double[] cost, int n, int[] perm, boolean[] used, int row) {
        if (row == n) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += cost[i * n + perm[i]];
            }
            return sum;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            if (!used[j]) {
                used[j] = true;
                perm[row] = j;
                best = Math.min(best, bestPermutation(cost, n, perm, used, row + 1));
                used[j] = false;
            }
        }
        return best;
    }

    static double[] simplex(Random random, int n) {
        double[] p = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            p[i] = random.nextDouble() + 0.01;
            sum += p[i];
        }
        for (int i = 0; i < n; i++) {
            p[i] /= sum;
        }
        return p;
    }

    private static double[] sortedPoints(Random random, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextDouble() * 10;
        }
        java.util.Arrays.sort(x);
        return x;
    }

    /** ∫ |F(t) − G(t)| dt for discrete distributions on sorted points. */
    private static double cdfDistance(double[] x, double[] a, double[] y, double[] b) {
        double[] all = new double[x.length + y.length];
        System.arraycopy(x, 0, all, 0, x.length);
        System.arraycopy(y, 0, all, x.length, y.length);
        java.util.Arrays.sort(all);
        double total = 0;
        for (int k = 0; k + 1 < all.length; k++) {
            double f = 0;
            double g = 0;
            for (int i = 0; i < x.length; i++) {
                f += x[i] <= all[k] ? a[i] : 0;
            }
            for (int j = 0; j < y.length; j++) {
                g += y[j] <= all[k] ? b[j] : 0;
            }
            total += Math.abs(f - g) * (all[k + 1] - all[k]);
        }
        return total;
    }
}
