package org.nettwin.domains;

import org.nettwin.api.env.Copyable;
import org.nettwin.api.env.Snapshottable;
import org.nettwin.api.env.Step;

/**
 * The physical environment as the digital domains see it: it steps the real (joint) environment,
 * keeps the recent real history of the episode (what a learned twin is synchronised with), takes
 * snapshots for perfect copies, and counts physical steps and the time spent in them.
 */
public final class Physical implements AutoCloseable {

    private final JointView environment;
    private final int history;
    private final double[][] observations;
    private final int[][] actions;
    private int count;
    private Step<double[]> last;
    private long steps;
    private long nanos;
    private Object snapshot;
    /** the scenario's snapshot ability (null if none), looked up once */
    private final Snapshottable snapshots;

    /** @param history real steps kept for twin synchronisation (at least 1: the current observation) */
    public Physical(JointView environment, int history) {
        if (history < 1) {
            throw new IllegalArgumentException("history must be at least 1, got " + history);
        }
        this.environment = environment;
        this.history = history;
        int width = environment.observationSpace().dimension();
        this.observations = new double[history][width];
        this.actions = new int[history][environment.agents()];
        this.snapshots = environment.capability(Snapshottable.class).orElse(null);
    }

    /** @return the physical environment */
    public JointView environment() {
        return environment;
    }

    /** Starts the first episode with {@code seed}. */
    public Step<double[]> reset(long seed) {
        return started(environment.reset(seed));
    }

    /** Starts a new episode, continuing the random stream. */
    public Step<double[]> reset() {
        return started(environment.reset());
    }

    private Step<double[]> started(Step<double[]> s) {
        count = 0;
        remember(s.observation());
        snapshot = null;
        last = s;
        return s;
    }

    /** One physical step, timed and counted. */
    public Step<double[]> step(int[] action) {
        System.arraycopy(action, 0, actions[count - 1], 0, action.length);
        long t0 = System.nanoTime();
        Step<double[]> s = environment.step(action);
        nanos += System.nanoTime() - t0;
        steps++;
        remember(s.observation());
        snapshot = null;
        last = s;
        return s;
    }

    private void remember(double[] observation) {
        if (count == history) {
            // slide the window: the oldest row is reused for the newest
            double[] o = observations[0];
            int[] a = actions[0];
            System.arraycopy(observations, 1, observations, 0, history - 1);
            System.arraycopy(actions, 1, actions, 0, history - 1);
            observations[history - 1] = o;
            actions[history - 1] = a;
            count--;
        }
        System.arraycopy(observation, 0, observations[count], 0, observation.length);
        count++;
    }

    /** @return the last step (or reset) of the physical environment */
    public Step<double[]> current() {
        return last;
    }

    /** @return the kept history: rows {@code 0..historyCount()−1}, the last is the current observation */
    public double[][] historyObservations() {
        return observations;
    }

    /** @return {@code historyActions()[i]} was taken after {@code historyObservations()[i]} */
    public int[][] historyActions() {
        return actions;
    }

    /** @return how many history rows are valid (the current episode's, at most the configured history) */
    public int historyCount() {
        return count;
    }

    /**
     * @return a snapshot of the current state, taken once per physical step however many domains ask
     * @throws IllegalStateException if the scenario cannot be snapshotted
     */
    public Object snapshot() {
        if (snapshot == null) {
            if (snapshots == null) {
                throw new IllegalStateException("the physical environment is not Snapshottable");
            }
            snapshot = snapshots.snapshot();
        }
        return snapshot;
    }

    /** @return an independent copy of the physical environment in its current state (for Copyable scenarios) */
    public Object copy() {
        return environment.capability(Copyable.class)
                .orElseThrow(() -> new IllegalStateException("the physical environment is not Copyable")).copy();
    }

    /** @return physical steps taken */
    public long steps() {
        return steps;
    }

    /** @return seconds spent in physical steps */
    public double seconds() {
        return nanos * 1e-9;
    }

    @Override
    public void close() {
        environment.close();
    }
}
