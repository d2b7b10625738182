package org.nettwin.rl.dqn.internal;

import java.util.ArrayList;
import java.util.List;

import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.rl.LossSurface;
import org.nettwin.api.space.Space;
import org.nettwin.nn.Loss;
import org.nettwin.nn.Mlp;

/**
 * The DQN's training loss as a function of the online network's parameters, for loss
 * landscapes: the network {@code q}; for parameters {@code w} and transitions {@code (s, a, r, s',
 * terminated)} of a dataset,
 * {@code L(w) = mean Huber_δ(Q_w(s, a) − y)} with the targets of the trained networks held fixed,
 * {@code y = r + γ (1 − terminated) Q_target(s', argmax_a' Q_online(s', a'))} (with
 * {@code doubleDqn=false}: {@code max_a' Q_target(s', a')}) — the loss an update minimises, with
 * the targets as the current update sees them. Observations go through the policy's input
 * standardisation as in training. Filters: each dense unit's incoming weights, numbered over the
 * layers; biases are -1.
 *
 * <p>The transitions' flattened observations and action indices are cached for the last dataset
 * seen (by identity and size); after that a loss evaluation allocates nothing.
 */
final class DqnLossSurface implements LossSurface {

    static final String NETWORK = "q";
    private static final int CHUNK = 256;

    private final DqnPolicy policy;
    private final Mlp target;
    private final Space<Object> observations;
    private final DqnConfig settings;
    private final Mlp probe;
    private final Mlp onlineCopy;
    private final Mlp targetCopy;
    private final int width;
    private final int actions;
    private final double[] states;
    private final double[] nextStates;
    private final double[] targets;
    private final int[] taken;
    private final double[] grad;
    // per-dataset cache
    private TransitionDataset cached;
    private int cachedSize;
    private double[] flatObs;
    private double[] flatNext;
    private int[] actionIndex;

    DqnLossSurface(DqnPolicy policy, Mlp target, Space<Object> observations, DqnConfig settings) {
        this.policy = policy;
        this.target = target;
        this.observations = observations;
        this.settings = settings;
        Mlp q = policy.q;
        this.width = q.inputSize();
        this.actions = q.outputSize();
        this.probe = likeWithBatch(q);
        this.onlineCopy = likeWithBatch(q);
        this.targetCopy = likeWithBatch(q);
        this.states = new double[CHUNK * width];
        this.nextStates = new double[CHUNK * width];
        this.targets = new double[CHUNK];
        this.taken = new int[CHUNK];
        this.grad = new double[CHUNK * actions];
    }

    private static Mlp likeWithBatch(Mlp q) {
        List<Integer> hidden = new ArrayList<>();
        for (int l = 0; l < q.layerCount() - 1; l++) {
            hidden.add(q.units(l));
        }
        return DqnProvider.network(q.inputSize(), hidden, q.outputSize(), CHUNK, 0);
    }

    @Override
    public List<String> networks() {
        return List.of(NETWORK);
    }

    private void check(String network) {
        if (!NETWORK.equals(network)) {
            throw new IllegalArgumentException("rl/dqn offers the network [q], not '" + network + "'");
        }
    }

    @Override
    public double[] parameters(String network) {
        check(network);
        return policy.q.parameters().clone();
    }

    @Override
    public int[] filters(String network) {
        check(network);
        return policy.q.filters();
    }

    @Override
    public double loss(String network, double[] parameters, TransitionDataset data) {
        check(network);
        if (parameters.length != policy.q.parameterCount()) {
            throw new IllegalArgumentException("q has " + policy.q.parameterCount() + " parameters, got " + parameters.length);
        }
        prepare(data);
        int n = data.size();
        probe.setParameters(parameters);
        onlineCopy.copyParametersFrom(policy.q);
        targetCopy.copyParametersFrom(target);
        double sum = 0;
        for (int from = 0; from < n; from += CHUNK) {
            int b = Math.min(CHUNK, n - from);
            System.arraycopy(flatObs, from * width, states, 0, b * width);
            System.arraycopy(flatNext, from * width, nextStates, 0, b * width);
            System.arraycopy(actionIndex, from, taken, 0, b);
            policy.inputs.apply(states, 0, b);
            policy.inputs.apply(nextStates, 0, b);
            double[] qNextTarget = targetCopy.forward(nextStates, b);
            double[] qNextChooser = settings.doubleDqn() ? onlineCopy.forward(nextStates, b) : qNextTarget;
            for (int i = 0; i < b; i++) {
                int best = 0;
                for (int a = 1; a < actions; a++) {
                    if (qNextChooser[i * actions + a] > qNextChooser[i * actions + best]) {
                        best = a;
                    }
                }
                int row = from + i;
                double bootstrap = data.terminated(row) ? 0 : settings.gamma() * qNextTarget[i * actions + best];
                targets[i] = data.reward(row) + bootstrap;
            }
            double[] q = probe.forward(states, b);
            sum += Loss.huberSelected(q, taken, targets, b, actions, settings.huberDelta(), grad) * b;
        }
        return sum / n;
    }

    /** Flattens the dataset's observations and indexes its actions once per dataset. */
    private void prepare(TransitionDataset data) {
        if (data == cached && data.size() == cachedSize) {
            return;
        }
        Space<Object> actionSpace = policy.actionSpace();
        if (data.size() == 0) {
            throw new IllegalArgumentException("data: the dataset is empty");
        }
        if (data.observationSize() != observations.encodedSize() || data.actionSize() != actionSpace.encodedSize()) {
            throw new IllegalArgumentException("data: transitions of " + data.observationSize() + " observation and " + data.actionSize()
                    + " action values do not match " + observations.describe() + " (" + observations.encodedSize() + ") and "
                    + actionSpace.describe() + " (" + actionSpace.encodedSize() + ")");
        }
        int n = data.size();
        flatObs = new double[n * width];
        flatNext = new double[n * width];
        actionIndex = new int[n];
        double[] obs = new double[data.observationSize()];
        double[] act = new double[data.actionSize()];
        for (int i = 0; i < n; i++) {
            data.observation(i, obs, 0);
            observations.flatten(observations.decode(obs, 0), flatObs, i * width);
            data.nextObservation(i, obs, 0);
            observations.flatten(observations.decode(obs, 0), flatNext, i * width);
            data.action(i, act, 0);
            actionIndex[i] = policy.actionIndex(actionSpace.decode(act, 0));
        }
        cached = data;
        cachedSize = n;
    }
}
