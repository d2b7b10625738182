package org.nettwin.api.env;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.nettwin.api.space.Space;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A multi-agent environment with PettingZoo's parallel semantics: every agent acts at every
 * step. Agents are indexed in the order of {@link #possibleAgents()}; actions are passed as a
 * list in that order (or as a map by agent name). Seeding, validation and ownership of results
 * are as for {@link Environment}.
 *
 * @param <O> observation type (the same for every agent)
 * @param <A> action type (the same for every agent)
 * @since 0.1
 */
@ConsumerType
public interface MultiAgentEnvironment<O, A> extends AutoCloseable {

    /** @return the agents' names, in index order */
    List<String> possibleAgents();

    /** @return agent {@code i}'s observation space */
    Space<O> observationSpace(int agent);

    /** @return agent {@code i}'s action space */
    Space<A> actionSpace(int agent);

    /** @return a name for each number of agent {@code agent}'s encoded observation; by default {@code obs_0, ...} */
    default List<String> observationFeatures(int agent) {
        return Features.generic(observationSpace(agent).encodedSize());
    }

    /** @return names of the shared info values every step carries; fixed for the environment's life */
    default List<String> infoNames() {
        return List.of();
    }

    /** Seeds the environment and starts an episode. */
    MultiStep<O> reset(long seed);

    /** Starts a new episode, continuing the random stream. */
    MultiStep<O> reset();

    /** Applies one action per agent, in {@link #possibleAgents()} order. */
    MultiStep<O> step(List<A> actions);

    /** Applies actions given by agent name (PettingZoo's dict form); every agent must act. */
    default MultiStep<O> step(Map<String, A> actions) {
        List<String> agents = possibleAgents();
        List<A> ordered = new ArrayList<>(agents.size());
        for (String agent : agents) {
            A a = actions.get(agent);
            if (a == null) {
                throw new IllegalArgumentException("no action for agent '" + agent + "'; agents: " + agents);
            }
            ordered.add(a);
        }
        if (actions.size() != agents.size()) {
            throw new IllegalArgumentException("actions for unknown agents: " + actions.keySet() + "; agents: " + agents);
        }
        return step(ordered);
    }

    /** @return this environment seen as {@code type}, if it has that ability */
    default <C> Optional<C> capability(Class<C> type) {
        return type.isInstance(this) ? Optional.of(type.cast(this)) : Optional.empty();
    }

    @Override
    default void close() {
    }
}
