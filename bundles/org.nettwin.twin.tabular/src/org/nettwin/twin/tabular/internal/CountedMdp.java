package org.nettwin.twin.tabular.internal;

import java.util.Arrays;
import java.util.random.RandomGenerator;

import org.nettwin.api.env.MdpTables;

/**
 * Transition counts {@code N(s, a, s')}, termination counts, reward sums and start-state counts:
 * the sufficient statistics of the maximum-likelihood MDP of a dataset. Successors are kept in
 * small growable arrays per state-action pair, so memory follows the data, not {@code |S|^2 |A|}.
 */
final class CountedMdp {

    /** What a never-observed state-action pair does in the model. */
    enum Unseen {
        /** Stay in the state with reward 0 (absorbing): the conservative choice. */
        SELF_LOOP,
        /** Move to a uniformly random state with reward 0: maximum entropy. */
        UNIFORM
    }

    final int states;
    final int actions;
    private final int[][] successors;
    private final long[][] counts;
    private final long[][] terminal;
    private final int[] used;
    private final long[] visits;
    private final double[] rewardSum;
    private final long[] starts;
    private long startTotal;
    private final Unseen unseen;

    CountedMdp(int states, int actions, Unseen unseen) {
        this.states = states;
        this.actions = actions;
        this.unseen = unseen;
        int pairs = states * actions;
        successors = new int[pairs][];
        counts = new long[pairs][];
        terminal = new long[pairs][];
        used = new int[pairs];
        visits = new long[pairs];
        rewardSum = new double[pairs];
        starts = new long[states];
    }

    void start(int s) {
        starts[s]++;
        startTotal++;
    }

    void add(int s, int a, double reward, int next, boolean terminated) {
        int k = s * actions + a;
        visits[k]++;
        rewardSum[k] += reward;
        int[] succ = successors[k];
        int n = used[k];
        for (int i = 0; i < n; i++) {
            if (succ[i] == next) {
                counts[k][i]++;
                terminal[k][i] += terminated ? 1 : 0;
                return;
            }
        }
        if (succ == null || n == succ.length) {
            int cap = succ == null ? 2 : n * 2;
            successors[k] = succ = succ == null ? new int[cap] : Arrays.copyOf(succ, cap);
            counts[k] = counts[k] == null ? new long[cap] : Arrays.copyOf(counts[k], cap);
            terminal[k] = terminal[k] == null ? new long[cap] : Arrays.copyOf(terminal[k], cap);
        }
        succ[n] = next;
        counts[k][n] = 1;
        terminal[k][n] = terminated ? 1 : 0;
        used[k] = n + 1;
    }

    long visits(int s, int a) {
        return visits[s * actions + a];
    }

    long startTotal() {
        return startTotal;
    }

    /** @return the empirical mean reward of {@code (s, a)}, 0 if never seen */
    double reward(int s, int a) {
        int k = s * actions + a;
        return visits[k] == 0 ? 0.0 : rewardSum[k] / visits[k];
    }

    /** Draws a start state in proportion to the observed episode starts. */
    int sampleStart(RandomGenerator random) {
        long r = (long) (random.nextDouble() * startTotal);
        for (int s = 0; s < states; s++) {
            r -= starts[s];
            if (r < 0) {
                return s;
            }
        }
        return states - 1;
    }

    /**
     * Draws a successor of {@code (s, a)}; writes into {@code terminated[0]} whether that
     * observed transition ended the episode (drawn with its observed frequency).
     */
    int sampleNext(int s, int a, RandomGenerator random, boolean[] terminated) {
        int k = s * actions + a;
        terminated[0] = false;
        if (visits[k] == 0) {
            return unseen == Unseen.SELF_LOOP ? s : random.nextInt(states);
        }
        long r = (long) (random.nextDouble() * visits[k]);
        int n = used[k];
        for (int i = 0; i < n; i++) {
            r -= counts[k][i];
            if (r < 0 || i == n - 1) {
                terminated[0] = terminal[k][i] > 0 && random.nextDouble() * counts[k][i] < terminal[k][i];
                return successors[k][i];
            }
        }
        return s;
    }

    /** Adds {@code weight * P(. | s, a)} of the model to {@code out}. */
    void spread(int s, int a, double weight, double[] out) {
        int k = s * actions + a;
        if (visits[k] == 0) {
            if (unseen == Unseen.SELF_LOOP) {
                out[s] += weight;
            } else {
                double w = weight / states;
                for (int t = 0; t < states; t++) {
                    out[t] += w;
                }
            }
            return;
        }
        for (int i = 0; i < used[k]; i++) {
            out[successors[k][i]] += weight * counts[k][i] / visits[k];
        }
    }

    /** @return the maximum-likelihood tables; unseen pairs as configured, no starts observed: uniform */
    MdpTables tables() {
        MdpTables.Builder b = MdpTables.builder(states, actions);
        double[] row = new double[states];
        for (int s = 0; s < states; s++) {
            for (int a = 0; a < actions; a++) {
                Arrays.fill(row, 0.0);
                spread(s, a, 1.0, row);
                for (int t = 0; t < states; t++) {
                    if (row[t] > 0) {
                        b.transition(s, a, t, row[t]);
                    }
                }
                b.reward(s, a, reward(s, a));
            }
            b.initial(s, startTotal == 0 ? 1.0 / states : (double) starts[s] / startTotal);
        }
        return b.build();
    }
}
