package org.nettwin.api.twin;

import java.util.Objects;
import java.util.Optional;

import org.nettwin.api.PluginDescriptor;
import org.nettwin.api.config.Config;
import org.nettwin.api.config.ConfigSchema;
import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.run.TrainingListener;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A base for twin builders whose configuration is a record (see
 * {@link org.nettwin.api.config.Param}): the schema is derived from it once; the compatibility
 * check and {@link #build(EnvironmentSpec, TransitionDataset, Record, long, TrainingListener)} get
 * the record.
 *
 * @param <C> the configuration record
 * @since 0.1
 */
@ConsumerType
public abstract class BaseTwinBuilder<C extends Record> implements TwinBuilder {

    private final PluginDescriptor descriptor;
    private final Class<C> configType;
    private final ConfigSchema schema;

    /**
     * @param descriptor id, title and description
     * @param configType the configuration record
     */
    protected BaseTwinBuilder(PluginDescriptor descriptor, Class<C> configType) {
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
    public final DigitalTwin<?, ?> build(EnvironmentSpec spec, TransitionDataset data, Config config, long seed, TrainingListener listener) {
        return build(spec, data, config.as(configType), seed, listener);
    }

    /** @return why this builder, so configured, cannot model {@code spec}, or empty */
    protected abstract Optional<String> refusal(EnvironmentSpec spec, C config);

    /** Learns a twin from {@code data}. */
    protected abstract DigitalTwin<?, ?> build(EnvironmentSpec spec, TransitionDataset data, C config, long seed, TrainingListener listener);
}
