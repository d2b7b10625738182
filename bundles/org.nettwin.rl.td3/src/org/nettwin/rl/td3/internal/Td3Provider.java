package org.nettwin.rl.td3.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

import org.nettwin.api.PluginDescriptor;
import org.nettwin.api.Seeds;
import org.nettwin.api.config.Config;
import org.nettwin.api.config.ConfigSchema;
import org.nettwin.api.rl.Algorithm;
import org.nettwin.api.rl.AlgorithmProvider;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.rl.Policy;
import org.nettwin.api.space.Box;
import org.nettwin.api.space.Simplex;
import org.nettwin.api.space.Space;
import org.nettwin.nn.Activation;
import org.nettwin.nn.Mlp;
import org.osgi.service.component.annotations.Component;

/** {@code rl/td3}: TD3 for bounded {@code Box} and {@code Simplex} actions, one learner per agent; TD3+BC offline. */
@Component(service = AlgorithmProvider.class, property = "nettwin.id=" + Td3Provider.ID)
public final class Td3Provider implements AlgorithmProvider {

    static final String ID = "rl/td3";

    static final ConfigSchema SCHEMA = ConfigSchema.builder()
            .intListParam("actorHidden", List.of(48, 24), 1, 4096, "units of the actor's hidden ReLU layers (paper 004: 48, 24)")
            .intListParam("criticHidden", List.of(64, 24), 1, 4096, "units of each critic's hidden ReLU layers (paper 004: 64, 24)")
            .doubleParam("actorLearningRate", 5e-4, 1e-7, 1.0, "Adam step size of the actor (paper 004: 0.0005)")
            .doubleParam("criticLearningRate", 1e-3, 1e-7, 1.0, "Adam step size of the critics (paper 004: 0.001)")
            .doubleParam("gamma", 0.1, 0.0, 1.0, "discount factor (paper 004: 0.1 for slicing; Fujimoto et al.: 0.99)")
            .intParam("batchSize", 32, 1, 4096, "transitions per update (paper 004: 32)")
            .intParam("bufferSize", 100_000, 1, 10_000_000, "replay capacity per agent (oldest overwritten)")
            .intParam("warmupSteps", 3_000, 0, 10_000_000, "initial steps with uniformly random actions and no updates (paper 004: 3000)")
            .intParam("trainEvery", 1, 1, 1_000, "environment steps per update (per agent)")
            .doubleParam("explorationNoise", 0.1, 0.0, 10.0, "std of the Gaussian exploration noise, normalised action units")
            .doubleParam("policyNoise", 0.2, 0.0, 10.0, "std of the target-policy smoothing noise, normalised action units")
            .doubleParam("noiseClip", 0.5, 0.0, 10.0, "clip c of the smoothing noise")
            .intParam("policyDelay", 2, 1, 1_000, "critic updates per actor and target update")
            .doubleParam("tau", 0.005, 0.0, 1.0, "Polyak rate of the target networks")
            .doubleParam("maxGradNorm", 0.0, 0.0, 1e9, "global gradient-norm clip of each network; 0 = none")
            .boolParam("normaliseObservations", true, "map a bounded Box observation linearly to [-1, 1] before the networks")
            .choiceParam("offlineRegularisation", "bc", List.of("bc", "none"),
                    "offline actor objective: bc = TD3+BC (Fujimoto and Gu 2021), none = naive off-policy TD3 on the data")
            .doubleParam("bcAlpha", 2.5, 0.0, 1e6, "TD3+BC's alpha: lambda = alpha / mean|Q1|")
            .build();

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor(ID, "Twin delayed DDPG (TD3)",
                "TD3 (Fujimoto et al. 2018): twin critics with clipped double-Q targets, target-policy smoothing, delayed actor and "
                        + "Polyak target updates, Gaussian exploration; tanh head for bounded Box actions, softmax head for Simplex "
                        + "shares; one independent learner per agent on parallel scenarios; TD3+BC offline.");
    }

    @Override
    public ConfigSchema configSchema() {
        return SCHEMA;
    }

    @Override
    public Optional<String> incompatibility(EnvironmentSpec spec, Config config) {
        for (int i = 0; i < spec.agents().size(); i++) {
            String who = spec.multiAgent() ? "agent " + spec.agents().get(i) + ": " : "";
            Space<?> a = spec.actionSpaces().get(i);
            if (a instanceof Box box) {
                for (int j = 0; j < box.dimension(); j++) {
                    if (!Double.isFinite(box.low(j)) || !Double.isFinite(box.high(j))) {
                        return Optional.of(who + "TD3's tanh head needs a Box with finite bounds, got " + a.describe());
                    }
                }
            } else if (!(a instanceof Simplex)) {
                return Optional.of(who + "TD3 needs continuous actions (a bounded Box or a Simplex of shares), got " + a.describe());
            }
            Space<?> o = spec.observationSpaces().get(i);
            if (o.flatSize() <= 0) {
                return Optional.of(who + "TD3 needs a non-empty observation, got " + o.describe());
            }
        }
        return Optional.empty();
    }

    @Override
    public Algorithm create(EnvironmentSpec spec, Config config, long seed) {
        incompatibility(spec, config).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        Td3.Settings s = new Td3.Settings(config.getDouble("actorLearningRate"), config.getDouble("criticLearningRate"),
                config.getDouble("gamma"), config.getInt("batchSize"), config.getInt("bufferSize"), config.getInt("warmupSteps"),
                config.getInt("trainEvery"), config.getDouble("explorationNoise"), config.getDouble("policyNoise"),
                config.getDouble("noiseClip"), config.getInt("policyDelay"), config.getDouble("tau"), config.getDouble("maxGradNorm"),
                config.getString("offlineRegularisation").equals("bc"), config.getDouble("bcAlpha"));
        int[] actorHidden = config.getInts("actorHidden");
        int[] criticHidden = config.getInts("criticHidden");
        boolean normalise = config.getBoolean("normaliseObservations");
        Td3Learner[] learners = new Td3Learner[spec.agents().size()];
        for (int i = 0; i < learners.length; i++) {
            // agent 0 of a single-agent spec and every agent of a team get their own derived streams
            long agentSeed = Seeds.derive(seed, "td3/agent" + i);
            Space<?> obs = spec.observationSpaces().get(i);
            Space<?> act = spec.actionSpaces().get(i);
            ActionHead head = ActionHead.of(act);
            int in = obs.flatSize();
            Mlp actor = actor(in, actorHidden, head, s.batchSize(), Seeds.derive(agentSeed, "actor"));
            Mlp actorTarget = actor(in, actorHidden, head, s.batchSize(), Seeds.derive(agentSeed, "actor"));
            Mlp c1 = critic(in + head.size, criticHidden, s.batchSize(), Seeds.derive(agentSeed, "critic1"));
            Mlp c2 = critic(in + head.size, criticHidden, s.batchSize(), Seeds.derive(agentSeed, "critic2"));
            Mlp c1t = critic(in + head.size, criticHidden, s.batchSize(), Seeds.derive(agentSeed, "critic1"));
            Mlp c2t = critic(in + head.size, criticHidden, s.batchSize(), Seeds.derive(agentSeed, "critic2"));
            Td3Policy policy = new Td3Policy(obs, act, normalise, actor, s.explorationNoise());
            learners[i] = new Td3Learner(policy, c1, c2, actorTarget, c1t, c2t, s, Seeds.derive(agentSeed, "noise"));
        }
        return new Td3(spec, s, learners, seed);
    }

    static Mlp actor(int inputs, int[] hidden, ActionHead head, int batch, long seed) {
        Mlp.Builder b = Mlp.builder(inputs).maxBatch(batch);
        for (int h : hidden) {
            b.dense(h, Activation.RELU);
        }
        return head.outputLayer(b).build(seed);
    }

    static Mlp critic(int inputs, int[] hidden, int batch, long seed) {
        Mlp.Builder b = Mlp.builder(inputs).maxBatch(batch);
        for (int h : hidden) {
            b.dense(h, Activation.RELU);
        }
        return b.dense(1, Activation.LINEAR).build(seed);
    }

    /**
     * For benchmarks (the JMH module calls it over the bundle jar): one TD3 update of agent
     * {@code agent} of an algorithm this provider created, on its current replay (which must hold
     * at least a batch); a delayed actor step every {@code policyDelay} calls, as in training.
     */
    public static Runnable update(Algorithm algorithm, int agent) {
        Td3Learner learner = ((Td3) algorithm).learner(agent);
        return () -> learner.update(Td3Learner.ActorLoss.TD3);
    }

    @Override
    public Policy<?, ?> loadPolicy(EnvironmentSpec spec, InputStream in) throws IOException {
        Optional<String> problem = incompatibility(new EnvironmentSpec(List.of("agent"), List.of(spec.observationSpace()),
                List.of(spec.actionSpace()), false), configSchema().defaults());
        if (problem.isPresent()) {
            throw new IOException("cannot load a rl/td3 policy: " + problem.get());
        }
        return Td3Policy.load(spec.observationSpace(), spec.actionSpace(), in);
    }
}
