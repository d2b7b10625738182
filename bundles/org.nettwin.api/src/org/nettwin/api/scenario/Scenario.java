package org.nettwin.api.scenario;

import org.nettwin.api.env.Environment;
import org.nettwin.api.env.MultiAgentEnvironment;

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

        @Override
        public void close() {
            environment.close();
        }
    }
}
