package org.nettwin.rl.td3.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import org.nettwin.api.SeededRandom;
import org.nettwin.api.data.ReplayBuffer;
import org.nettwin.nn.Adam;
import org.nettwin.nn.Gradients;
import org.nettwin.nn.Loss;
import org.nettwin.nn.Mlp;
import org.nettwin.nn.NetworkFormat;

/**
 * One TD3 agent (Fujimoto, van Hoof and Meger, "Addressing function approximation error in
 * actor-critic methods", ICML 2018): an actor, twin critics, their target networks, three Adam
 * optimisers and a replay buffer, all in normalised action units (see {@link ActionHead}). The
 * update, its target-policy smoothing, its delayed actor step and (offline) the behaviour-cloning
 * term of TD3+BC (Fujimoto and Gu, NeurIPS 2021) allocate nothing (shares are projected onto the
 * simplex in a scratch row).
 */
final class Td3Learner {

    final Td3Config s;
    final Td3Policy policy;
    final Mlp actor;
    final Mlp critic1;
    final Mlp critic2;
    final Mlp actorTarget;
    final Mlp critic1Target;
    final Mlp critic2Target;
    Adam actorAdam;
    Adam critic1Adam;
    Adam critic2Adam;
    /** Replaced whole when a resumable state is loaded. */
    ReplayBuffer replay;
    final SeededRandom random;
    final ActionHead head;
    final int obs;
    final int act;
    long updates;

    // workspaces, allocated once
    private final int[] indices;
    private final double[] states;
    private final double[] nextStates;
    private final double[] takenActions;
    private final double[] stateAction;
    private final double[] targets;
    private final double[] criticGrad;
    private final double[] dInput;
    private final double[] actorGrad;
    private final double[] dq;
    private final double[] scratch;

    Td3Learner(Td3Policy policy, Mlp critic1, Mlp critic2, Mlp actorTarget, Mlp critic1Target, Mlp critic2Target, Td3Config s,
            long seed) {
        this.s = s;
        this.policy = policy;
        this.actor = policy.actor;
        this.head = policy.head;
        this.critic1 = critic1;
        this.critic2 = critic2;
        this.actorTarget = actorTarget;
        this.critic1Target = critic1Target;
        this.critic2Target = critic2Target;
        actorTarget.copyParametersFrom(actor);
        critic1Target.copyParametersFrom(critic1);
        critic2Target.copyParametersFrom(critic2);
        this.actorAdam = Adam.of(actor, s.actorLearningRate());
        this.critic1Adam = Adam.of(critic1, s.criticLearningRate());
        this.critic2Adam = Adam.of(critic2, s.criticLearningRate());
        this.obs = policy.scaling.size();
        this.act = head.size;
        this.replay = new ReplayBuffer(s.bufferSize(), obs, act);
        this.random = new SeededRandom(seed);
        int b = s.batchSize();
        this.indices = new int[b];
        this.states = new double[b * obs];
        this.nextStates = new double[b * obs];
        this.takenActions = new double[b * act];
        this.stateAction = new double[b * (obs + act)];
        this.targets = new double[b];
        this.criticGrad = new double[b];
        this.dInput = new double[b * (obs + act)];
        this.actorGrad = new double[b * act];
        this.dq = new double[b];
        this.scratch = new double[act];
    }

    /** Which actor objective an update uses. */
    enum ActorLoss {
        /** TD3: maximise {@code Q1(s, π(s))}. */
        TD3,
        /** TD3+BC: minimise {@code −λ Q1(s, π(s)) + (π(s) − a)²}, {@code λ = α / mean|Q1|}. */
        TD3_BC
    }

    /** Metrics of the last update (the actor ones only refreshed on delayed steps). */
    double criticLoss;
    double actorObjective;
    boolean actorUpdated;

    /** One TD3 update on a batch drawn from the agent's own replay. */
    void update(ActorLoss loss) {
        update(replay, loss);
    }

    /** One update on a batch drawn from {@code data} (the replay, or a dataset offline). */
    void update(ReplayBuffer data, ActorLoss loss) {
        int b = s.batchSize();
        data.sampleIndices(random, indices);
        for (int i = 0; i < b; i++) {
            data.observation(indices[i], states, i);
            data.nextObservation(indices[i], nextStates, i);
            data.action(indices[i], takenActions, i);
        }
        // target-policy smoothing: a' = constrain(π'(s') + clip(ε, −c, c)), ε ~ N(0, σ)
        double[] next = actorTarget.forward(nextStates, b);
        for (int i = 0; i < b; i++) {
            int sa = i * (obs + act);
            System.arraycopy(nextStates, i * obs, stateAction, sa, obs);
            System.arraycopy(next, i * act, stateAction, sa + obs, act);
            head.addNoise(stateAction, sa + obs, s.policyNoise(), s.noiseClip(), random, scratch);
        }
        // clipped double-Q target: y = r + γ (1 − terminated) min_i Q_i'(s', a')
        double[] q1Next = critic1Target.forward(stateAction, b);
        double[] q2Next = critic2Target.forward(stateAction, b);
        for (int i = 0; i < b; i++) {
            double bootstrap = data.terminated(indices[i]) ? 0.0 : s.gamma() * Math.min(q1Next[i], q2Next[i]);
            targets[i] = data.reward(indices[i]) + bootstrap;
        }
        packStateActions(states, takenActions, b);
        criticLoss = regress(critic1, critic1Adam, b) + regress(critic2, critic2Adam, b);
        updates++;
        actorUpdated = updates % s.policyDelay() == 0;
        if (actorUpdated) {
            actorObjective = actorStep(loss, b);
            actorTarget.softUpdateFrom(actor, s.tau());
            critic1Target.softUpdateFrom(critic1, s.tau());
            critic2Target.softUpdateFrom(critic2, s.tau());
        }
    }

    private void packStateActions(double[] st, double[] ac, int b) {
        for (int i = 0; i < b; i++) {
            int sa = i * (obs + act);
            System.arraycopy(st, i * obs, stateAction, sa, obs);
            System.arraycopy(ac, i * act, stateAction, sa + obs, act);
        }
    }

    /** MSE regression of {@code critic} onto {@link #targets} at {@link #stateAction}; returns the loss. */
    private double regress(Mlp critic, Adam adam, int b) {
        double loss = Loss.mse(critic.forward(stateAction, b), targets, b, criticGrad);
        critic.zeroGradients();
        critic.backward(criticGrad, b);
        if (s.maxGradNorm() > 0) {
            Gradients.clipGlobalNorm(critic.gradients(), s.maxGradNorm());
        }
        adam.step(critic.parameters(), critic.gradients());
        return loss;
    }

    /**
     * The delayed actor step: dQ1/da through critic 1 ({@code Mlp.inputGradient}, the critic's
     * parameters untouched), then backward through the actor. Returns mean Q1(s, π(s)).
     */
    private double actorStep(ActorLoss loss, int b) {
        double meanQ = actorGradients(loss, b);
        if (s.maxGradNorm() > 0) {
            Gradients.clipGlobalNorm(actor.gradients(), s.maxGradNorm());
        }
        actorAdam.step(actor.parameters(), actor.gradients());
        return meanQ;
    }

    /** For gradient checks: the actor's TD3 gradients on the first batch of {@code data}, without a step. */
    void actorGradientsOn(ReplayBuffer data, ActorLoss loss) {
        int b = Math.min(s.batchSize(), data.size());
        gather(data, 0, b);
        actorGradients(loss, b);
    }

    /** Sets the actor's gradients of the actor loss on {@link #states} (and {@link #takenActions}); returns mean Q1(s, π(s)). */
    private double actorGradients(ActorLoss loss, int b) {
        double[] pi = actor.forward(states, b);
        packStateActions(states, pi, b);
        double[] q = critic1.forward(stateAction, b);
        double meanQ = 0;
        double meanAbsQ = 0;
        for (int i = 0; i < b; i++) {
            meanQ += q[i];
            meanAbsQ += Math.abs(q[i]);
        }
        meanQ /= b;
        meanAbsQ /= b;
        // λ = α / mean|Q1| (a constant of the step, as Fujimoto and Gu detach it); TD3: λ = 1
        double lambda = loss == ActorLoss.TD3_BC ? s.bcAlpha() / Math.max(meanAbsQ, 1e-8) : 1.0;
        java.util.Arrays.fill(dq, 0, b, -lambda / b);
        critic1.inputGradient(dq, b, dInput);
        for (int i = 0; i < b; i++) {
            System.arraycopy(dInput, i * (obs + act) + obs, actorGrad, i * act, act);
        }
        if (loss == ActorLoss.TD3_BC) {
            // + mean over batch and action coordinates of (π(s) − a)², as F.mse_loss
            double scale = 2.0 / (b * act);
            for (int k = 0; k < b * act; k++) {
                actorGrad[k] += scale * (pi[k] - takenActions[k]);
            }
        }
        actor.zeroGradients();
        actor.backward(actorGrad, b);
        return meanQ;
    }

    // --- losses for LossSurface: deterministic (no smoothing noise), over a whole replay ----------

    /** Mean TD loss of critic 1 against the noise-free clipped double-Q target over every stored transition. */
    double criticTdLoss(ReplayBuffer data) {
        double total = 0;
        int n = data.size();
        int b = s.batchSize();
        for (int from = 0; from < n; from += b) {
            int m = Math.min(b, n - from);
            gather(data, from, m);
            double[] next = actorTarget.forward(nextStates, m);
            packStateActions(nextStates, next, m);
            double[] q1Next = critic1Target.forward(stateAction, m);
            double[] q2Next = critic2Target.forward(stateAction, m);
            for (int i = 0; i < m; i++) {
                double bootstrap = data.terminated(from + i) ? 0.0 : s.gamma() * Math.min(q1Next[i], q2Next[i]);
                targets[i] = data.reward(from + i) + bootstrap;
            }
            packStateActions(states, takenActions, m);
            double[] q = critic1.forward(stateAction, m);
            for (int i = 0; i < m; i++) {
                double e = q[i] - targets[i];
                total += e * e;
            }
        }
        return total / n;
    }

    /** {@code −mean Q1(s, π(s))} over every stored state. */
    double actorLoss(ReplayBuffer data) {
        double total = 0;
        int n = data.size();
        int b = s.batchSize();
        for (int from = 0; from < n; from += b) {
            int m = Math.min(b, n - from);
            gather(data, from, m);
            double[] pi = actor.forward(states, m);
            packStateActions(states, pi, m);
            double[] q = critic1.forward(stateAction, m);
            for (int i = 0; i < m; i++) {
                total -= q[i];
            }
        }
        return total / n;
    }

    private void gather(ReplayBuffer data, int from, int m) {
        for (int i = 0; i < m; i++) {
            data.observation(from + i, states, i);
            data.nextObservation(from + i, nextStates, i);
            data.action(from + i, takenActions, i);
        }
    }

    // --- checkpoints --------------------------------------------------------------------------

    /** Counters and random state, then the six networks (the trained three with their Adam state). */
    void write(DataOutputStream d) throws IOException {
        d.writeLong(updates);
        d.writeLong(random.state());
        d.flush();
        framed(d, actor, actorAdam);
        framed(d, critic1, critic1Adam);
        framed(d, critic2, critic2Adam);
        framed(d, actorTarget, null);
        framed(d, critic1Target, null);
        framed(d, critic2Target, null);
        d.flush();
    }

    /** A network file preceded by its length: {@code NetworkFormat.read} wants the whole stream to itself. */
    private static void framed(DataOutputStream d, Mlp network, Adam adam) throws IOException {
        byte[] bytes = NetworkFormat.toBytes(network, adam);
        d.writeInt(bytes.length);
        d.write(bytes);
    }

    private static NetworkFormat.Saved unframe(DataInputStream d) throws IOException {
        int length = d.readInt();
        if (length < 0) {
            throw new IOException("corrupt rl/td3 checkpoint: network length " + length);
        }
        byte[] bytes = d.readNBytes(length);
        if (bytes.length != length) {
            throw new IOException("rl/td3 checkpoint is truncated inside a network");
        }
        return NetworkFormat.read(new java.io.ByteArrayInputStream(bytes));
    }

    /** What {@link #write} wrote, read and checked against this learner's shapes; applied only by {@link Loaded#apply}. */
    Loaded read(DataInputStream d) throws IOException {
        long u = d.readLong();
        long state = d.readLong();
        NetworkFormat.Saved a = unframe(d);
        NetworkFormat.Saved c1 = unframe(d);
        NetworkFormat.Saved c2 = unframe(d);
        NetworkFormat.Saved at = unframe(d);
        NetworkFormat.Saved c1t = unframe(d);
        NetworkFormat.Saved c2t = unframe(d);
        Mlp[] nets = {check(a, actor, "actor"), check(c1, critic1, "critic1"), check(c2, critic2, "critic2"),
                check(at, actorTarget, "actor target"), check(c1t, critic1Target, "critic1 target"), check(c2t, critic2Target, "critic2 target")};
        Adam[] adams = {adam(a, actor, "actor"), adam(c1, critic1, "critic1"), adam(c2, critic2, "critic2")};
        if (u < 0) {
            throw new IOException("corrupt rl/td3 checkpoint: negative update count " + u);
        }
        return new Loaded(this, u, state, nets, adams);
    }

    private static Mlp check(NetworkFormat.Saved saved, Mlp expected, String name) throws IOException {
        Mlp m = saved.network(Mlp.class);
        if (!m.architecture().equals(expected.architecture())) {
            throw new IOException("rl/td3 checkpoint's " + name + " is " + m.architecture() + ", this algorithm's is " + expected.architecture());
        }
        return m;
    }

    private static Adam adam(NetworkFormat.Saved saved, Mlp network, String name) throws IOException {
        if (saved.optimizer().isEmpty() || !(saved.optimizer().get() instanceof Adam adam) || adam.size() != network.parameterCount()) {
            throw new IOException("rl/td3 checkpoint's " + name + " has no Adam state of " + network.parameterCount() + " parameters");
        }
        return adam;
    }

    /** A checkpoint read and checked, not yet applied: applying cannot fail, so a bad file leaves the state unchanged. */
    record Loaded(Td3Learner owner, long updates, long randomState, Mlp[] networks, Adam[] adams) {
        void apply() {
            Td3Learner l = owner;
            l.updates = updates;
            l.random.setState(randomState);
            l.actor.copyParametersFrom(networks[0]);
            l.critic1.copyParametersFrom(networks[1]);
            l.critic2.copyParametersFrom(networks[2]);
            l.actorTarget.copyParametersFrom(networks[3]);
            l.critic1Target.copyParametersFrom(networks[4]);
            l.critic2Target.copyParametersFrom(networks[5]);
            l.actorAdam = adams[0];
            l.critic1Adam = adams[1];
            l.critic2Adam = adams[2];
        }
    }
}
