package org.nettwin.metric.bsm.internal;

import org.nettwin.api.env.MdpTables;

/**
 * The total-variation form of the DT-BSM: an upper bound of the Wasserstein form computed on the
 * matched pairs alone, without any transport problem. For a matched pair {@code (s, m(s))} and
 * action {@code a}, keep the mass the two successor distributions share on matched pairs,
 * {@code w(s') = min(P(s'|s,a), P̂(m(s')|m(s),a))}, and move the rest, {@code τ = 1 − Σ w}
 * (the total variation between {@code P} and {@code P̂} read through the matching), at the
 * largest possible cost {@code D = ΔR_max / (1 − γ)}, the diameter bound of the exact metric
 * ({@code ΔR_max} the largest reward difference of any real/twin pair). That coupling costs at
 * least {@code W_d}, so the fixed point of
 * <pre>  x(s) = max_a [ |R(s,a) − R̂(m(s),a)| + γ ( Σ_s' w(s') x(s') + τ · D ) ]</pre>
 * bounds {@code d(s, m(s))} from above (README: derivation). A sweep costs
 * {@code O(|A| · nnz(P))}, {@code O(|A||S|²)} for dense tables.
 */
final class TotalVariationFixedPoint {

    private TotalVariationFixedPoint() {
    }

    /** @param match for each real state its twin state, or -1 (see {@link Matching}) */
    static StateDistances compute(MdpTables real, MdpTables twin, int[] match, double gamma, double tolerance, int maxIterations) {
        int states = real.stateCount();
        int actions = real.actionCount();
        double diameter = rewardSpread(real, twin) / (1 - gamma);
        // the twin's successor distribution read back onto real states through the matching
        int[] realOf = new int[twin.stateCount()];
        java.util.Arrays.fill(realOf, -1);
        for (int s = 0; s < states; s++) {
            if (match[s] >= 0) {
                realOf[match[s]] = s;
            }
        }
        double[] twinRow = new double[states];
        int[] offsets = new int[states * actions + 1];
        int total = 0;
        for (int s = 0; s < states; s++) {
            for (int a = 0; a < actions; a++) {
                offsets[s * actions + a] = total;
                total += match[s] < 0 ? 0 : real.successorCount(s, a);
            }
        }
        offsets[states * actions] = total;
        int[] shared = new int[total];
        double[] weight = new double[total];
        double[] constant = new double[states * actions]; // |ΔR| + γ τ D
        for (int s = 0; s < states; s++) {
            if (match[s] < 0) {
                continue;
            }
            int t = match[s];
            for (int a = 0; a < actions; a++) {
                for (int j = 0; j < twin.successorCount(t, a); j++) {
                    int r = realOf[twin.successor(t, a, j)];
                    if (r >= 0) {
                        twinRow[r] += twin.successorProbability(t, a, j);
                    }
                }
                int k = offsets[s * actions + a];
                double common = 0;
                for (int i = 0; i < real.successorCount(s, a); i++) {
                    int u = real.successor(s, a, i);
                    double w = match[u] < 0 ? 0 : Math.min(real.successorProbability(s, a, i), twinRow[u]);
                    shared[k + i] = u;
                    weight[k + i] = w;
                    common += w;
                }
                for (int j = 0; j < twin.successorCount(t, a); j++) {
                    int r = realOf[twin.successor(t, a, j)];
                    if (r >= 0) {
                        twinRow[r] = 0;
                    }
                }
                double tau = Math.max(0, 1 - common);
                constant[s * actions + a] = Math.abs(real.reward(s, a) - twin.reward(t, a)) + gamma * tau * diameter;
            }
        }
        double[] x = new double[states];
        int iterations = 0;
        double change = Double.POSITIVE_INFINITY;
        while (iterations < maxIterations && !(gamma / (1 - gamma) * change <= tolerance)) {
            change = 0;
            for (int s = 0; s < states; s++) {
                if (match[s] < 0) {
                    continue;
                }
                double best = 0;
                for (int a = 0; a < actions; a++) {
                    int k = s * actions + a;
                    double sum = 0;
                    for (int i = offsets[k]; i < offsets[k + 1]; i++) {
                        sum += weight[i] * x[shared[i]];
                    }
                    best = Math.max(best, constant[k] + gamma * sum);
                }
                change = Math.max(change, Math.abs(best - x[s]));
                x[s] = best; // Gauss-Seidel, as the Wasserstein form
            }
            iterations++;
        }
        double[] perState = new double[states];
        long pairs = 0;
        for (int s = 0; s < states; s++) {
            perState[s] = match[s] < 0 ? Double.NaN : x[s];
            pairs += match[s] < 0 ? 0 : 1;
        }
        return new StateDistances(perState, iterations, change, gamma, pairs);
    }

    /** @return {@code ΔR_max = max over a, s, ŝ of |R(s,a) − R̂(ŝ,a)|} */
    static double rewardSpread(MdpTables real, MdpTables twin) {
        double spread = 0;
        for (int a = 0; a < real.actionCount(); a++) {
            double[] r = range(real, a);
            double[] t = range(twin, a);
            spread = Math.max(spread, Math.max(r[1] - t[0], t[1] - r[0]));
        }
        return spread;
    }

    private static double[] range(MdpTables m, int a) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < m.stateCount(); s++) {
            lo = Math.min(lo, m.reward(s, a));
            hi = Math.max(hi, m.reward(s, a));
        }
        return new double[] {lo, hi};
    }
}
