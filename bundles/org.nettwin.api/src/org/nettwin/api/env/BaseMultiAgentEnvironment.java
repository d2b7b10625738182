package org.nettwin.api.env;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

import org.nettwin.api.SeededRandom;
import org.nettwin.api.Seeds;
import org.nettwin.api.space.Space;
import org.nettwin.api.space.SpaceViolationException;

/**
 * A base for parallel multi-agent environments that checks every agent's action against its
 * space, rejects non-finite rewards, observations outside their spaces and NaN info values, and manages the random stream.
 *
 * @param <O> observation type
 * @param <A> action type
 * @since 0.1
 */
public abstract class BaseMultiAgentEnvironment<O, A> implements MultiAgentEnvironment<O, A> {

    private final String name;
    private final MultiStep<O> step;
    private SeededRandom random;
    private boolean needsReset = true;
    private final List<String> agents;
    private final List<Space<O>> observations;
    private final List<Space<A>> actions;
    private final List<String> infoNames;
    private final List<List<String>> features;

    /**
     * The agents, their spaces and the info names given once, here.
     *
     * @param name         the environment's id, for messages
     * @param agents       the agents' names ({@link #possibleAgents()})
     * @param observations each agent's observation space
     * @param actions      each agent's action space
     * @param infoNames    names of the shared info values
     * @param features     each agent's feature names (a name per number of its encoded observation), or
     *                     {@code null} for the generic {@code obs_i}
     */
    protected BaseMultiAgentEnvironment(String name, List<String> agents, List<? extends Space<O>> observations,
            List<? extends Space<A>> actions, List<String> infoNames, List<List<String>> features) {
        this.name = name;
        this.agents = List.copyOf(agents);
        this.observations = List.copyOf(observations);
        this.actions = List.copyOf(actions);
        if (this.observations.size() != this.agents.size() || this.actions.size() != this.agents.size()) {
            throw new IllegalArgumentException(name + ": one observation and one action space per agent");
        }
        this.infoNames = List.copyOf(infoNames);
        List<List<String>> names = new java.util.ArrayList<>();
        for (int i = 0; i < this.agents.size(); i++) {
            int size = this.observations.get(i).encodedSize();
            names.add(features == null ? Features.generic(size) : Features.checked(features.get(i), size));
        }
        this.features = List.copyOf(names);
        this.step = new MultiStep<>(this.agents.size(), this.infoNames.size());
    }

    @Override
    public List<String> possibleAgents() {
        return agents;
    }

    @Override
    public Space<O> observationSpace(int agent) {
        return observations.get(agent);
    }

    @Override
    public Space<A> actionSpace(int agent) {
        return actions.get(agent);
    }

    @Override
    public List<String> observationFeatures(int agent) {
        return features.get(agent);
    }

    @Override
    public List<String> infoNames() {
        return infoNames;
    }

    /** Draws the first state and fills {@code out} for every agent. */
    protected abstract void resetEpisode(RandomGenerator random, MultiStep<O> out);

    /** Applies valid actions and fills {@code out}. */
    protected abstract void advance(List<A> actions, MultiStep<O> out);

    /** @return the random stream of the current seed */
    protected final RandomGenerator random() {
        return random;
    }

    @Override
    public final MultiStep<O> reset(long seed) {
        random = Seeds.generator(seed);
        return reset();
    }

    @Override
    public final MultiStep<O> reset() {
        if (random == null) {
            throw new IllegalStateException(name + ": the first reset must give a seed: reset(seed)");
        }
        Arrays.fill(step.info(), 0.0);
        resetEpisode(random, step);
        for (int i = 0; i < step.agentCount(); i++) {
            step.set(i, step.observation(i), 0.0, false, false);
        }
        verify();
        needsReset = false;
        return step;
    }

    @Override
    public final MultiStep<O> step(List<A> actions) {
        if (needsReset) {
            throw new IllegalStateException(name + ": call reset() before step() (at the start and after an episode ends)");
        }
        if (actions.size() != step.agentCount()) {
            throw new IllegalArgumentException(name + ": expected " + step.agentCount() + " actions, one per agent, got " + actions.size());
        }
        for (int i = 0; i < actions.size(); i++) {
            Space<A> space = actionSpace(i);
            A action = actions.get(i);
            if (!accepts(space, action)) {
                // the message is built only on failure: checking stays allocation-free
                throw new SpaceViolationException(space, "action of agent " + possibleAgents().get(i), action);
            }
        }
        advance(actions, step);
        verify();
        needsReset = step.allDone();
        return step;
    }

    private static <A> boolean accepts(Space<A> space, A action) {
        try {
            return action != null && space.contains(action);
        } catch (ClassCastException wrongType) {
            return false;
        }
    }

    /**
     * For {@link Snapshottable} implementations: the state of the environment's random stream, to
     * keep in a snapshot.
     *
     * @throws IllegalStateException before the first seeded reset
     */
    protected final long randomState() {
        if (random == null) {
            throw new IllegalStateException(name + ": no random stream before the first reset(seed)");
        }
        return random.state();
    }

    /**
     * For {@link Snapshottable} implementations: after restoring their own state, restore the
     * random stream and tell the base class whether the restored episode is over, so the next
     * step continues exactly as it would have after the snapshot (or is refused until a reset).
     */
    protected final void restored(long randomState, boolean episodeOver) {
        if (random == null) {
            random = new SeededRandom(randomState);
        } else {
            random.setState(randomState);
        }
        needsReset = episodeOver;
    }

    private void verify() {
        for (double v : step.info()) {
            if (Double.isNaN(v)) {
                throw new IllegalStateException(name + " produced a NaN info value; info names: " + infoNames());
            }
        }
        for (int i = 0; i < step.agentCount(); i++) {
            if (!Double.isFinite(step.reward(i))) {
                throw new IllegalStateException(name + " produced a non-finite reward for agent " + possibleAgents().get(i));
            }
            if (!observationSpace(i).contains(step.observation(i))) {
                throw new IllegalStateException(name + " produced an observation outside its space "
                        + observationSpace(i).describe() + " for agent " + possibleAgents().get(i));
            }
        }
    }

    /** @return the environment's id */
    protected final String name() {
        return name;
    }
}
