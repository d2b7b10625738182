package org.nettwin.api.rl;

import java.util.List;

import org.nettwin.api.env.Environment;
import org.nettwin.api.env.Features;
import org.nettwin.api.env.MultiAgentEnvironment;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.space.Space;

/**
 * The shape of the problem an algorithm is created for: agents and their spaces.
 *
 * @param agents            agent names (one, {@code "agent"}, for single-agent environments)
 * @param observationSpaces per agent
 * @param actionSpaces      per agent
 * @param multiAgent        whether the environment is a parallel multi-agent one
 * @param features          per agent, a name per number of its encoded observation
 * @since 0.1
 */
public record EnvironmentSpec(List<String> agents, List<Space<?>> observationSpaces, List<Space<?>> actionSpaces,
        boolean multiAgent, List<List<String>> features) {

    /** Copies the lists and checks their sizes agree. */
    public EnvironmentSpec {
        agents = List.copyOf(agents);
        observationSpaces = List.copyOf(observationSpaces);
        actionSpaces = List.copyOf(actionSpaces);
        if (agents.isEmpty() || agents.size() != observationSpaces.size() || agents.size() != actionSpaces.size()) {
            throw new IllegalArgumentException("one observation and one action space per agent are needed");
        }
        List<List<String>> names = new java.util.ArrayList<>();
        for (int i = 0; i < agents.size(); i++) {
            int size = observationSpaces.get(i).encodedSize();
            names.add(features == null ? Features.generic(size) : Features.checked(features.get(i), size));
        }
        features = List.copyOf(names);
    }

    /** A spec whose observation features have the generic names {@code obs_i}. */
    public EnvironmentSpec(List<String> agents, List<Space<?>> observationSpaces, List<Space<?>> actionSpaces, boolean multiAgent) {
        this(agents, observationSpaces, actionSpaces, multiAgent, null);
    }

    /** @return the spec of a single-agent environment */
    public static EnvironmentSpec of(Environment<?, ?> env) {
        return new EnvironmentSpec(List.of("agent"), List.of(env.observationSpace()), List.of(env.actionSpace()), false,
                List.of(env.observationFeatures()));
    }

    /** @return agent 0's observation feature names (the only agent of a single-agent spec) */
    public List<String> observationFeatures() {
        return features.get(0);
    }

    /** @return the spec of a parallel multi-agent environment */
    public static EnvironmentSpec of(MultiAgentEnvironment<?, ?> env) {
        List<String> agents = env.possibleAgents();
        Space<?>[] obs = new Space<?>[agents.size()];
        Space<?>[] act = new Space<?>[agents.size()];
        List<List<String>> names = new java.util.ArrayList<>();
        for (int i = 0; i < obs.length; i++) {
            obs[i] = env.observationSpace(i);
            act[i] = env.actionSpace(i);
            names.add(env.observationFeatures(i));
        }
        return new EnvironmentSpec(agents, List.of(obs), List.of(act), true, names);
    }

    /** @return the spec of either kind of scenario */
    public static EnvironmentSpec of(Scenario scenario) {
        return switch (scenario) {
            case Scenario.Single s -> of(s.environment());
            case Scenario.Multi m -> of(m.environment());
        };
    }

    /** @return agent 0's observation space (the only one of a single-agent spec) */
    public Space<?> observationSpace() {
        return observationSpaces.get(0);
    }

    /** @return agent 0's action space */
    public Space<?> actionSpace() {
        return actionSpaces.get(0);
    }
}
