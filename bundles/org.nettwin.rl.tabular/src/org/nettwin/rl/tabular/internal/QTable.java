package org.nettwin.rl.tabular.internal;

/** Action values {@code Q(s, a)} in one flat array, with greedy look-ups that allocate nothing. */
final class QTable {

    final int states;
    final int actions;
    final double[] q;

    QTable(int states, int actions, double initial) {
        this.states = states;
        this.actions = actions;
        this.q = new double[states * actions];
        java.util.Arrays.fill(q, initial);
    }

    /** @return the greedy action of {@code s}; ties go to the lowest action, for reproducibility */
    int greedy(int s) {
        int base = s * actions;
        int best = 0;
        for (int a = 1; a < actions; a++) {
            if (q[base + a] > q[base + best]) {
                best = a;
            }
        }
        return best;
    }

    /** @return {@code max_a Q(s, a)} */
    double max(int s) {
        return q[s * actions + greedy(s)];
    }

    /** One Q-learning update toward {@code target} with step size {@code alpha}; returns the TD error. */
    double update(int s, int a, double target, double alpha) {
        int k = s * actions + a;
        double td = target - q[k];
        q[k] += alpha * td;
        return td;
    }
}
