package org.nettwin.rl.ppo.internal;

import java.util.Arrays;
import java.util.List;

import org.nettwin.api.Seeds;
import org.nettwin.nn.Activation;
import org.nettwin.nn.Adam;
import org.nettwin.nn.Init;
import org.nettwin.nn.Mlp;

/**
 * The networks one group of agents trains together (the whole team under parameter sharing,
 * one agent otherwise): actor, critic, the Gaussian log-stds, their Adam optimisers, and the
 * minibatch workspaces, all allocated once.
 */
final class PpoGroup {

    final int index;
    final int[] members;
    final ActionHead head;
    final Mlp actor;
    final Mlp critic;
    final double[] logStd;
    final double[] logStdGrad;
    final Adam actorAdam;
    final Adam criticAdam;
    final Adam logStdAdam;
    final int maxBatch;
    private final int[] samples;
    private final double[] actorX;
    private final double[] criticX;
    private final double[] raw;
    private final double[] oldLogProb;
    private final double[] advantage;
    private final double[] target;
    private final double[] oldValue;
    private final double[] dOut;
    private final double[] dValue;

    PpoGroup(int index, int[] members, ActionHead head, int actorInputs, int criticInputs, int maxBatch, int maxSamples,
            PpoConfig s, long seed) {
        this.index = index;
        this.members = members;
        this.head = head;
        this.maxBatch = maxBatch;
        this.actor = network(actorInputs, s.actorHidden(), head.outputs(), maxBatch, Seeds.derive(seed, "actor" + index));
        this.critic = network(criticInputs, s.criticHidden(), 1, maxBatch, Seeds.derive(seed, "critic" + index));
        // a small output layer starts the policy near uniform (categorical) or at mean 0, as the
        // 0.01-gain orthogonal head of the reference implementations does
        int last = actor.layerCount() - 1;
        for (int k = actor.weightOffset(last); k < actor.biasOffset(last); k++) {
            actor.parameters()[k] *= s.policyHeadScale();
        }
        this.logStd = new double[head.logStdSize()];
        Arrays.fill(logStd, s.initialLogStd());
        this.logStdGrad = new double[logStd.length];
        double lr = s.learningRate().at(0);
        this.actorAdam = Adam.of(actor, lr);
        this.criticAdam = Adam.of(critic, lr);
        this.logStdAdam = new Adam(logStd.length, lr);
        this.samples = new int[maxSamples];
        this.actorX = new double[maxBatch * actorInputs];
        this.criticX = new double[maxBatch * criticInputs];
        this.raw = new double[maxBatch * head.rawSize()];
        this.oldLogProb = new double[maxBatch];
        this.advantage = new double[maxBatch];
        this.target = new double[maxBatch];
        this.oldValue = new double[maxBatch];
        this.dOut = new double[maxBatch * head.outputs()];
        this.dValue = new double[maxBatch];
    }

    /** A tanh MLP with a linear output layer, Xavier-initialised (what {@code org.nettwin.nn} offers for tanh). */
    static Mlp network(int inputs, List<Integer> hidden, int outputs, int maxBatch, long seed) {
        Mlp.Builder b = Mlp.builder(inputs).maxBatch(maxBatch).init(Init.XAVIER);
        for (int h : hidden) {
            b.dense(h, Activation.TANH);
        }
        return b.dense(outputs, Activation.LINEAR).build(seed);
    }

    /** {@code epochs} passes over the group's active rollout samples in shuffled minibatches. */
    void train(Ppo ppo, int length, double learningRate) {
        PpoConfig s = ppo.s;
        actorAdam.setLearningRate(learningRate);
        criticAdam.setLearningRate(learningRate);
        logStdAdam.setLearningRate(learningRate);
        int count = 0;
        for (int a : members) {
            for (int t = 0; t < length; t++) {
                if (ppo.active[a][t]) {
                    samples[count++] = a * ppo.steps() + t;
                }
            }
        }
        if (count == 0) {
            return;
        }
        int batches = Math.min(s.minibatches(), count);
        for (int epoch = 0; epoch < s.epochs(); epoch++) {
            for (int k = count - 1; k > 0; k--) { // Fisher-Yates
                int j = ppo.random.nextInt(k + 1);
                int tmp = samples[k];
                samples[k] = samples[j];
                samples[j] = tmp;
            }
            for (int m = 0; m < batches; m++) {
                int from = (int) ((long) m * count / batches);
                int to = (int) ((long) (m + 1) * count / batches);
                double kl = minibatch(ppo, from, to - from);
                if (s.targetKl() > 0 && kl > 1.5 * s.targetKl()) {
                    return; // early stop, as Stable-Baselines3 does
                }
            }
        }
    }

    /** One gradient step on samples {@code [from, from + b)}; returns the approximate KL. */
    private double minibatch(Ppo ppo, int from, int b) {
        PpoConfig s = ppo.s;
        Team team = ppo.team;
        int inA = actor.inputSize();
        int inC = critic.inputSize();
        int rs = head.rawSize();
        int outs = head.outputs();
        int n = ppo.steps();
        for (int k = 0; k < b; k++) {
            int sample = samples[from + k];
            int a = sample / n;
            int t = sample % n;
            team.actorInput(a, ppo.observations[a], t * team.flatSize(a), actorX, k * inA);
            team.criticInput(a, ppo.observations, t, criticX, k * inC);
            System.arraycopy(ppo.rawActions[a], t * rs, raw, k * rs, rs);
            oldLogProb[k] = ppo.logProbs[a][t];
            advantage[k] = ppo.advantages[a][t];
            target[k] = ppo.returns[a][t];
            oldValue[k] = ppo.values[a][t];
        }
        if (s.normalizeAdvantages() && b > 1) {
            normalise(advantage, b);
        }
        double[] out = actor.forward(actorX, b);
        Arrays.fill(dOut, 0, b * outs, 0.0);
        Arrays.fill(logStdGrad, 0.0);
        double eps = s.clipRange();
        double policyLoss = 0;
        double entropy = 0;
        double kl = 0;
        double clipped = 0;
        for (int k = 0; k < b; k++) {
            double logProb = head.logProb(out, k * outs, logStd, raw, k * rs);
            double logRatio = logProb - oldLogProb[k];
            double ratio = Math.exp(logRatio);
            double unclipped = ratio * advantage[k];
            double clippedTerm = Math.min(Math.max(ratio, 1 - eps), 1 + eps) * advantage[k];
            // L = −min(r Â, clip(r) Â): the gradient flows through r only where the unclipped term is the minimum
            policyLoss -= Math.min(unclipped, clippedTerm);
            double wLogProb = unclipped <= clippedTerm ? -unclipped / b : 0.0;
            double h = head.entropy(out, k * outs, logStd);
            entropy += h;
            head.backward(out, k * outs, logStd, raw, k * rs, wLogProb, -s.entropyCoef() / b, dOut, logStdGrad);
            kl += (ratio - 1) - logRatio;
            clipped += Math.abs(ratio - 1) > eps ? 1 : 0;
        }
        actor.zeroGradients();
        actor.backward(dOut, b);
        double valueLoss = valueStep(s, b);
        Ppo.clipJointly(s.maxGradNorm(), actor.gradients(), logStdGrad, critic.gradients());
        actorAdam.step(actor);
        criticAdam.step(critic);
        if (logStd.length > 0) {
            logStdAdam.step(logStd, logStdGrad);
        }
        ppo.record(policyLoss / b, valueLoss, entropy / b, kl / b, clipped / b);
        return kl / b;
    }

    /**
     * The value regression {@code mean (V − R)²}, or with {@code valueClipRange} ε_v
     * {@code mean max((V − R)², (V_old + clip(V − V_old, ±ε_v) − R)²)}; the critic's gradients
     * (times {@code valueCoef}) are left for the joint clip. Returns the loss.
     */
    private double valueStep(PpoConfig s, int b) {
        double[] v = critic.forward(criticX, b);
        double loss = 0;
        double ev = s.valueClipRange();
        for (int k = 0; k < b; k++) {
            double e = v[k] - target[k];
            double grad = 2 * e;
            double l = e * e;
            if (ev > 0) {
                double delta = v[k] - oldValue[k];
                double ec = oldValue[k] + Math.min(Math.max(delta, -ev), ev) - target[k];
                if (ec * ec > l) {
                    l = ec * ec;
                    grad = Math.abs(delta) < ev ? 2 * ec : 0.0;
                }
            }
            loss += l;
            dValue[k] = s.valueCoef() * grad / b;
        }
        critic.zeroGradients();
        critic.backward(dValue, b);
        return loss / b;
    }

    /** Advantages to zero mean and unit (sample) standard deviation. */
    static void normalise(double[] x, int n) {
        double mean = 0;
        for (int k = 0; k < n; k++) {
            mean += x[k];
        }
        mean /= n;
        double var = 0;
        for (int k = 0; k < n; k++) {
            var += (x[k] - mean) * (x[k] - mean);
        }
        double inv = 1.0 / (Math.sqrt(var / (n - 1)) + 1e-8);
        for (int k = 0; k < n; k++) {
            x[k] = (x[k] - mean) * inv;
        }
    }
}
