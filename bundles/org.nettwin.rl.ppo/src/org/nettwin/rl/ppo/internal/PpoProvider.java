package org.nettwin.rl.ppo.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import org.nettwin.api.PluginDescriptor;
import org.nettwin.api.rl.Algorithm;
import org.nettwin.api.rl.AlgorithmProvider;
import org.nettwin.api.rl.BaseAlgorithmProvider;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.rl.Policy;
import org.nettwin.api.space.Space;
import org.osgi.service.component.annotations.Component;

/** {@code rl/ppo}: PPO with GAE and the clipped surrogate, and MAPPO for parallel scenarios. */
@Component(service = AlgorithmProvider.class, property = "nettwin.id=rl/ppo")
public final class PpoProvider extends BaseAlgorithmProvider<PpoConfig> {

    /** Creates the service. */
    public PpoProvider() {
        super(new PluginDescriptor("rl/ppo", "Proximal policy optimisation (PPO, MAPPO)",
                "PPO with GAE, the clipped surrogate, value loss and entropy bonus on org.nettwin.nn networks; Discrete, MultiDiscrete, "
                        + "Box and Simplex actions; multi-agent PPO (shared or per-agent networks, optional centralised critic) for parallel scenarios."),
                PpoConfig.class);
    }

    /** Refuses action spaces without a distribution and, with {@code parameterSharing}, agents whose spaces differ. */
    @Override
    protected Optional<String> refusal(EnvironmentSpec spec, PpoConfig config) {
        return actionHeads(spec).or(() -> sharing(spec, config));
    }

    /** @return why an agent's action space has no action distribution, or empty */
    private static Optional<String> actionHeads(EnvironmentSpec spec) {
        for (int i = 0; i < spec.agents().size(); i++) {
            Space<?> a = spec.actionSpaces().get(i);
            try {
                ActionHead.of(a);
            } catch (IllegalArgumentException e) {
                return Optional.of("action space of agent '" + spec.agents().get(i) + "': " + e.getMessage());
            }
        }
        return Optional.empty();
    }

    /** @return why {@code spec} and {@code config} do not fit together, or empty */
    private static Optional<String> sharing(EnvironmentSpec spec, PpoConfig config) {
        if (config.parameterSharing() && spec.agents().size() > 1) {
            return Optional.ofNullable(Team.sharingProblem(spec));
        }
        return Optional.empty();
    }

    @Override
    protected Algorithm build(EnvironmentSpec spec, PpoConfig config, long seed) {
        refusal(spec, config).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        return new Ppo(spec, config, seed);
    }

    @Override
    public Policy<?, ?> loadPolicy(EnvironmentSpec spec, InputStream in) throws IOException {
        return PpoPolicy.load(spec.observationSpaces(), spec.actionSpaces(), in);
    }
}
