package org.nettwin.api.scenario;

import java.util.Objects;

import org.nettwin.api.PluginDescriptor;
import org.nettwin.api.config.Config;
import org.nettwin.api.config.ConfigSchema;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A base for scenario plugins whose configuration is a record (see
 * {@link org.nettwin.api.config.Param}): the schema is derived from it once, and {@link #build}
 * gets the record, never raw values.
 *
 * <pre>{@code
 * @Component(service = ScenarioProvider.class, property = "nettwin.id=myfamily/MyScenario-v1")
 * public final class MyScenario extends BaseScenarioProvider<MyConfig> {
 *     public MyScenario() {
 *         super(new PluginDescriptor("myfamily/MyScenario-v1", "title", "what it is"), MyConfig.class);
 *     }
 *     protected Scenario build(MyConfig config, long seed) {
 *         return new Scenario.Single(new MyEnvironment(config));
 *     }
 * }
 * }</pre>
 *
 * @param <C> the configuration record
 * @since 0.1
 */
@ConsumerType
public abstract class BaseScenarioProvider<C extends Record> implements ScenarioProvider {

    private final PluginDescriptor descriptor;
    private final Class<C> configType;
    private final ConfigSchema schema;

    /**
     * @param descriptor id, title and description
     * @param configType the configuration record
     */
    protected BaseScenarioProvider(PluginDescriptor descriptor, Class<C> configType) {
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
    public final Scenario create(Config config, long seed) {
        return build(config.as(configType), seed);
    }

    /** Creates an instance: an environment seeded by {@code seed}, configured by {@code config}. */
    protected abstract Scenario build(C config, long seed);
}
