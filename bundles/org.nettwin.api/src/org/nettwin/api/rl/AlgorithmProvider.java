package org.nettwin.api.rl;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import org.nettwin.api.NetTwinPlugin;
import org.nettwin.api.config.Config;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A learning-algorithm plugin (id {@code rl/NAME}), registered as an OSGi service.
 *
 * @since 0.1
 */
@ConsumerType
public interface AlgorithmProvider extends NetTwinPlugin {

    /**
     * @return why this algorithm, configured with {@code config} (validated against
     *         {@link #configSchema()}), cannot handle {@code spec} — e.g. continuous actions for DQN,
     *         or more table states than the configured limit — or empty
     */
    Optional<String> incompatibility(EnvironmentSpec spec, Config config);

    /**
     * @param spec   the agents and spaces to learn for; must be compatible
     * @param config validated against {@link #configSchema()}
     * @param seed   seeds every random choice of the algorithm
     */
    Algorithm create(EnvironmentSpec spec, Config config, long seed);

    /** Reads a policy written by {@link Policy#save} of one of this algorithm's policies. */
    Policy<?, ?> loadPolicy(EnvironmentSpec spec, InputStream in) throws IOException;
}
