package org.nettwin.metric.bsm.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.nettwin.api.PluginDescriptor;
import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.env.MdpTables;
import org.nettwin.api.similarity.Similarity;
import org.nettwin.api.similarity.SimilarityMetric;
import org.osgi.service.component.annotations.Component;

/**
 * {@code metric/dt-bsm-empirical}: the DT-BSM of two transition datasets, one recorded in the
 * real network and one in the twin. Observations are matched by value (equal encoded observations
 * are one state); each dataset gives its maximum-likelihood MDP (successor frequencies, mean
 * rewards; a pair a dataset never visits stays put with reward 0), and the chosen exact form is
 * computed on the two. The distance is the largest {@code d(s, s)} over states the real data
 * starts a transition from.
 *
 * <p>The confidence radius bounds, with probability at least {@code 1 − δ}, how far the exact
 * metric of the two true MDPs can be: per visited pair, Hoeffding for the mean reward
 * ({@code ρ √(ln(4K/δ) / 2n)}) and Weissman et al. (2003) for the successor distribution in L1
 * ({@code √(2 (|S| ln 2 + ln(4K/δ)) / n)}), over {@code K = 2|S||A|} pairs of both datasets by a
 * union bound; a perturbation of the operator by {@code ε} moves its fixed point by at most
 * {@code ε / (1 − γ)}, and a transition error of L1 size {@code e} moves {@code W_d} by at most
 * {@code D e / 2} with {@code D = ρ / (1 − γ)} ({@code ρ} = reward range of the data, rewards
 * assumed within it). It shrinks as {@code 1/√n_min}; it is infinite while some pair of some
 * state is unvisited in either dataset.
 */
@Component(service = SimilarityMetric.class, property = "nettwin.id=" + EmpiricalMetric.ID)
public final class EmpiricalMetric extends BsmMetric<TransitionDataset, EmpiricalConfig> {

    static final String ID = "metric/dt-bsm-empirical";

    /** Creates the service. */
    public EmpiricalMetric() {
        super(new PluginDescriptor(ID, "DT-BSM (empirical)",
                "The digital-twin bisimulation metric (arXiv 2502.17983) estimated from a real and a twin transition dataset (observations "
                        + "matched by value), with a confidence radius that shrinks as 1/sqrt(samples)."),
                TransitionDataset.class, EmpiricalConfig.class);
    }

    @Override
    Similarity measure(TransitionDataset real, TransitionDataset twin, EmpiricalConfig c) {
        if (real.observationSize() != twin.observationSize() || real.actionSize() != twin.actionSize()) {
            throw new IllegalArgumentException("the datasets encode observations/actions in " + real.observationSize() + "/" + real.actionSize()
                    + " and " + twin.observationSize() + "/" + twin.actionSize() + " numbers; they must describe the same spaces");
        }
        if (real.size() == 0 || twin.size() == 0) {
            throw new IllegalArgumentException("the empirical DT-BSM needs non-empty datasets (real " + real.size() + ", twin " + twin.size()
                    + " transitions)");
        }
        VectorIndex states = new VectorIndex(real.observationSize());
        VectorIndex actions = new VectorIndex(real.actionSize());
        Indexed r = Indexed.of(real, states, actions);
        Indexed t = Indexed.of(twin, states, actions);
        int n = states.size();
        int a = actions.size();
        double lo = Math.min(r.minReward, t.minReward);
        double hi = Math.max(r.maxReward, t.maxReward);
        Counts realCounts = new Counts(r, n, a);
        Counts twinCounts = new Counts(t, n, a);
        MdpTables realTables = realCounts.tables();
        MdpTables twinTables = twinCounts.tables();
        int[] match = new int[n];
        for (int s = 0; s < n; s++) {
            match[s] = realCounts.isOrigin(s) ? s : -1;
        }
        FixedPointConfig fp = c.fixedPoint();
        StateDistances d = c.form().equals("tv")
                ? TotalVariationFixedPoint.compute(realTables, twinTables, match, fp.gamma(), fp.tolerance(), fp.maxIterations())
                : WassersteinFixedPoint.compute(realTables, twinTables, match, fp.gamma(), fp.tolerance(), fp.maxIterations(), fp.maxCells());
        long minVisits = Math.min(realCounts.minVisits(), twinCounts.minVisits());
        Map<String, Double> details = new LinkedHashMap<>();
        details.put("radius", radius(realCounts.minVisits(), twinCounts.minVisits(), n, a, hi - lo, c.gamma(), c.confidence()));
        details.put("minVisits", (double) minVisits);
        details.put("unvisitedPairs", (double) (realCounts.unvisited() + twinCounts.unvisited()));
        details.put("states", (double) n);
        details.put("realTransitions", (double) real.size());
        details.put("twinTransitions", (double) twin.size());
        return d.similarity(realTables, details);
    }

    /** The confidence radius of the class comment for the least-visited pair of each dataset. */
    static double radius(long realVisits, long twinVisits, int states, int actions, double rewardRange, double gamma, double delta) {
        if (realVisits == 0 || twinVisits == 0) {
            return Double.POSITIVE_INFINITY;
        }
        return (pairError(realVisits, states, actions, rewardRange, gamma, delta) + pairError(twinVisits, states, actions, rewardRange, gamma, delta))
                / (1 - gamma);
    }

    private static double pairError(long visits, int states, int actions, double rewardRange, double gamma, double delta) {
        double log = Math.log(4.0 * 2 * states * actions / delta);
        double reward = rewardRange * Math.sqrt(log / (2.0 * visits));
        double l1 = Math.sqrt(2 * (states * Math.log(2) + log) / visits);
        double diameter = rewardRange / (1 - gamma);
        return reward + gamma * diameter * l1 / 2;
    }

    /** A dataset's transitions as state and action numbers. */
    private record Indexed(int[] from, int[] action, int[] to, double[] reward, double minReward, double maxReward) {

        static Indexed of(TransitionDataset data, VectorIndex states, VectorIndex actions) {
            int size = data.size();
            int[] from = new int[size];
            int[] action = new int[size];
            int[] to = new int[size];
            double[] reward = new double[size];
            double[] obs = new double[data.observationSize()];
            double[] act = new double[data.actionSize()];
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < size; i++) {
                data.observation(i, obs, 0);
                from[i] = states.index(obs, 0);
                data.action(i, act, 0);
                action[i] = actions.index(act, 0);
                data.nextObservation(i, obs, 0);
                to[i] = states.index(obs, 0);
                reward[i] = data.reward(i);
                lo = Math.min(lo, reward[i]);
                hi = Math.max(hi, reward[i]);
            }
            return new Indexed(from, action, to, reward, lo, hi);
        }
    }

    /** Visit counts, successor counts and reward sums of one dataset, over the shared numbering. */
    private static final class Counts {
        private final int states;
        private final int actions;
        private final long[] visits;
        private final double[] rewardSum;
        private final long[] keys; // sorted (s * A + a) * S + s'

        Counts(Indexed data, int states, int actions) {
            this.states = states;
            this.actions = actions;
            visits = new long[states * actions];
            rewardSum = new double[states * actions];
            keys = new long[data.from.length];
            for (int i = 0; i < keys.length; i++) {
                int k = data.from[i] * actions + data.action[i];
                visits[k]++;
                rewardSum[k] += data.reward[i];
                keys[i] = (long) k * states + data.to[i];
            }
            Arrays.sort(keys);
        }

        boolean isOrigin(int s) {
            for (int a = 0; a < actions; a++) {
                if (visits[s * actions + a] > 0) {
                    return true;
                }
            }
            return false;
        }

        long minVisits() {
            return Arrays.stream(visits).min().orElse(0);
        }

        long unvisited() {
            return Arrays.stream(visits).filter(v -> v == 0).count();
        }

        /** @return the maximum-likelihood tables (unvisited pairs: stay, reward 0; initial: uniform) */
        MdpTables tables() {
            MdpTables.Builder b = MdpTables.builder(states, actions);
            int i = 0;
            while (i < keys.length) {
                int j = i;
                while (j < keys.length && keys[j] == keys[i]) {
                    j++;
                }
                int k = (int) (keys[i] / states);
                b.transition(k / actions, k % actions, (int) (keys[i] % states), (double) (j - i) / visits[k]);
                i = j;
            }
            for (int s = 0; s < states; s++) {
                for (int a = 0; a < actions; a++) {
                    int k = s * actions + a;
                    if (visits[k] == 0) {
                        b.transition(s, a, s, 1.0);
                    } else {
                        b.reward(s, a, rewardSum[k] / visits[k]);
                    }
                }
                b.initial(s, 1.0 / states);
            }
            return b.build();
        }
    }
}
