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

    /**
     * Collects transitions and rewards, then checks and freezes them. Rows are kept sparse while
     * building (memory follows the transitions added, not {@code |S|²|A|}); repeated additions to
     * one entry are summed.
     */
    public static final class Builder {
        private final int states;
        private final int actions;
        private final int[][] rowNext;      // (s*actions+a) -> next states as added (repeats allowed)
        private final double[][] rowProb;
        private final int[] rowSize;
        private final double[] reward;
        private final double[] initial;

        private Builder(int states, int actions) {
            if (states < 1 || actions < 1) {
                throw new IllegalArgumentException("an MDP needs at least one state and one action");
            }
            if ((long) states * actions > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException(states + " states x " + actions + " actions are too many state-action pairs");
            }
            this.states = states;
            this.actions = actions;
            this.rowNext = new int[states * actions][];
            this.rowProb = new double[states * actions][];
            this.rowSize = new int[states * actions];
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
            int n = rowSize[k];
            if (rowNext[k] == null) {
                rowNext[k] = new int[4];
                rowProb[k] = new double[4];
            } else if (n == rowNext[k].length) {
                rowNext[k] = Arrays.copyOf(rowNext[k], n * 2);
                rowProb[k] = Arrays.copyOf(rowProb[k], n * 2);
            }
            rowNext[k][n] = nextState;
            rowProb[k][n] = p;
            rowSize[k] = n + 1;
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
            int[] offsets = new int[rowNext.length + 1];
            int[][] mergedNext = new int[rowNext.length][];
            double[][] mergedProb = new double[rowNext.length][];
            int nonZero = 0;
            for (int k = 0; k < rowNext.length; k++) {
                if (rowNext[k] == null) {
                    throw new IllegalStateException("no transitions for state " + k / actions + ", action " + k % actions);
                }
                merge(k, mergedNext, mergedProb);
                checkDistribution(mergedProb[k], "P(.|s=" + k / actions + ",a=" + k % actions + ")");
                for (double p : mergedProb[k]) {
                    nonZero += p > 0 ? 1 : 0;
                }
                if (!Double.isFinite(reward[k])) {
                    throw new IllegalStateException("reward of state " + k / actions + ", action " + k % actions + " is not finite");
                }
            }
            checkDistribution(initial, "initial distribution");
            int[] next = new int[nonZero];
            double[] prob = new double[nonZero];
            int j = 0;
            for (int k = 0; k < rowNext.length; k++) {
                offsets[k] = j;
                for (int i = 0; i < mergedNext[k].length; i++) {
                    if (mergedProb[k][i] > 0) {
                        next[j] = mergedNext[k][i];
                        prob[j++] = mergedProb[k][i];
                    }
                }
            }
            offsets[rowNext.length] = j;
            return new MdpTables(states, actions, offsets, next, prob, reward.clone(), initial.clone());
        }

        /** Sorts row {@code k} by next state and sums repeated entries. */
        private void merge(int k, int[][] mergedNext, double[][] mergedProb) {
            int n = rowSize[k];
            long[] order = new long[n];
            for (int i = 0; i < n; i++) {
                order[i] = (long) rowNext[k][i] << 32 | i;
            }
            Arrays.sort(order);
            int[] outNext = new int[n];
            double[] outProb = new double[n];
            int m = 0;
            for (int i = 0; i < n; i++) {
                int t = (int) (order[i] >>> 32);
                double p = rowProb[k][(int) order[i]];
                if (m > 0 && outNext[m - 1] == t) {
                    outProb[m - 1] += p;
                } else {
                    outNext[m] = t;
                    outProb[m++] = p;
                }
            }
            mergedNext[k] = Arrays.copyOf(outNext, m);
            mergedProb[k] = Arrays.copyOf(outProb, m);
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
