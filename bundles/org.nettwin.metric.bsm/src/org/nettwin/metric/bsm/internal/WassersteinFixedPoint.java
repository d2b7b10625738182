package org.nettwin.metric.bsm.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.nettwin.api.env.MdpTables;

/**
 * The DT-BSM of paper 002 in its Wasserstein form: the fixed point of
 * <pre>  F(d)(s, ŝ) = max_a [ |R(s,a) − R̂(ŝ,a)| + γ · W_d(P(·|s,a), P̂(·|ŝ,a)) ]</pre>
 * over pairs of a real state {@code s} and a twin state {@code ŝ}, where {@code W_d} is the
 * Kantorovich (Wasserstein-1) distance with ground cost {@code d} between the real and the twin
 * successor distributions (Ferns, Panangaden, Precup, UAI 2004, with {@code c_R = 1},
 * {@code c_T = γ}, on the disjoint union of the two MDPs). Only the pairs reachable from matched
 * pairs through successor pairs enter the fixed point, which is exact for them; each {@code W} is
 * solved exactly ({@link Transport}). Gauss-Seidel sweeps (monotone, below the fixed point, a
 * {@code γ}-contraction each) from {@code d = 0} until the certified tail
 * {@code γ/(1−γ) · change} is at most {@code tolerance}.
 */
final class WassersteinFixedPoint {

    private WassersteinFixedPoint() {
    }

    /**
     * @param match for each real state its twin state, or -1 (see {@link Matching})
     * @throws IllegalStateException when the pairs' coupling tables would exceed {@code maxCells}
     */
    static StateDistances compute(MdpTables real, MdpTables twin, int[] match, double gamma, double tolerance, int maxIterations,
            long maxCells) {
        int actions = real.actionCount();
        Map<Long, Integer> ids = new HashMap<>();
        int[] pairReal = new int[16];
        int[] pairTwin = new int[16];
        int count = 0;
        int[] queue = new int[16];
        for (int s = 0; s < match.length; s++) {
            if (match[s] >= 0) {
                int before = ids.size();
                int id = ids.computeIfAbsent(key(s, match[s], twin), k -> ids.size());
                if (id == before) {
                    if (count == pairReal.length) {
                        pairReal = Arrays.copyOf(pairReal, count * 2);
                        pairTwin = Arrays.copyOf(pairTwin, count * 2);
                    }
                    pairReal[count] = s;
                    pairTwin[count] = match[s];
                    count++;
                }
            }
        }
        // breadth-first closure: every successor pair of a pair (same action) is a pair; its cell
        // table lists, per pair and action, the pair ids of the coupling's cost matrix
        int[][] cells = new int[16][];
        double[] rewardGap = new double[16 * actions];
        long totalCells = 0;
        for (int p = 0; p < count; p++) {
            if (p == cells.length) {
                cells = Arrays.copyOf(cells, p * 2);
            }
            if ((p + 1) * actions > rewardGap.length) {
                rewardGap = Arrays.copyOf(rewardGap, rewardGap.length * 2);
            }
            int s = pairReal[p];
            int t = pairTwin[p];
            int size = 0;
            for (int a = 0; a < actions; a++) {
                size += real.successorCount(s, a) * twin.successorCount(t, a);
            }
            totalCells += size;
            if (totalCells > maxCells) {
                throw new IllegalStateException("the Wasserstein DT-BSM needs more than maxCells=" + maxCells + " coupling cells ("
                        + count + "+ state pairs so far); use metric/dt-bsm-tv for MDPs this large, or raise maxCells");
            }
            int[] row = new int[size];
            int k = 0;
            for (int a = 0; a < actions; a++) {
                rewardGap[p * actions + a] = Math.abs(real.reward(s, a) - twin.reward(t, a));
                for (int i = 0; i < real.successorCount(s, a); i++) {
                    int u = real.successor(s, a, i);
                    for (int j = 0; j < twin.successorCount(t, a); j++) {
                        int w = twin.successor(t, a, j);
                        long key = key(u, w, twin);
                        Integer id = ids.get(key);
                        if (id == null) {
                            id = count;
                            ids.put(key, id);
                            if (count == pairReal.length) {
                                pairReal = Arrays.copyOf(pairReal, count * 2);
                                pairTwin = Arrays.copyOf(pairTwin, count * 2);
                            }
                            pairReal[count] = u;
                            pairTwin[count] = w;
                            count++;
                        }
                        row[k++] = id;
                    }
                }
            }
            cells[p] = row;
        }
        double[] d = new double[count];
        int maxSupport = 1;
        for (int s = 0; s < real.stateCount(); s++) {
            for (int a = 0; a < actions; a++) {
                maxSupport = Math.max(maxSupport, real.successorCount(s, a));
            }
        }
        for (int s = 0; s < twin.stateCount(); s++) {
            for (int a = 0; a < actions; a++) {
                maxSupport = Math.max(maxSupport, twin.successorCount(s, a));
            }
        }
        double[] pa = new double[maxSupport];
        double[] pb = new double[maxSupport];
        double[] cost = new double[maxSupport * maxSupport];
        Transport transport = new Transport();
        int iterations = 0;
        double change = Double.POSITIVE_INFINITY;
        while (iterations < maxIterations && !(gamma / (1 - gamma) * change <= tolerance)) {
            change = 0;
            for (int p = 0; p < count; p++) {
                int s = pairReal[p];
                int t = pairTwin[p];
                int[] row = cells[p];
                int k = 0;
                double best = 0;
                for (int a = 0; a < actions; a++) {
                    int n = real.successorCount(s, a);
                    int m = twin.successorCount(t, a);
                    for (int i = 0; i < n; i++) {
                        pa[i] = real.successorProbability(s, a, i);
                    }
                    for (int j = 0; j < m; j++) {
                        pb[j] = twin.successorProbability(t, a, j);
                    }
                    for (int c = 0; c < n * m; c++) {
                        cost[c] = d[row[k + c]];
                    }
                    k += n * m;
                    best = Math.max(best, rewardGap[p * actions + a] + gamma * transport.solve(pa, n, pb, m, cost));
                }
                change = Math.max(change, Math.abs(best - d[p]));
                d[p] = best; // Gauss-Seidel: later pairs of this sweep already see it
            }
            iterations++;
        }
        double[] perState = new double[match.length];
        for (int s = 0; s < match.length; s++) {
            perState[s] = match[s] < 0 ? Double.NaN : d[ids.get(key(s, match[s], twin))];
        }
        return new StateDistances(perState, iterations, change, gamma, count);
    }

    private static long key(int real, int twinState, MdpTables twin) {
        return (long) real * twin.stateCount() + twinState;
    }
}
