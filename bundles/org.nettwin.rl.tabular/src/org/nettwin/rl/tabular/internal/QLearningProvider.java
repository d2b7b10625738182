package org.nettwin.rl.tabular.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.nettwin.api.PluginDescriptor;
import org.nettwin.api.config.Config;
import org.nettwin.api.config.ConfigSchema;
import org.nettwin.api.rl.Algorithm;
import org.nettwin.api.rl.AlgorithmProvider;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.rl.Policy;
import org.nettwin.api.rl.Schedule;
import org.nettwin.api.space.Discrete;
import org.nettwin.api.space.MultiDiscrete;
import org.nettwin.api.space.Space;
import org.nettwin.api.space.TableIndex;
import org.osgi.service.component.annotations.Component;

/** {@code rl/q-learning}: tabular Q-learning for discrete actions, single or independent multi-agent. */
@Component(service = AlgorithmProvider.class, property = "nettwin.id=rl/q-learning")
public final class QLearningProvider implements AlgorithmProvider {

    static final long MAX_TABLE = 50_000_000L;

    private static final ConfigSchema SCHEMA = Schedule.addTo(ConfigSchema.builder()
            .doubleParam("alpha", 0.1, 1e-6, 1.0, "learning rate (step size) of the Q update")
            .doubleParam("gamma", 0.99, 0.0, 1.0, "discount factor")
            .doubleParam("initialQ", 0.0, -1e9, 1e9, "initial action value (optimistic values encourage exploration)")
            .intParam("bins", 10, 1, 1000, "equal-width bins per continuous observation coordinate")
            .longParam("maxStates", 10_000_000L, 1, 100_000_000L, "refuse observation spaces with more table rows than this"),
            "epsilon", "the exploration rate", "linear", 1.0, 0.05, 10_000, 0.0, 1.0).build();

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor("rl/q-learning", "Tabular Q-learning",
                "Watkins' Q-learning with an annealed epsilon-greedy policy; continuous observations are binned; "
                        + "independent learners in parallel multi-agent environments.");
    }

    @Override
    public ConfigSchema configSchema() {
        return SCHEMA;
    }

    @Override
    public Optional<String> incompatibility(EnvironmentSpec spec, Config config) {
        for (int i = 0; i < spec.agents().size(); i++) {
            Space<?> a = spec.actionSpaces().get(i);
            if (!(a instanceof Discrete) && !(a instanceof MultiDiscrete)) {
                return Optional.of("tabular Q-learning needs discrete actions, agent " + spec.agents().get(i) + " acts in " + a.describe());
            }
            try {
                long rows = TableIndex.of(spec.observationSpaces().get(i), SCHEMA.defaults().getInt("bins"), MAX_TABLE).size();
                long cols = TableIndex.of(a, 1, MAX_TABLE).size();
                if (rows * cols > MAX_TABLE) {
                    return Optional.of("the Q table of agent " + spec.agents().get(i) + " would have " + rows * cols + " entries");
                }
            } catch (IllegalArgumentException e) {
                return Optional.of(e.getMessage());
            }
        }
        return Optional.empty();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Algorithm create(EnvironmentSpec spec, Config config, long seed) {
        int bins = config.getInt("bins");
        List<QPolicy> policies = new ArrayList<>();
        for (int i = 0; i < spec.agents().size(); i++) {
            Space<Object> obs = (Space<Object>) spec.observationSpaces().get(i);
            Space<Object> act = (Space<Object>) spec.actionSpaces().get(i);
            TableIndex s = TableIndex.of(obs, bins, config.getLong("maxStates"));
            TableIndex a = TableIndex.of(act, 1, MAX_TABLE);
            policies.add(new QPolicy(obs, act, s, a, bins, new QTable(s.size(), a.size(), config.getDouble("initialQ"))));
        }
        return new QLearning(policies, config.getDouble("alpha"), config.getDouble("gamma"), Schedule.from(config, "epsilon"), seed);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Policy<?, ?> loadPolicy(EnvironmentSpec spec, InputStream in) throws IOException {
        return QPolicy.load((Space<Object>) spec.observationSpace(), (Space<Object>) spec.actionSpace(), in, MAX_TABLE);
    }
}
