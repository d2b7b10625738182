package org.nettwin.api.scenario;

import org.nettwin.api.NetTwinPlugin;
import org.nettwin.api.config.Config;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A scenario plugin: a versioned factory of environments ({@code family/Name-vN}, e.g.
 * {@code slicing/MultiCell-v1}). Register it as an OSGi service with the property
 * {@link NetTwinPlugin#ID_PROPERTY}; a changed dynamics is a new id version.
 *
 * @since 0.1
 */
@ConsumerType
public interface ScenarioProvider extends NetTwinPlugin {

    /**
     * Creates an environment.
     *
     * @param config validated against {@link #configSchema()}
     * @param seed   seed for whatever the scenario draws once at creation (layouts, user
     *               positions); episode randomness is seeded by {@code reset(seed)}
     * @throws org.nettwin.api.config.ConfigException for combinations the schema cannot express
     */
    Scenario create(Config config, long seed);
}
