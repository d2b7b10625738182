package org.nettwin.rl.td3.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

import org.nettwin.api.PluginDescriptor;
import org.nettwin.api.Seeds;
import org.nettwin.api.rl.Algorithm;
import org.nettwin.api.rl.AlgorithmProvider;
import org.nettwin.api.rl.BaseAlgorithmProvider;
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
public final class Td3Provider extends BaseAlgorithmProvider<Td3Config> {

    static final String ID = "rl/td3";

    /** Creates the service. */
    public Td3Provider() {
        super(new PluginDescriptor(ID, "Twin delayed DDPG (TD3)",
                "TD3 (Fujimoto et al. 2018): twin critics with clipped double-Q targets, target-policy smoothing, delayed actor and "
                        + "Polyak target updates, Gaussian exploration; tanh head for bounded Box actions, softmax head for Simplex "
                        + "shares; one independent learner per agent on parallel scenarios; TD3+BC offline."), Td3Config.class);
    }

    /** TD3 acts in any spaces its heads fit, whatever the configuration. */
    @Override
    protected Optional<String> refusal(EnvironmentSpec spec, Td3Config config) {
        return spaceProblem(spec);
    }

    private static Optional<String> spaceProblem(EnvironmentSpec spec) {
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
    protected Algorithm build(EnvironmentSpec spec, Td3Config s, long seed) {
        spaceProblem(spec).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        List<Integer> actorHidden = s.actorHidden();
        List<Integer> criticHidden = s.criticHidden();
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
            Td3Policy policy = new Td3Policy(obs, act, s.normaliseObservations(), actor, s.explorationNoise());
            learners[i] = new Td3Learner(policy, c1, c2, actorTarget, c1t, c2t, s, Seeds.derive(agentSeed, "noise"));
        }
        return new Td3(spec, s, learners, seed);
    }

    static Mlp actor(int inputs, List<Integer> hidden, ActionHead head, int batch, long seed) {
        Mlp.Builder b = Mlp.builder(inputs).maxBatch(batch);
        for (int h : hidden) {
            b.dense(h, Activation.RELU);
        }
        return head.outputLayer(b).build(seed);
    }

    static Mlp critic(int inputs, List<Integer> hidden, int batch, long seed) {
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
        Optional<String> problem = spaceProblem(new EnvironmentSpec(List.of("agent"), List.of(spec.observationSpace()),
                List.of(spec.actionSpace()), false));
        if (problem.isPresent()) {
            throw new IOException("cannot load a rl/td3 policy: " + problem.get());
        }
        return Td3Policy.load(spec.observationSpace(), spec.actionSpace(), in);
    }
}
