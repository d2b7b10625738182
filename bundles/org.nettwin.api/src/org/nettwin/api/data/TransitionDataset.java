package org.nettwin.api.data;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Historical transitions {@code (s, a, r, s', terminated, truncated)} in columnar form, each with
 * its episode number, in the order they happened (so twins can build windows of past steps).
 * Observations and actions are stored in their spaces' compact encoding
 * ({@link org.nettwin.api.space.Space#encode}). Metadata (scenario id, space descriptions,
 * behaviour policy, seed) travels with the data.
 *
 * <p>Read and write with {@link TransitionCsv} (for data from real networks) and
 * {@link TransitionBinary} (compact, versioned, checksummed).
 *
 * @since 0.1
 */
public final class TransitionDataset {

    private final int observationSize;
    private final int actionSize;
    private final Map<String, String> metadata;
    private int size;
    private int[] episode;
    private double[] observations;
    private double[] actions;
    private double[] rewards;
    private double[] nextObservations;
    private boolean[] terminated;
    private boolean[] truncated;

    /** An empty dataset for encoded observations of {@code observationSize} and actions of {@code actionSize}. */
    public TransitionDataset(int observationSize, int actionSize, Map<String, String> metadata) {
        if (observationSize < 1 || actionSize < 1) {
            throw new IllegalArgumentException("observation and action sizes must be positive");
        }
        this.observationSize = observationSize;
        this.actionSize = actionSize;
        this.metadata = new LinkedHashMap<>(metadata);
        allocate(64);
    }

    private void allocate(int capacity) {
        episode = episode == null ? new int[capacity] : Arrays.copyOf(episode, capacity);
        observations = observations == null ? new double[capacity * observationSize] : Arrays.copyOf(observations, capacity * observationSize);
        actions = actions == null ? new double[capacity * actionSize] : Arrays.copyOf(actions, capacity * actionSize);
        rewards = rewards == null ? new double[capacity] : Arrays.copyOf(rewards, capacity);
        nextObservations = nextObservations == null ? new double[capacity * observationSize]
                : Arrays.copyOf(nextObservations, capacity * observationSize);
        terminated = terminated == null ? new boolean[capacity] : Arrays.copyOf(terminated, capacity);
        truncated = truncated == null ? new boolean[capacity] : Arrays.copyOf(truncated, capacity);
    }

    /**
     * Appends a transition; arrays are copied.
     *
     * @throws IllegalArgumentException if a size is wrong or a value is not finite
     */
    public void add(int episodeNumber, double[] observation, double[] action, double reward, double[] nextObservation,
            boolean isTerminated, boolean isTruncated) {
        if (observation.length != observationSize || nextObservation.length != observationSize || action.length != actionSize) {
            throw new IllegalArgumentException("transition sizes " + observation.length + "/" + action.length + "/" + nextObservation.length
                    + " do not match the dataset's " + observationSize + "/" + actionSize + "/" + observationSize);
        }
        if (!Double.isFinite(reward) || !finite(observation) || !finite(action) || !finite(nextObservation)) {
            throw new IllegalArgumentException("transition " + size + " has a non-finite value");
        }
        if (size == episode.length) {
            allocate(Math.max(64, size * 2));
        }
        episode[size] = episodeNumber;
        System.arraycopy(observation, 0, observations, size * observationSize, observationSize);
        System.arraycopy(action, 0, actions, size * actionSize, actionSize);
        rewards[size] = reward;
        System.arraycopy(nextObservation, 0, nextObservations, size * observationSize, observationSize);
        terminated[size] = isTerminated;
        truncated[size] = isTruncated;
        size++;
    }

    private static boolean finite(double[] v) {
        for (double x : v) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return true;
    }

    /** @return number of transitions */
    public int size() {
        return size;
    }

    /** @return length of an encoded observation */
    public int observationSize() {
        return observationSize;
    }

    /** @return length of an encoded action */
    public int actionSize() {
        return actionSize;
    }

    /** @return the metadata (mutable: collectors add their keys) */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** @return a read-only view of the metadata */
    public Map<String, String> metadataView() {
        return Collections.unmodifiableMap(metadata);
    }

    /** @return episode number of transition {@code i} */
    public int episode(int i) {
        checkIndex(i);
        return episode[i];
    }

    /** @return coordinate {@code k} of transition {@code i}'s observation */
    public double observation(int i, int k) {
        checkIndex(i);
        return observations[i * observationSize + k];
    }

    /** Copies transition {@code i}'s observation into {@code out} from {@code offset}. */
    public void observation(int i, double[] out, int offset) {
        checkIndex(i);
        System.arraycopy(observations, i * observationSize, out, offset, observationSize);
    }

    /** @return coordinate {@code k} of transition {@code i}'s action */
    public double action(int i, int k) {
        checkIndex(i);
        return actions[i * actionSize + k];
    }

    /** Copies transition {@code i}'s action into {@code out} from {@code offset}. */
    public void action(int i, double[] out, int offset) {
        checkIndex(i);
        System.arraycopy(actions, i * actionSize, out, offset, actionSize);
    }

    /** @return reward of transition {@code i} */
    public double reward(int i) {
        checkIndex(i);
        return rewards[i];
    }

    /** @return coordinate {@code k} of transition {@code i}'s next observation */
    public double nextObservation(int i, int k) {
        checkIndex(i);
        return nextObservations[i * observationSize + k];
    }

    /** Copies transition {@code i}'s next observation into {@code out} from {@code offset}. */
    public void nextObservation(int i, double[] out, int offset) {
        checkIndex(i);
        System.arraycopy(nextObservations, i * observationSize, out, offset, observationSize);
    }

    /** @return whether transition {@code i} ended in a terminal state */
    public boolean terminated(int i) {
        checkIndex(i);
        return terminated[i];
    }

    /** @return whether the episode was cut off after transition {@code i} */
    public boolean truncated(int i) {
        checkIndex(i);
        return truncated[i];
    }

    /** @return a new dataset with transitions {@code [from, to)} and the same metadata */
    public TransitionDataset slice(int from, int to) {
        if (from < 0 || to > size || from > to) {
            throw new IndexOutOfBoundsException("slice [" + from + ", " + to + ") of " + size);
        }
        TransitionDataset out = new TransitionDataset(observationSize, actionSize, metadata);
        out.allocate(Math.max(1, to - from));
        double[] o = new double[observationSize];
        double[] a = new double[actionSize];
        double[] n = new double[observationSize];
        for (int i = from; i < to; i++) {
            observation(i, o, 0);
            action(i, a, 0);
            nextObservation(i, n, 0);
            out.add(episode[i], o, a, rewards[i], n, terminated[i], truncated[i]);
        }
        return out;
    }

    /** Appends every transition of {@code other} (same sizes), renumbering its episodes after ours. */
    public void addAll(TransitionDataset other) {
        if (other.observationSize != observationSize || other.actionSize != actionSize) {
            throw new IllegalArgumentException("datasets have different observation or action sizes");
        }
        int offset = size == 0 ? 0 : episode[size - 1] + 1 - (other.size == 0 ? 0 : other.episode[0]);
        double[] o = new double[observationSize];
        double[] a = new double[actionSize];
        double[] n = new double[observationSize];
        for (int i = 0; i < other.size; i++) {
            other.observation(i, o, 0);
            other.action(i, a, 0);
            other.nextObservation(i, n, 0);
            add(other.episode[i] + offset, o, a, other.rewards[i], n, other.terminated[i], other.truncated[i]);
        }
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("transition " + i + " of " + size);
        }
    }

    /** Column views for the codecs in this package (no copy). */
    int[] episodeColumn() {
        return episode;
    }

    double[] observationColumn() {
        return observations;
    }

    double[] actionColumn() {
        return actions;
    }

    double[] rewardColumn() {
        return rewards;
    }

    double[] nextObservationColumn() {
        return nextObservations;
    }

    boolean[] terminatedColumn() {
        return terminated;
    }

    boolean[] truncatedColumn() {
        return truncated;
    }

    /** @return whether both datasets hold the same transitions and metadata */
    public boolean sameContent(TransitionDataset o) {
        return o.size == size && o.observationSize == observationSize && o.actionSize == actionSize
                && metadata.equals(o.metadata)
                && Arrays.equals(episode, 0, size, o.episode, 0, size)
                && Arrays.equals(observations, 0, size * observationSize, o.observations, 0, size * observationSize)
                && Arrays.equals(actions, 0, size * actionSize, o.actions, 0, size * actionSize)
                && Arrays.equals(rewards, 0, size, o.rewards, 0, size)
                && Arrays.equals(nextObservations, 0, size * observationSize, o.nextObservations, 0, size * observationSize)
                && Arrays.equals(terminated, 0, size, o.terminated, 0, size)
                && Arrays.equals(truncated, 0, size, o.truncated, 0, size);
    }
}
