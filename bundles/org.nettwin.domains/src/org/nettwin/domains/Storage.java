package org.nettwin.domains;

/**
 * A domain's storage space (paper 001): the transitions its twin agent produced, in a ring of fixed
 * capacity (the oldest overwritten), drawn from by the learner on demand. A transition is
 * {@code (s, a, G, s', discount)}: for a one-step transition {@code G = r} and
 * {@code discount = γ} (0 if {@code s'} is terminal); for a k-step prediction
 * {@code G = Σ_{j<k} γ^j r_j}, {@code s' = s_k} and {@code discount = γ^k} (0 if it ended in a
 * terminal state). Storages of domains that are filled in lockstep share indices. Adding copies
 * into arrays made once: nothing is allocated.
 */
public final class Storage {

    private final int capacity;
    private final int width;
    private final int agents;
    private final double[] observations;
    private final int[] actions;
    private final double[] returns;
    private final double[] nexts;
    private final double[] discounts;
    private int next;
    private int size;
    private long stored;

    /** @param width joint observation size; {@code agents} actions per transition */
    public Storage(int capacity, int width, int agents) {
        if (capacity < 1) {
            throw new IllegalArgumentException("storage capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        this.width = width;
        this.agents = agents;
        this.observations = new double[capacity * width];
        this.actions = new int[capacity * agents];
        this.returns = new double[capacity];
        this.nexts = new double[capacity * width];
        this.discounts = new double[capacity];
    }

    /** Stores a transition; returns its index. */
    public int add(double[] observation, int[] action, double value, double[] nextObservation, double discount) {
        int i = next;
        System.arraycopy(observation, 0, observations, i * width, width);
        System.arraycopy(action, 0, actions, i * agents, agents);
        returns[i] = value;
        System.arraycopy(nextObservation, 0, nexts, i * width, width);
        discounts[i] = discount;
        next = (next + 1) % capacity;
        size = Math.min(size + 1, capacity);
        stored++;
        return i;
    }

    /** @return the index of the last transition stored */
    public int last() {
        if (stored == 0) {
            throw new IllegalStateException("the storage is empty");
        }
        return (next + capacity - 1) % capacity;
    }

    /** @return transitions held now */
    public int size() {
        return size;
    }

    /** @return transitions stored since creation (including overwritten ones) */
    public long stored() {
        return stored;
    }

    /** @return the joint observation of transition {@code i}: {@code width} values from {@link #observationOffset} */
    public double[] observations() {
        return observations;
    }

    /** @return the offset of transition {@code i}'s observation (and of its next observation) in the arrays */
    public int observationOffset(int i) {
        return i * width;
    }

    /** @return the next joint observations (s', or s_k for a k-step prediction) */
    public double[] nextObservations() {
        return nexts;
    }

    /** @return agent {@code agent}'s action of transition {@code i} */
    public int action(int i, int agent) {
        return actions[i * agents + agent];
    }

    /** @return {@code G}: the reward, or the discounted k-step return */
    public double value(int i) {
        return returns[i];
    }

    /** @return the discount of the bootstrap from the next observation (0 after a terminal state) */
    public double discount(int i) {
        return discounts[i];
    }
}
