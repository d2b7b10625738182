package org.nettwin.rl.dqn.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

import org.nettwin.api.PluginDescriptor;
import org.nettwin.api.rl.Algorithm;
import org.nettwin.api.rl.AlgorithmProvider;
import org.nettwin.api.rl.BaseAlgorithmProvider;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.rl.Policy;
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
public final class DqnProvider extends BaseAlgorithmProvider<DqnConfig> {

    static final long MAX_ACTIONS = 4096;

    /** Creates the service. */
    public DqnProvider() {
        super(new PluginDescriptor("rl/dqn", "Deep Q-network (DQN)",
                "Deep Q-learning with experience replay, a target network, double-DQN targets, Huber loss and Adam, "
                        + "on the org.nettwin.nn networks; discrete actions, single agent."), DqnConfig.class);
    }

    @Override
    protected Optional<String> refusal(EnvironmentSpec spec, DqnConfig config) {
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
    protected Algorithm build(EnvironmentSpec spec, DqnConfig config, long seed) {
        refusal(spec, config).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        Space<Object> obs = (Space<Object>) spec.observationSpace();
        Space<Object> act = (Space<Object>) spec.actionSpace();
        TableIndex actions = TableIndex.of(act, 1, MAX_ACTIONS);
        Mlp online = network(obs.flatSize(), config.hidden(), actions.size(), config.batchSize(), seed);
        Mlp target = network(obs.flatSize(), config.hidden(), actions.size(), config.batchSize(), seed);
        return new Dqn(new DqnPolicy(obs, act, actions, online, new Standardizer(obs.flatSize())), target, obs, config, seed);
    }

    static Mlp network(int inputs, List<Integer> hidden, int outputs, int batch, long seed) {
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
