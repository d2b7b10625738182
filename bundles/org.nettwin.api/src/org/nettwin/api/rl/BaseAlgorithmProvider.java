package org.nettwin.api.rl;

import java.util.Objects;
import java.util.Optional;

import org.nettwin.api.PluginDescriptor;
import org.nettwin.api.config.Config;
import org.nettwin.api.config.ConfigSchema;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A base for algorithm plugins whose configuration is a record (see
 * {@link org.nettwin.api.config.Param}): the schema is derived from it once, and the compatibility
 * check and {@link #build} get the record — so a refusal can name the configured value that causes
 * it ("20 bins per coordinate give 160,000 states, above maxStates = 100,000").
 *
 * @param <C> the configuration record
 * @since 0.1
 */
@ConsumerType
public abstract class BaseAlgorithmProvider<C extends Record> implements AlgorithmProvider {

    private final PluginDescriptor descriptor;
    private final Class<C> configType;
    private final ConfigSchema schema;

    /**
     * @param descriptor id, title and description
     * @param configType the configuration record
     */
    protected BaseAlgorithmProvider(PluginDescriptor descriptor, Class<C> configType) {
        this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
        this.configType = configType;
        this.schema = ConfigSchema.of(configType);
    }

    @Override
    public final PluginDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public final ConfigSchema configSchema() {
        return schema;
    }

    @Override
    public final Optional<String> incompatibility(EnvironmentSpec spec, Config config) {
        return refusal(spec, config.as(configType));
    }

    @Override
    public final Algorithm create(EnvironmentSpec spec, Config config, long seed) {
        return build(spec, config.as(configType), seed);
    }

    /** @return why this algorithm, so configured, cannot handle {@code spec}, or empty */
    protected abstract Optional<String> refusal(EnvironmentSpec spec, C config);

    /** Creates a learner for {@code spec} (compatible), seeded by {@code seed}. */
    protected abstract Algorithm build(EnvironmentSpec spec, C config, long seed);
}
