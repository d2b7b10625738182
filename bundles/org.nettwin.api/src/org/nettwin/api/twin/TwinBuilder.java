package org.nettwin.api.twin;

import java.util.Optional;

import org.nettwin.api.NetTwinPlugin;
import org.nettwin.api.config.Config;
import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.run.TrainingListener;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A twin-builder plugin (id {@code twin/NAME}): learns a {@link DigitalTwin} from historical
 * transitions of an environment with the given spaces.
 *
 * @since 0.1
 */
@ConsumerType
public interface TwinBuilder extends NetTwinPlugin {

    /**
     * @return why this builder, configured with {@code config}, cannot model {@code spec} (e.g.
     *         continuous states for a tabular twin), or empty
     */
    Optional<String> incompatibility(EnvironmentSpec spec, Config config);

    /**
     * @param spec   the real environment's spaces (single agent)
     * @param data   historical transitions, encoded in those spaces
     * @param config validated against {@link #configSchema()}
     * @param seed   seeds initialisation, data splits and the twin's own randomness
     */
    DigitalTwin<?, ?> build(EnvironmentSpec spec, TransitionDataset data, Config config, long seed, TrainingListener listener);
}
