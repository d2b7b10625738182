package org.nettwin.rl.ppo.internal;

import java.util.ArrayList;
import java.util.List;

import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.rl.LossSurface;
import org.nettwin.api.space.Space;
import org.nettwin.nn.Mlp;

/**
 * The {@link LossSurface} capability of {@link Ppo}. Networks: {@code actor} and {@code critic}
 * of group 0 (the shared pair, or agent 0's), {@code actorK} / {@code criticK} of agent K's pair
 * without parameter sharing. Filters: a dense unit's incoming weights (units numbered layer after
 * layer), -1 for biases. Log-stds are not network parameters and stay at their trained values.
 *
 * <p>Losses, with the network's parameters replaced:
 * <ul>
 * <li>actor: the clipped surrogate {@code −mean min(r Â, clip(r, 1±ε) Â) − c_H · mean H} with
 * {@code r = π_θ(a|s) / π_old(a|s)};</li>
 * <li>critic: {@code mean (V_θ(s) − R)²}.</li>
 * </ul>
 * With {@code data == null} the samples are the last update's rollout with its stored behaviour
 * log-probabilities, GAE advantages and returns. With a {@link TransitionDataset} (single-agent
 * only) the returns are estimated from its rewards: the discounted return to the episode's end,
 * bootstrapped with the trained critic's value of the last next observation when the episode was
 * truncated or the data stops mid-episode; {@code Â = R − V_trained(s)}, {@code π_old} = the
 * trained policy (so {@code r = 1} at the trained parameters). Advantages are normalised over all
 * samples when {@code normalizeAdvantages} is set.
 */
final class PpoLossSurface implements LossSurface {

    private final Ppo ppo;

    PpoLossSurface(Ppo ppo) {
        this.ppo = ppo;
    }

    @Override
    public List<String> networks() {
        List<String> names = new ArrayList<>();
        for (int g = 0; g < ppo.groups.length; g++) {
            names.add(g == 0 ? "actor" : "actor" + g);
            names.add(g == 0 ? "critic" : "critic" + g);
        }
        return names;
    }

    private Mlp network(String name) {
        for (int g = 0; g < ppo.groups.length; g++) {
            String suffix = g == 0 ? "" : String.valueOf(g);
            if (name.equals("actor" + suffix)) {
                return ppo.groups[g].actor;
            }
            if (name.equals("critic" + suffix)) {
                return ppo.groups[g].critic;
            }
        }
        throw new IllegalArgumentException("rl/ppo has no network '" + name + "'; networks: " + networks());
    }

    private PpoGroup groupOf(String name) {
        Mlp net = network(name);
        for (PpoGroup g : ppo.groups) {
            if (g.actor == net || g.critic == net) {
                return g;
            }
        }
        throw new IllegalStateException(name);
    }

    @Override
    public double[] parameters(String network) {
        return network(network).parameters().clone();
    }

    @Override
    public int[] filters(String network) {
        return network(network).filters();
    }

    /** The samples a loss is evaluated on: network inputs, raw actions, behaviour log-probabilities, advantages and returns. */
    private record Samples(double[][] actorInput, double[][] criticInput, double[][] raw, double[] oldLogProb, double[] advantage,
            double[] target) {
    }

    @Override
    public double loss(String network, double[] parameters, TransitionDataset data) {
        Mlp net = network(network);
        PpoGroup g = groupOf(network);
        if (parameters.length != net.parameterCount()) {
            throw new IllegalArgumentException("network '" + network + "' has " + net.parameterCount() + " parameters, got " + parameters.length);
        }
        Samples samples = data == null ? rolloutSamples(g) : datasetSamples(g, data);
        if (ppo.s.normalizeAdvantages() && samples.advantage().length > 1) {
            PpoGroup.normalise(samples.advantage(), samples.advantage().length);
        }
        double[] trained = net.parameters().clone();
        net.setParameters(parameters);
        try {
            return net == g.actor ? actorLoss(g, samples) : criticLoss(g, samples);
        } finally {
            net.setParameters(trained);
        }
    }

    private double actorLoss(PpoGroup g, Samples x) {
        double eps = ppo.s.clipRange();
        double sum = 0;
        int n = x.oldLogProb().length;
        for (int k = 0; k < n; k++) {
            double[] out = g.actor.predict(x.actorInput()[k]);
            double ratio = Math.exp(g.head.logProb(out, 0, g.logStd, x.raw()[k], 0) - x.oldLogProb()[k]);
            double a = x.advantage()[k];
            sum -= Math.min(ratio * a, Math.min(Math.max(ratio, 1 - eps), 1 + eps) * a);
            sum -= ppo.s.entropyCoef() * g.head.entropy(out, 0, g.logStd);
        }
        return sum / n;
    }

    private double criticLoss(PpoGroup g, Samples x) {
        double sum = 0;
        int n = x.target().length;
        for (int k = 0; k < n; k++) {
            double e = g.critic.predict(x.criticInput()[k])[0] - x.target()[k];
            sum += e * e;
        }
        return sum / n;
    }

    private Samples rolloutSamples(PpoGroup g) {
        int length = ppo.lastRolloutLength;
        if (length == 0) {
            throw new IllegalStateException("rl/ppo has no rollout to evaluate losses on yet (learn first, or pass a dataset)");
        }
        int count = 0;
        for (int a : g.members) {
            for (int t = 0; t < length; t++) {
                count += ppo.active[a][t] ? 1 : 0;
            }
        }
        Samples x = allocate(g, count);
        int k = 0;
        int rs = g.head.rawSize();
        for (int a : g.members) {
            for (int t = 0; t < length; t++) {
                if (ppo.active[a][t]) {
                    ppo.team.actorInput(a, ppo.observations[a], t * ppo.team.flatSize(a), x.actorInput()[k], 0);
                    ppo.team.criticInput(a, ppo.observations, t, x.criticInput()[k], 0);
                    System.arraycopy(ppo.rawActions[a], t * rs, x.raw()[k], 0, rs);
                    x.oldLogProb()[k] = ppo.logProbs[a][t];
                    x.advantage()[k] = ppo.advantages[a][t];
                    x.target()[k] = ppo.returns[a][t];
                    k++;
                }
            }
        }
        return x;
    }

    private static Samples allocate(PpoGroup g, int n) {
        return new Samples(new double[n][g.actor.inputSize()], new double[n][g.critic.inputSize()], new double[n][g.head.rawSize()],
                new double[n], new double[n], new double[n]);
    }

    @SuppressWarnings("unchecked")
    private Samples datasetSamples(PpoGroup g, TransitionDataset data) {
        if (ppo.spec.agents().size() != 1) {
            throw new IllegalArgumentException("rl/ppo evaluates dataset losses for single-agent learners only (this one has "
                    + ppo.spec.agents().size() + " agents); pass null for the last rollout");
        }
        Space<Object> obs = (Space<Object>) ppo.spec.observationSpace();
        Space<Object> act = (Space<Object>) ppo.spec.actionSpace();
        if (data.size() == 0 || data.observationSize() != obs.encodedSize() || data.actionSize() != act.encodedSize()) {
            throw new IllegalArgumentException("dataset of " + data.size() + " transitions with observations of " + data.observationSize()
                    + " and actions of " + data.actionSize() + " numbers does not fit " + obs.describe() + " (" + obs.encodedSize() + ") -> "
                    + act.describe() + " (" + act.encodedSize() + ")");
        }
        int n = data.size();
        Samples x = allocate(g, n);
        double[] encodedObs = new double[obs.encodedSize()];
        double[] encodedAct = new double[act.encodedSize()];
        double[] value = new double[n];
        double[] nextInput = new double[g.critic.inputSize()];
        double[] bootstrap = new double[n];
        for (int i = 0; i < n; i++) {
            data.observation(i, encodedObs, 0);
            obs.flatten(obs.decode(encodedObs, 0), x.actorInput()[i], 0);
            System.arraycopy(x.actorInput()[i], 0, x.criticInput()[i], 0, nextInput.length);
            double[] out = g.actor.predict(x.actorInput()[i]);
            data.action(i, encodedAct, 0);
            g.head.rawOfEncoded(encodedAct, 0, out, 0, x.raw()[i], 0);
            x.oldLogProb()[i] = g.head.logProb(out, 0, g.logStd, x.raw()[i], 0);
            value[i] = g.critic.predict(x.criticInput()[i])[0];
            data.nextObservation(i, encodedObs, 0);
            obs.flatten(obs.decode(encodedObs, 0), nextInput, 0);
            bootstrap[i] = g.critic.predict(nextInput)[0];
        }
        double gamma = ppo.s.gamma();
        double future = 0;
        for (int i = n - 1; i >= 0; i--) {
            boolean continues = i + 1 < n && data.episode(i + 1) == data.episode(i) && !data.terminated(i) && !data.truncated(i);
            double next = data.terminated(i) ? 0.0 : continues ? future : bootstrap[i];
            future = data.reward(i) * ppo.s.rewardScale() + gamma * next;
            x.target()[i] = future;
            x.advantage()[i] = future - value[i];
        }
        return x;
    }
}
