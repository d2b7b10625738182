package org.nettwin.api.env;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The result of a reset or step of a {@link MultiAgentEnvironment}: per-agent observations,
 * rewards and flags, indexed like {@link MultiAgentEnvironment#possibleAgents()}, plus shared
 * info values. Owned and refilled by the environment, like {@link Step}.
 *
 * @param <O> observation type
 * @since 0.1
 */
public final class MultiStep<O> {

    private final List<O> observations;
    private final double[] rewards;
    private final boolean[] terminated;
    private final boolean[] truncated;
    private final double[] info;

    /** @param agents number of agents; {@code infoCount} number of shared info values */
    public MultiStep(int agents, int infoCount) {
        this.observations = new ArrayList<>(Collections.nCopies(agents, null));
        this.rewards = new double[agents];
        this.terminated = new boolean[agents];
        this.truncated = new boolean[agents];
        this.info = new double[infoCount];
    }

    /** Sets one agent's part; returns {@code this}. */
    public MultiStep<O> set(int agent, O observation, double reward, boolean terminated, boolean truncated) {
        observations.set(agent, observation);
        rewards[agent] = reward;
        this.terminated[agent] = terminated;
        this.truncated[agent] = truncated;
        return this;
    }

    /** @return number of agents */
    public int agentCount() {
        return rewards.length;
    }

    /** @return agent {@code i}'s observation */
    public O observation(int agent) {
        return observations.get(agent);
    }

    /** @return agent {@code i}'s reward */
    public double reward(int agent) {
        return rewards[agent];
    }

    /** @return whether agent {@code i} reached a terminal state */
    public boolean terminated(int agent) {
        return terminated[agent];
    }

    /** @return whether agent {@code i}'s episode was cut off */
    public boolean truncated(int agent) {
        return truncated[agent];
    }

    /** @return whether every agent is done (the parallel episode is over) */
    public boolean allDone() {
        for (int i = 0; i < rewards.length; i++) {
            if (!terminated[i] && !truncated[i]) {
                return false;
            }
        }
        return true;
    }

    /** @return the mean reward over agents */
    public double meanReward() {
        double s = 0;
        for (double r : rewards) {
            s += r;
        }
        return s / rewards.length;
    }

    /** @return the live shared info array */
    public double[] info() {
        return info;
    }
}
