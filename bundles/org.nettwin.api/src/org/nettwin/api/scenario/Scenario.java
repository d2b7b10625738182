package org.nettwin.api.scenario;

import org.nettwin.api.env.Environment;
import org.nettwin.api.env.MultiAgentEnvironment;
import org.nettwin.api.space.Space;

/**
 * A created scenario instance: either a single-agent or a parallel multi-agent environment.
 *
 * @since 0.1
 */
public sealed interface Scenario extends AutoCloseable permits Scenario.Single, Scenario.Multi {

    /** @return whether several agents act in parallel */
    boolean isMultiAgent();

    @Override
    void close();

    private static void check(Space<?> space, Class<?> type, String role) {
        if (!type.equals(space.valueType())) {
            throw new IllegalArgumentException("the scenario's " + role + " are " + space.valueType().getSimpleName() + " (" + space.describe()
                    + "), not " + type.getSimpleName());
        }
    }

    /**
     * A single-agent scenario.
     *
     * @param environment the environment
     */
    record Single(Environment<?, ?> environment) implements Scenario {
        @Override
        public boolean isMultiAgent() {
            return false;
        }

        /**
         * @return the environment with its value types, checked against its spaces, e.g.
         *         {@code environment(double[].class, Integer.class)}
         * @throws IllegalArgumentException naming the spaces if the types differ
         */
        @SuppressWarnings("unchecked")
        public <O, A> Environment<O, A> environment(Class<O> observationType, Class<A> actionType) {
            Scenario.check(environment.observationSpace(), observationType, "observations");
            Scenario.check(environment.actionSpace(), actionType, "actions");
            return (Environment<O, A>) environment;
        }

        @Override
        public void close() {
            environment.close();
        }
    }

    /**
     * A parallel multi-agent scenario.
     *
     * @param environment the environment
     */
    record Multi(MultiAgentEnvironment<?, ?> environment) implements Scenario {
        @Override
        public boolean isMultiAgent() {
            return true;
        }

        /**
         * @return the environment with its value types, checked against every agent's spaces
         * @throws IllegalArgumentException naming the spaces if the types differ
         */
        @SuppressWarnings("unchecked")
        public <O, A> MultiAgentEnvironment<O, A> environment(Class<O> observationType, Class<A> actionType) {
            for (int i = 0; i < environment.possibleAgents().size(); i++) {
                Scenario.check(environment.observationSpace(i), observationType, "observations");
                Scenario.check(environment.actionSpace(i), actionType, "actions");
            }
            return (MultiAgentEnvironment<O, A>) environment;
        }

        @Override
        public void close() {
            environment.close();
        }
    }
}
