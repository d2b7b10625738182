package org.nettwin.rl.tabular.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
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
import org.osgi.service.component.annotations.Component;

/** {@code rl/q-learning}: tabular Q-learning for discrete actions, single or independent multi-agent. */
@Component(service = AlgorithmProvider.class, property = "nettwin.id=rl/q-learning")
public final class QLearningProvider extends BaseAlgorithmProvider<QLearningConfig> {

    /**
     * The most Q values (rows × actions) one agent's table may hold, whatever {@code maxStates}
     * allows: 5·10⁷ doubles = 400 MB.
     */
    static final long MAX_TABLE = 50_000_000L;

    /** Creates the service. */
    public QLearningProvider() {
        super(new PluginDescriptor("rl/q-learning", "Tabular Q-learning",
                "Watkins' Q-learning with an annealed epsilon-greedy policy; continuous observations are binned; "
                        + "independent learners in parallel multi-agent environments."), QLearningConfig.class);
    }

    /**
     * Refuses non-discrete actions and tables larger than the configured {@code maxStates} rows
     * (at the configured {@code bins}) or than {@link #MAX_TABLE} entries, naming the agent, the
     * configured values and the limit.
     */
    @Override
    protected Optional<String> refusal(EnvironmentSpec spec, QLearningConfig config) {
        for (int i = 0; i < spec.agents().size(); i++) {
            String agent = "agent '" + spec.agents().get(i) + "'";
            Space<?> o = spec.observationSpaces().get(i);
            Space<?> a = spec.actionSpaces().get(i);
            if (!(a instanceof Discrete) && !(a instanceof MultiDiscrete)) {
                return Optional.of("tabular Q-learning needs discrete actions, " + agent + " acts in " + a.describe());
            }
            long rows;
            try {
                rows = TableIndex.of(o, config.bins(), config.maxStates()).size();
            } catch (IllegalArgumentException e) {
                return Optional.of("the Q table of " + agent + " has one row per observation cell: " + e.getMessage()
                        + " (configure fewer bins or a larger maxStates, at most 100000000)");
            }
            long columns;
            try {
                columns = TableIndex.of(a, 1, MAX_TABLE).size();
            } catch (IllegalArgumentException e) {
                return Optional.of("the Q table of " + agent + " would have more than " + MAX_TABLE + " entries, the largest rl/q-learning "
                        + "allocates: " + a.describe() + " alone has more joint actions");
            }
            if (rows * columns > MAX_TABLE) {
                return Optional.of("the Q table of " + agent + " would have " + rows + " rows (" + o.describe() + " at " + config.bins()
                        + " bins per continuous coordinate) x " + columns + " actions = " + rows * columns + " entries, more than the "
                        + MAX_TABLE + " rl/q-learning allocates (configure fewer bins)");
            }
        }
        return Optional.empty();
    }

    @Override
    @SuppressWarnings("unchecked")
    protected Algorithm build(EnvironmentSpec spec, QLearningConfig config, long seed) {
        refusal(spec, config).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        List<QPolicy> policies = new ArrayList<>();
        for (int i = 0; i < spec.agents().size(); i++) {
            Space<Object> obs = (Space<Object>) spec.observationSpaces().get(i);
            Space<Object> act = (Space<Object>) spec.actionSpaces().get(i);
            TableIndex s = TableIndex.of(obs, config.bins(), config.maxStates());
            TableIndex a = TableIndex.of(act, 1, MAX_TABLE);
            policies.add(new QPolicy(obs, act, s, a, config.bins(), new QTable(s.size(), a.size(), config.initialQ())));
        }
        return new QLearning(policies, config.alpha(), config.gamma(), config.epsilon(), seed);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Policy<?, ?> loadPolicy(EnvironmentSpec spec, InputStream in) throws IOException {
        return QPolicy.load((Space<Object>) spec.observationSpace(), (Space<Object>) spec.actionSpace(), in, MAX_TABLE);
    }
}
