package org.nettwin.api.env;

import java.util.List;

/**
 * The result of {@link Environment#reset(long)} or {@link Environment#step(Object)}: observation,
 * reward, {@code terminated} (a terminal state of the MDP was reached), {@code truncated} (the
 * episode was cut off, e.g. by a time limit) and info values.
 *
 * <p>An environment owns one {@code Step} and refills it on every call, so stepping allocates
 * nothing. The object and its observation are valid until the environment's next call; copy what
 * you keep ({@link org.nettwin.api.space.Space#copy}).
 *
 * <p>Info values are numbers whose names {@link Environment#infoNames()} fixes once, so runs can
 * log them as CSV columns.
 *
 * @param <O> observation type
 * @since 0.1
 */
public final class Step<O> {

    private final double[] info;
    private O observation;
    private double reward;
    private boolean terminated;
    private boolean truncated;

    /** @param infoCount number of info values, i.e. {@code infoNames().size()} */
    public Step(int infoCount) {
        this.info = new double[infoCount];
    }

    /** Sets everything but the info values; returns {@code this}. */
    public Step<O> set(O observation, double reward, boolean terminated, boolean truncated) {
        this.observation = observation;
        this.reward = reward;
        this.terminated = terminated;
        this.truncated = truncated;
        return this;
    }

    /** @return the observation after the step (or the first one, after a reset) */
    public O observation() {
        return observation;
    }

    /** @return the reward of the step; 0 after a reset */
    public double reward() {
        return reward;
    }

    /** @return whether a terminal state was reached */
    public boolean terminated() {
        return terminated;
    }

    /** @return whether the episode was cut off without reaching a terminal state */
    public boolean truncated() {
        return truncated;
    }

    /** @return whether the episode is over, either way */
    public boolean done() {
        return terminated || truncated;
    }

    /** @return the live info array, aligned with {@link Environment#infoNames()}; environments write into it */
    public double[] info() {
        return info;
    }

    /** @return the info value with the given name, from {@code names} */
    public double info(List<String> names, String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no info value '" + name + "'; known: " + names);
        }
        return info[i];
    }
}
