package org.nettwin.api.data;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.random.RandomGenerator;

/**
 * A fixed-capacity ring buffer of transitions in flat form (the vectors networks consume), with
 * allocation-free uniform sampling. When full, the oldest transition is overwritten.
 *
 * @since 0.1
 */
public final class ReplayBuffer {

    private final int capacity;
    private final int observationSize;
    private final int actionSize;
    private final double[] observations;
    private final double[] actions;
    private final double[] rewards;
    private final double[] nextObservations;
    private final boolean[] terminated;
    private int next;
    private int size;

    /** A buffer of {@code capacity} transitions with the given flat sizes. */
    public ReplayBuffer(int capacity, int observationSize, int actionSize) {
        if (capacity < 1 || observationSize < 1 || actionSize < 1) {
            throw new IllegalArgumentException("capacity and sizes must be positive");
        }
        this.capacity = capacity;
        this.observationSize = observationSize;
        this.actionSize = actionSize;
        this.observations = new double[capacity * observationSize];
        this.actions = new double[capacity * actionSize];
        this.rewards = new double[capacity];
        this.nextObservations = new double[capacity * observationSize];
        this.terminated = new boolean[capacity];
    }

    /**
     * Stores a transition (arrays are copied). {@code terminated} is the MDP's terminal flag:
     * truncation is not termination and must not stop bootstrapping.
     */
    public void add(double[] observation, double[] action, double reward, double[] nextObservation, boolean isTerminated) {
        System.arraycopy(observation, 0, observations, next * observationSize, observationSize);
        System.arraycopy(action, 0, actions, next * actionSize, actionSize);
        rewards[next] = reward;
        System.arraycopy(nextObservation, 0, nextObservations, next * observationSize, observationSize);
        terminated[next] = isTerminated;
        next = (next + 1) % capacity;
        size = Math.min(size + 1, capacity);
    }

    /** @return transitions stored */
    public int size() {
        return size;
    }

    /** @return maximum transitions stored */
    public int capacity() {
        return capacity;
    }

    /** Fills {@code out} with uniformly drawn indices (with replacement) of stored transitions. */
    public void sampleIndices(RandomGenerator random, int[] out) {
        if (size == 0) {
            throw new IllegalStateException("cannot sample from an empty replay buffer");
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = random.nextInt(size);
        }
    }

    /** Copies transition {@code i}'s observation into row {@code row} of {@code out} (row-major, observationSize wide). */
    public void observation(int i, double[] out, int row) {
        System.arraycopy(observations, i * observationSize, out, row * observationSize, observationSize);
    }

    /** Copies transition {@code i}'s action into row {@code row} of {@code out}. */
    public void action(int i, double[] out, int row) {
        System.arraycopy(actions, i * actionSize, out, row * actionSize, actionSize);
    }

    /** @return coordinate {@code k} of transition {@code i}'s action (e.g. a discrete action's index) */
    public double action(int i, int k) {
        return actions[i * actionSize + k];
    }

    /** Copies transition {@code i}'s next observation into row {@code row} of {@code out}. */
    public void nextObservation(int i, double[] out, int row) {
        System.arraycopy(nextObservations, i * observationSize, out, row * observationSize, observationSize);
    }

    /** @return transition {@code i}'s reward */
    public double reward(int i) {
        return rewards[i];
    }

    /** @return whether transition {@code i} ended in a terminal state */
    public boolean terminated(int i) {
        return terminated[i];
    }

    /**
     * Writes the whole buffer, for an algorithm's resumable state: {@code int} capacity,
     * observation size, action size, size and next write position, then per stored transition (in
     * slot order) its observation, action, reward and next observation as {@code double}s and its
     * terminal flag as a {@code boolean}.
     */
    public void write(DataOutput out) throws IOException {
        out.writeInt(capacity);
        out.writeInt(observationSize);
        out.writeInt(actionSize);
        out.writeInt(size);
        out.writeInt(next);
        for (int i = 0; i < size; i++) {
            writeDoubles(out, observations, i * observationSize, observationSize);
            writeDoubles(out, actions, i * actionSize, actionSize);
            out.writeDouble(rewards[i]);
            writeDoubles(out, nextObservations, i * observationSize, observationSize);
            out.writeBoolean(terminated[i]);
        }
    }

    private static void writeDoubles(DataOutput out, double[] from, int at, int n) throws IOException {
        for (int k = 0; k < n; k++) {
            out.writeDouble(from[at + k]);
        }
    }

    /**
     * Reads a buffer {@link #write} wrote, which must have the given capacity and sizes (those of
     * the buffer it replaces).
     *
     * @throws IOException naming what differs, or if the stream ends or holds an impossible size or position
     */
    public static ReplayBuffer read(DataInput in, int capacity, int observationSize, int actionSize) throws IOException {
        int c = in.readInt();
        int o = in.readInt();
        int a = in.readInt();
        if (c != capacity || o != observationSize || a != actionSize) {
            throw new IOException("the saved replay buffer holds " + c + " transitions of " + o + " + " + a + " values, this one " + capacity
                    + " of " + observationSize + " + " + actionSize);
        }
        int size = in.readInt();
        int next = in.readInt();
        if (size < 0 || size > capacity || next < 0 || next >= capacity || (size < capacity && next != size)) {
            throw new IOException("the saved replay buffer has an impossible size " + size + " and position " + next + " for capacity " + capacity);
        }
        ReplayBuffer b = new ReplayBuffer(capacity, observationSize, actionSize);
        for (int i = 0; i < size; i++) {
            readDoubles(in, b.observations, i * observationSize, observationSize);
            readDoubles(in, b.actions, i * actionSize, actionSize);
            b.rewards[i] = in.readDouble();
            readDoubles(in, b.nextObservations, i * observationSize, observationSize);
            b.terminated[i] = in.readBoolean();
        }
        b.size = size;
        b.next = next;
        return b;
    }

    private static void readDoubles(DataInput in, double[] to, int at, int n) throws IOException {
        for (int k = 0; k < n; k++) {
            to[at + k] = in.readDouble();
        }
    }

    /** @return flat observation size */
    public int observationSize() {
        return observationSize;
    }

    /** @return flat action size */
    public int actionSize() {
        return actionSize;
    }
}
