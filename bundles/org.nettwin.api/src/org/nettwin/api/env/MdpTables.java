package org.nettwin.api.env;

import java.util.Arrays;

/**
 * The exact dynamics of a finite MDP: for every state {@code s} and action {@code a}, the
 * distribution of next states (sparse) and the expected immediate reward {@code R(s,a)}, plus the
 * initial state distribution. Immutable; built with {@link Builder}, which checks that each
 * distribution sums to 1.
 *
 * @since 0.1
 */
public final class MdpTables {

    private final int states;
    private final int actions;
    private final int[] offsets;     // (s*actions+a) -> start in next/prob; length states*actions+1
    private final int[] next;
    private final double[] prob;
    private final double[] reward;   // states*actions
    private final double[] initial;  // states

    private MdpTables(int states, int actions, int[] offsets, int[] next, double[] prob, double[] reward, double[] initial) {
        this.states = states;
        this.actions = actions;
        this.offsets = offsets;
        this.next = next;
        this.prob = prob;
        this.reward = reward;
        this.initial = initial;
    }

    /** @return a builder for {@code states} x {@code actions} tables */
    public static Builder builder(int states, int actions) {
        return new Builder(states, actions);
    }

    /** @return number of states */
    public int stateCount() {
        return states;
    }

    /** @return number of actions */
    public int actionCount() {
        return actions;
    }

    /** @return expected immediate reward of {@code a} in {@code s} */
    public double reward(int s, int a) {
        return reward[s * actions + a];
    }

    /** @return probability of the initial state {@code s} */
    public double initialProbability(int s) {
        return initial[s];
    }

    /** @return number of next states with non-zero probability after {@code a} in {@code s} */
    public int successorCount(int s, int a) {
        int k = s * actions + a;
        return offsets[k + 1] - offsets[k];
    }

    /** @return the {@code i}-th possible next state after {@code a} in {@code s} */
    public int successor(int s, int a, int i) {
        return next[offsets[s * actions + a] + i];
    }

    /** @return the probability of the {@code i}-th possible next state after {@code a} in {@code s} */
    public double successorProbability(int s, int a, int i) {
        return prob[offsets[s * actions + a] + i];
    }

    /** @return {@code P(next | s, a)} (0 when unreachable) */
    public double probability(int s, int a, int nextState) {
        int k = s * actions + a;
        for (int i = offsets[k]; i < offsets[k + 1]; i++) {
            if (next[i] == nextState) {
                return prob[i];
            }
        }
        return 0.0;
    }

    /** Writes the dense distribution {@code P(. | s, a)} into {@code out} (length stateCount). */
    public void distribution(int s, int a, double[] out) {
        Arrays.fill(out, 0.0);
        int k = s * actions + a;
        for (int i = offsets[k]; i < offsets[k + 1]; i++) {
            out[next[i]] += prob[i];
        }
    }

    /** Collects transitions and rewards, then checks and freezes them. */
    public static final class Builder {
        private final int states;
        private final int actions;
        private final double[][] dense;  // rows are filled lazily: (s*actions+a) -> P(.)
        private final double[] reward;
        private final double[] initial;

        private Builder(int states, int actions) {
            if (states < 1 || actions < 1) {
                throw new IllegalArgumentException("an MDP needs at least one state and one action");
            }
            this.states = states;
            this.actions = actions;
            this.dense = new double[states * actions][];
            this.reward = new double[states * actions];
            this.initial = new double[states];
        }

        private void checkIndices(int s, int a) {
            if (s < 0 || s >= states || a < 0 || a >= actions) {
                throw new IndexOutOfBoundsException("state " + s + " / action " + a + " outside " + states + " states x " + actions + " actions");
            }
        }

        /** Adds {@code p} to {@code P(next | s, a)}. */
        public Builder transition(int s, int a, int nextState, double p) {
            checkIndices(s, a);
            checkIndices(nextState, 0);
            int k = s * actions + a;
            if (dense[k] == null) {
                dense[k] = new double[states];
            }
            dense[k][nextState] += p;
            return this;
        }

        /** Sets {@code R(s, a)}. */
        public Builder reward(int s, int a, double r) {
            checkIndices(s, a);
            reward[s * actions + a] = r;
            return this;
        }

        /** Sets the initial probability of {@code s}. */
        public Builder initial(int s, double p) {
            checkIndices(s, 0);
            initial[s] = p;
            return this;
        }

        /**
         * @return the tables
         * @throws IllegalStateException if a distribution does not sum to 1 (within 1e-9) or a
         *                               value is negative or not finite
         */
        public MdpTables build() {
            int nonZero = 0;
            for (int k = 0; k < dense.length; k++) {
                if (dense[k] == null) {
                    throw new IllegalStateException("no transitions for state " + k / actions + ", action " + k % actions);
                }
                checkDistribution(dense[k], "P(.|s=" + k / actions + ",a=" + k % actions + ")");
                for (double p : dense[k]) {
                    nonZero += p > 0 ? 1 : 0;
                }
                if (!Double.isFinite(reward[k])) {
                    throw new IllegalStateException("reward of state " + k / actions + ", action " + k % actions + " is not finite");
                }
            }
            checkDistribution(initial, "initial distribution");
            int[] offsets = new int[dense.length + 1];
            int[] next = new int[nonZero];
            double[] prob = new double[nonZero];
            int j = 0;
            for (int k = 0; k < dense.length; k++) {
                offsets[k] = j;
                for (int s = 0; s < states; s++) {
                    if (dense[k][s] > 0) {
                        next[j] = s;
                        prob[j++] = dense[k][s];
                    }
                }
            }
            offsets[dense.length] = j;
            return new MdpTables(states, actions, offsets, next, prob, reward.clone(), initial.clone());
        }

        private static void checkDistribution(double[] p, String what) {
            double sum = 0;
            for (double x : p) {
                if (!(x >= 0) || !Double.isFinite(x)) {
                    throw new IllegalStateException(what + " has a negative or non-finite probability");
                }
                sum += x;
            }
            if (Math.abs(sum - 1.0) > 1e-9) {
                throw new IllegalStateException(what + " sums to " + sum + ", not 1");
            }
        }
    }
}
