package org.nettwin.rl.ppo.internal;

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
import org.nettwin.api.space.Space;
import org.osgi.service.component.annotations.Component;

/** {@code rl/ppo}: PPO with GAE and the clipped surrogate, and MAPPO for parallel scenarios. */
@Component(service = AlgorithmProvider.class, property = "nettwin.id=rl/ppo")
public final class PpoProvider implements AlgorithmProvider {

    private static final ConfigSchema SCHEMA = Schedule.addTo(ConfigSchema.builder()
            .intListParam("actorHidden", List.of(64, 64), 1, 4096, "units of the actor's hidden tanh layers")
            .intListParam("criticHidden", List.of(64, 64), 1, 4096, "units of the critic's hidden tanh layers")
            .intParam("nSteps", 2048, 1, 10_000_000, "environment steps per rollout (one update each)")
            .intParam("epochs", 10, 1, 1000, "passes over each rollout")
            .intParam("minibatches", 32, 1, 1_000_000, "minibatches per pass (samples = nSteps × agents sharing a network)")
            .doubleParam("gamma", 0.99, 0.0, 1.0, "discount factor")
            .doubleParam("gaeLambda", 0.95, 0.0, 1.0, "GAE λ")
            .doubleParam("clipRange", 0.2, 1e-6, 10.0, "ε of the clipped surrogate")
            .doubleParam("valueClipRange", 0.0, 0.0, 1e9, "ε of the clipped value loss; 0 = unclipped")
            .doubleParam("entropyCoef", 0.0, 0.0, 100.0, "weight of the entropy bonus")
            .doubleParam("valueCoef", 0.5, 0.0, 100.0, "weight of the value loss")
            .doubleParam("maxGradNorm", 0.5, 0.0, 1e9, "global gradient-norm clip over actor, log-std and critic; 0 = none")
            .boolParam("normalizeAdvantages", true, "normalise the advantages of each minibatch")
            .doubleParam("targetKl", 0.0, 0.0, 100.0, "stop an update's epochs once a minibatch's approximate KL exceeds 1.5× this; 0 = never")
            .doubleParam("initialLogStd", 0.0, -20.0, 5.0, "initial log standard deviation of Gaussian heads (Box, Simplex)")
            .doubleParam("rewardScale", 1.0, 1e-9, 1e9, "factor applied to rewards for learning (episode returns are reported unscaled)")
            .doubleParam("policyHeadScale", 0.01, 0.0, 10.0, "factor on the actor's initial output weights (small = near-uniform start)")
            .boolParam("parameterSharing", true, "multi-agent: one actor and one critic for all agents (false: one pair per agent)")
            .boolParam("agentIdInput", true, "multi-agent with sharing: append the one-hot agent id to actor and critic inputs")
            .boolParam("centralisedCritic", true, "multi-agent: the critic reads every agent's observation (MAPPO); false: its own"),
            "learningRate", "Adam's step size", "constant", 3e-4, 3e-4, 1_000_000, 1e-9, 1.0).build();

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor("rl/ppo", "Proximal policy optimisation (PPO, MAPPO)",
                "PPO with GAE, the clipped surrogate, value loss and entropy bonus on org.nettwin.nn networks; Discrete, MultiDiscrete, "
                        + "Box and Simplex actions; multi-agent PPO (shared or per-agent networks, optional centralised critic) for parallel scenarios.");
    }

    @Override
    public ConfigSchema configSchema() {
        return SCHEMA;
    }

    @Override
    public Optional<String> incompatibility(EnvironmentSpec spec, Config config) {
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
    private static Optional<String> sharing(EnvironmentSpec spec, Config config) {
        if (config.getBoolean("parameterSharing") && spec.agents().size() > 1) {
            return Optional.ofNullable(Team.sharingProblem(spec));
        }
        return Optional.empty();
    }

    @Override
    public Algorithm create(EnvironmentSpec spec, Config config, long seed) {
        incompatibility(spec, config).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        return new Ppo(spec, settings(config), seed);
    }

    static Ppo.Settings settings(Config c) {
        return new Ppo.Settings(c.getInts("actorHidden"), c.getInts("criticHidden"), c.getInt("nSteps"), c.getInt("epochs"),
                c.getInt("minibatches"), c.getDouble("gamma"), c.getDouble("gaeLambda"), c.getDouble("clipRange"),
                c.getDouble("valueClipRange"), c.getDouble("entropyCoef"), c.getDouble("valueCoef"), c.getDouble("maxGradNorm"),
                Schedule.from(c, "learningRate"), c.getBoolean("normalizeAdvantages"), c.getDouble("targetKl"), c.getDouble("initialLogStd"),
                c.getDouble("rewardScale"), c.getBoolean("parameterSharing"), c.getBoolean("agentIdInput"), c.getBoolean("centralisedCritic"),
                c.getDouble("policyHeadScale"));
    }

    @Override
    public Policy<?, ?> loadPolicy(EnvironmentSpec spec, InputStream in) throws IOException {
        return PpoPolicy.load(spec.observationSpaces(), spec.actionSpaces(), in);
    }
}
