package org.nettwin.metric.bsm.internal;

import java.util.Arrays;

/**
 * An exact solver of the discrete optimal-transport (transportation) problem
 * {@code min Σ_ij c_ij f_ij} subject to {@code Σ_j f_ij = a_i}, {@code Σ_i f_ij = b_j},
 * {@code f ≥ 0}: successive shortest paths with Johnson potentials (primal-dual min-cost flow;
 * Ahuja, Magnanti, Orlin, <i>Network Flows</i>, 1993, ch. 9). Every augmentation exhausts a supply,
 * a demand or a reverse arc, so the loop ends after at most a few times {@code n + m} augmentations,
 * each a dense Dijkstra of {@code O((n + m)^2 + nm)}; the result is optimal up to rounding, not an
 * approximation (no entropic regularisation). Costs must be non-negative.
 *
 * <p>One instance keeps its work arrays and grows them when needed: solving allocates nothing once
 * warm. Not thread-safe.
 */
final class Transport {

    /** Masses below this are treated as exhausted (probabilities are summed from tables checked to 1e-9). */
    static final double EPS = 1e-14;

    private double[] flow = new double[0];
    private double[] supply = new double[0];
    private double[] demand = new double[0];
    private double[] potential = new double[0];
    private double[] dist = new double[0];
    private int[] parent = new int[0];
    private boolean[] done = new boolean[0];

    /**
     * @param a    source masses (length n), summing to the same total as {@code b}
     * @param b    sink masses (length m)
     * @param cost row-major n x m costs, {@code cost[i * m + j]}, non-negative
     * @return the optimal cost
     */
    double solve(double[] a, int n, double[] b, int m, double[] cost) {
        if (n == 1 || m == 1) {
            return trivial(a, n, b, m, cost);
        }
        ensure(n, m);
        Arrays.fill(flow, 0, n * m, 0.0);
        System.arraycopy(a, 0, supply, 0, n);
        System.arraycopy(b, 0, demand, 0, m);
        // feasible potentials: every reduced cost c_ij + p_i - p_j >= 0 with p_i = 0, p_j = min_i c_ij
        Arrays.fill(potential, 0, n, 0.0);
        for (int j = 0; j < m; j++) {
            double min = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                min = Math.min(min, cost[i * m + j]);
            }
            potential[n + j] = min;
        }
        // start with each sink's cheapest source: flow on tight arcs keeps every residual arc's
        // reduced cost non-negative, so the shortest-path phase only routes what is left
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < n && demand[j] > EPS; i++) {
                if (supply[i] > EPS && cost[i * m + j] == potential[n + j]) {
                    double amount = Math.min(supply[i], demand[j]);
                    flow[i * m + j] += amount;
                    supply[i] -= amount;
                    demand[j] -= amount;
                }
            }
        }
        double remaining = 0;
        for (int i = 0; i < n; i++) {
            remaining += supply[i];
        }
        while (remaining > EPS) {
            int t = shortestPath(n, m, cost);
            if (t < 0) {
                break; // the other side is exhausted: totals differ only by rounding
            }
            // bottleneck along the path: the sink's demand, reverse-arc flows, the source's supply
            double amount = demand[t - n];
            int node = t;
            while (true) {
                int prev = parent[node];
                if (prev < 0) {
                    amount = Math.min(amount, supply[node]);
                    break;
                }
                if (node < n) {
                    amount = Math.min(amount, flow[node * m + (prev - n)]); // node is a source reached from sink prev
                }
                node = prev;
            }
            node = t;
            while (true) {
                int prev = parent[node];
                if (prev < 0) {
                    supply[node] -= amount;
                    break;
                }
                if (node >= n) {
                    flow[prev * m + (node - n)] += amount; // forward arc source prev -> sink node
                } else {
                    flow[node * m + (prev - n)] -= amount; // reverse arc sink prev -> source node
                }
                node = prev;
            }
            demand[t - n] -= amount;
            remaining -= amount;
            if (amount <= 0) {
                break; // no progress possible: only rounding mass is left
            }
        }
        double total = 0;
        for (int k = 0; k < n * m; k++) {
            if (flow[k] > 0) {
                total += flow[k] * cost[k];
            }
        }
        return total;
    }

    /** One source or one sink: the only coupling moves everything to (or from) it. */
    private static double trivial(double[] a, int n, double[] b, int m, double[] cost) {
        double total = 0;
        if (n == 1) {
            for (int j = 0; j < m; j++) {
                total += b[j] * cost[j];
            }
        } else {
            for (int i = 0; i < n; i++) {
                total += a[i] * cost[i];
            }
        }
        return total;
    }

    /**
     * Dijkstra on reduced costs from every source with supply left to the nearest sink with demand
     * left; updates the potentials so that reduced costs stay non-negative.
     *
     * @return the sink reached (node index {@code n + j}), or -1
     */
    private int shortestPath(int n, int m, double[] cost) {
        int v = n + m;
        for (int x = 0; x < v; x++) {
            boolean start = x < n && supply[x] > EPS;
            dist[x] = start ? 0.0 : Double.POSITIVE_INFINITY;
            parent[x] = -1;
            done[x] = false;
        }
        int target = -1;
        while (true) {
            int u = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int x = 0; x < v; x++) {
                if (!done[x] && dist[x] < best) {
                    best = dist[x];
                    u = x;
                }
            }
            if (u < 0) {
                break;
            }
            done[u] = true;
            if (u >= n && demand[u - n] > EPS) {
                target = u;
                break;
            }
            if (u < n) {
                int row = u * m;
                for (int j = 0; j < m; j++) {
                    int w = n + j;
                    if (!done[w]) {
                        double reduced = Math.max(0.0, cost[row + j] + potential[u] - potential[w]);
                        if (best + reduced < dist[w]) {
                            dist[w] = best + reduced;
                            parent[w] = u;
                        }
                    }
                }
            } else {
                int j = u - n;
                for (int i = 0; i < n; i++) {
                    if (!done[i] && flow[i * m + j] > EPS) {
                        double reduced = Math.max(0.0, -cost[i * m + j] + potential[u] - potential[i]);
                        if (best + reduced < dist[i]) {
                            dist[i] = best + reduced;
                            parent[i] = u;
                        }
                    }
                }
            }
        }
        if (target >= 0) {
            double reach = dist[target];
            for (int x = 0; x < v; x++) {
                potential[x] += Math.min(dist[x], reach);
            }
        }
        return target;
    }

    private void ensure(int n, int m) {
        if (flow.length < n * m) {
            flow = new double[n * m];
        }
        if (supply.length < n) {
            supply = new double[n];
        }
        if (demand.length < m) {
            demand = new double[m];
        }
        if (potential.length < n + m) {
            potential = new double[n + m];
            dist = new double[n + m];
            parent = new int[n + m];
            done = new boolean[n + m];
        }
    }
}
