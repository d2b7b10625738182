package org.nettwin.api.scenario;

import java.util.List;
import java.util.Objects;

import org.nettwin.api.PluginDescriptor;
import org.nettwin.api.config.Config;
import org.nettwin.api.config.ConfigSchema;
import org.nettwin.api.config.Parameter;
import org.nettwin.api.config.ParameterType;
import org.nettwin.api.env.MultiAgentTimeLimit;
import org.nettwin.api.env.TimeLimit;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A base for scenario plugins whose configuration is a record (see
 * {@link org.nettwin.api.config.Param}): the schema is derived from it once, and {@link #build}
 * gets the record, never raw values. Every such scenario also has the parameter
 * {@value #TIME_LIMIT}: episodes are truncated after that many steps by the one {@link TimeLimit}
 * wrapper (as Gymnasium registers {@code max_episode_steps} with an environment), the scenario
 * giving the default; environments do not count their own episode length.
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
 * with a default time limit: {@code super(descriptor, MyConfig.class, 200)}.
 *
 * @param <C> the configuration record
 * @since 0.1
 */
@ConsumerType
public abstract class BaseScenarioProvider<C extends Record> implements ScenarioProvider {

    /** The parameter every scenario of this base has: steps per episode before truncation, 0 = none. */
    public static final String TIME_LIMIT = "timeLimit";

    private final PluginDescriptor descriptor;
    private final Class<C> configType;
    private final ConfigSchema schema;

    /**
     * @param descriptor       id, title and description
     * @param configType       the configuration record (without a {@value #TIME_LIMIT} component)
     * @param defaultTimeLimit the episode length when the experiment does not set {@value #TIME_LIMIT};
     *                         0 for episodes that end only by termination
     */
    protected BaseScenarioProvider(PluginDescriptor descriptor, Class<C> configType, long defaultTimeLimit) {
        this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
        this.configType = configType;
        this.schema = ConfigSchema.of(configType).plus(new Parameter(TIME_LIMIT, ParameterType.LONG, defaultTimeLimit, 0.0, 1e12,
                List.of(), "steps per episode before it is truncated (0 = none); the scenario's default is " + defaultTimeLimit));
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
        Scenario s = build(config.as(configType), seed);
        long limit = config.getLong(TIME_LIMIT);
        if (limit == 0) {
            return s;
        }
        return switch (s) {
            case Scenario.Single single -> new Scenario.Single(new TimeLimit<>(single.environment(), limit));
            case Scenario.Multi multi -> new Scenario.Multi(new MultiAgentTimeLimit<>(multi.environment(), limit));
        };
    }

    /** Creates an instance: an environment seeded by {@code seed}, configured by {@code config}. */
    protected abstract Scenario build(C config, long seed);
}
