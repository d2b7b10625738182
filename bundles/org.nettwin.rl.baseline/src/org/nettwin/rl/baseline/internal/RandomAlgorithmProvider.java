package org.nettwin.rl.baseline.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import org.nettwin.api.PluginDescriptor;
import org.nettwin.api.config.NoConfig;
import org.nettwin.api.rl.Algorithm;
import org.nettwin.api.rl.AlgorithmProvider;
import org.nettwin.api.rl.BaseAlgorithmProvider;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.rl.Policy;
import org.osgi.service.component.annotations.Component;

/** {@code rl/random}: the uniformly random policy, for any spaces, single or multi-agent. */
@Component(service = AlgorithmProvider.class, property = "nettwin.id=rl/random")
public final class RandomAlgorithmProvider extends BaseAlgorithmProvider<NoConfig> {

    /** Creates the service. */
    public RandomAlgorithmProvider() {
        super(new PluginDescriptor("rl/random", "Uniform random policy",
                "Acts uniformly at random in each agent's action space (Dirichlet(1) on simplices). The baseline every learner must beat."),
                NoConfig.class);
    }

    @Override
    protected Optional<String> refusal(EnvironmentSpec spec, NoConfig config) {
        return Optional.empty();
    }

    @Override
    protected Algorithm build(EnvironmentSpec spec, NoConfig config, long seed) {
        return new RandomAlgorithm(spec, seed);
    }

    @Override
    public Policy<?, ?> loadPolicy(EnvironmentSpec spec, InputStream in) throws IOException {
        return RandomPolicy.load(spec.observationSpace(), spec.actionSpace(), in);
    }
}
