package org.nettwin.rl.dqn.internal;

import java.io.IOException;
import java.io.InputStream;
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
import org.nettwin.nn.Activation;
import org.nettwin.nn.Mlp;
import org.nettwin.nn.Standardizer;
import org.osgi.service.component.annotations.Component;

/** {@code rl/dqn}: deep Q-learning with replay, target network and double-DQN targets, for discrete actions. */
@Component(service = AlgorithmProvider.class, property = "nettwin.id=rl/dqn")
public final class DqnProvider implements AlgorithmProvider {

    static final long MAX_ACTIONS = 4096;

    private static final ConfigSchema SCHEMA = Schedule.addTo(ConfigSchema.builder()
            .intListParam("hidden", List.of(64, 24), 1, 4096, "units of the hidden ReLU layers")
            .doubleParam("learningRate", 1e-3, 1e-7, 1.0, "Adam step size")
            .doubleParam("gamma", 0.99, 0.0, 1.0, "discount factor")
            .intParam("batchSize", 32, 1, 4096, "transitions per update")
            .intParam("bufferSize", 50_000, 1, 10_000_000, "replay capacity (oldest overwritten)")
            .intParam("learningStarts", 1_000, 1, 10_000_000, "transitions collected before the first update")
            .intParam("trainEvery", 1, 1, 1_000, "environment steps per update")
            .intParam("targetUpdateSteps", 500, 1, 10_000_000, "updates between hard target copies (when tau = 0)")
            .doubleParam("tau", 0.0, 0.0, 1.0, "Polyak rate of soft target updates; 0 = hard copies")
            .boolParam("doubleDqn", true, "double-DQN targets: the online network chooses, the target network values")
            .doubleParam("huberDelta", 1.0, 1e-6, 1e6, "Huber loss threshold")
            .doubleParam("maxGradNorm", 10.0, 0.0, 1e9, "global gradient-norm clip; 0 = none")
            .boolParam("standardizeObservations", true,
                    "standardise network inputs by the mean and deviation of the observations collected before learning starts"),
            "epsilon", "the exploration rate", "linear", 1.0, 0.05, 10_000, 0.0, 1.0).build();

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor("rl/dqn", "Deep Q-network (DQN)",
                "Deep Q-learning with experience replay, a target network, double-DQN targets, Huber loss and Adam, "
                        + "on the org.nettwin.nn networks; discrete actions, single agent.");
    }

    @Override
    public ConfigSchema configSchema() {
        return SCHEMA;
    }

    @Override
    public Optional<String> incompatibility(EnvironmentSpec spec, Config config) {
        if (spec.multiAgent()) {
            return Optional.of("rl/dqn learns single-agent scenarios");
        }
        Space<?> a = spec.actionSpace();
        if (!(a instanceof Discrete) && !(a instanceof MultiDiscrete)) {
            return Optional.of("DQN needs discrete actions, got " + a.describe());
        }
        try {
            TableIndex.of(a, 1, MAX_ACTIONS);
        } catch (IllegalArgumentException e) {
            return Optional.of("too many joint actions for one Q head: " + e.getMessage());
        }
        return Optional.empty();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Algorithm create(EnvironmentSpec spec, Config config, long seed) {
        incompatibility(spec, config).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        Space<Object> obs = (Space<Object>) spec.observationSpace();
        Space<Object> act = (Space<Object>) spec.actionSpace();
        TableIndex actions = TableIndex.of(act, 1, MAX_ACTIONS);
        int batch = config.getInt("batchSize");
        Mlp online = network(obs.flatSize(), config.getInts("hidden"), actions.size(), batch, seed);
        Mlp target = network(obs.flatSize(), config.getInts("hidden"), actions.size(), batch, seed);
        Dqn.Settings settings = new Dqn.Settings(config.getDouble("learningRate"), config.getDouble("gamma"), batch,
                config.getInt("bufferSize"), config.getInt("learningStarts"), config.getInt("trainEvery"), config.getInt("targetUpdateSteps"),
                config.getDouble("tau"), config.getBoolean("doubleDqn"), config.getDouble("huberDelta"), config.getDouble("maxGradNorm"),
                Schedule.from(config, "epsilon"), config.getBoolean("standardizeObservations"));
        return new Dqn(new DqnPolicy(obs, act, actions, online, new Standardizer(obs.flatSize())), target, obs, settings, seed);
    }

    static Mlp network(int inputs, int[] hidden, int outputs, int batch, long seed) {
        Mlp.Builder b = Mlp.builder(inputs).maxBatch(batch);
        for (int h : hidden) {
            b.dense(h, Activation.RELU);
        }
        return b.dense(outputs, Activation.LINEAR).build(seed);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Policy<?, ?> loadPolicy(EnvironmentSpec spec, InputStream in) throws IOException {
        return DqnPolicy.load((Space<Object>) spec.observationSpace(), (Space<Object>) spec.actionSpace(), in);
    }
}
