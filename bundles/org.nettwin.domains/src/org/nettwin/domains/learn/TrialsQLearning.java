package org.nettwin.domains.learn;

import java.util.Optional;
import java.util.random.RandomGenerator;

import org.nettwin.api.Seeds;
import org.nettwin.api.env.Step;
import org.nettwin.api.rl.Schedule;
import org.nettwin.api.space.TableIndex;
import org.nettwin.domains.DomainSet;
import org.nettwin.domains.Physical;
import org.nettwin.domains.Storage;

/**
 * DT-enhanced Q-learning with simultaneous action trials (paper 001, §III and §IV-A). At state
 * {@code s} the agent takes its ε-greedy action {@code a} on the physical environment; the
 * {@code n − 1} differential domains, synchronised to the same state, take {@code n − 1} other
 * distinct actions {@code b_1 … b_{n−1}}; each transition goes to its domain's storage space and Q is
 * updated with all {@code n}, physical first, each by Watkins' rule
 * {@code Q(s,b) ← Q(s,b) + α [r_b + γ (1 − terminated_b) max_{a'} Q(s'_b, a') − Q(s,b)]}.
 * With {@code n = 1} this is plain Q-learning. Single agent; observations binned by
 * {@link TableIndex} as {@code rl/q-learning} bins them. Ties of the greedy action go to the lowest
 * action, for reproducibility.
 */
public final class TrialsQLearning {

    private final TrialsConfig config;
    private final TableIndex states;
    private final int actions;
    private final double[] q;
    private final Schedule epsilon;
    private final RandomGenerator random;
    private final int[] order;
    private final int[] action = new int[1];
    private final int[] trial = new int[1];
    private final double[] start;
    private long episodes;

    /**
     * @param physical the physical environment (single agent)
     * @param domains  {@code trials − 1} differential domains
     */
    public TrialsQLearning(TrialsConfig config, Physical physical, DomainSet domains, long seed) {
        refusal(config, physical).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        if (domains.size() != config.trials() - 1) {
            throw new IllegalArgumentException(config.trials() + " trials need " + (config.trials() - 1) + " domains, got " + domains.size());
        }
        this.config = config;
        this.states = TableIndex.of(physical.environment().observationSpace(), config.bins(), config.maxStates());
        this.actions = physical.environment().actions(0);
        this.q = new double[states.size() * actions];
        java.util.Arrays.fill(q, config.initialQ());
        this.epsilon = config.epsilon();
        this.random = Seeds.generator(Seeds.derive(seed, "exploration"));
        this.order = new int[actions];
        this.start = new double[physical.environment().observationSpace().dimension()];
    }

    /** @return why this configuration cannot learn on {@code physical}, or empty */
    public static Optional<String> refusal(TrialsConfig config, Physical physical) {
        if (physical.environment().agents() != 1) {
            return Optional.of("n-action trials learn single-agent scenarios; this one has " + physical.environment().agents() + " agents");
        }
        int n = physical.environment().actions(0);
        if (config.trials() > n) {
            return Optional.of("trials = " + config.trials() + " is more than the " + n + " actions");
        }
        try {
            TableIndex.of(physical.environment().observationSpace(), config.bins(), config.maxStates());
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        return Optional.empty();
    }

    /**
     * Plays one physical episode (the first reset with {@code Seeds.derive(seed, "episodes")}, later
     * ones continuing the stream), learning at every step.
     *
     * @return the episode's return on the physical environment
     */
    public double episode(Physical physical, DomainSet domains, long seed) {
        Step<double[]> step = episodes == 0 ? physical.reset(Seeds.derive(seed, "episodes")) : physical.reset();
        episodes++;
        double total = 0;
        while (!step.done()) {
            step = step(physical, domains);
            total += step.reward();
        }
        return total;
    }

    /** One physical step with its n − 1 domain trials and n updates; returns the physical step. */
    public Step<double[]> step(Physical physical, DomainSet domains) {
        double[] obs = physical.current().observation();
        System.arraycopy(obs, 0, start, 0, start.length);
        int s = states.indexEncoded(start, 0);
        action[0] = explore(s, epsilon.at(physical.steps()));
        int others = chooseOthers(s, action[0], domains.size());
        if (others > 0) {
            domains.beginWork();
            for (int d = 0; d < others; d++) {
                trial[0] = order[d];
                domains.sync(d, physical);
                Step<double[]> t = domains.step(d, trial);
                domains.storage(d).add(start, trial, t.reward(), t.observation(), t.terminated() ? 0 : config.gamma());
            }
            domains.endWork();
        }
        Step<double[]> p = physical.step(action);
        update(s, action[0], p.reward(), states.indexEncoded(p.observation(), 0), p.terminated());
        for (int d = 0; d < others; d++) {
            Storage st = domains.storage(d);
            int i = st.last();
            update(s, st.action(i, 0), st.value(i), states.indexEncoded(st.nextObservations(), st.observationOffset(i)), st.discount(i) == 0);
        }
        return p;
    }

    /** Watkins' update of {@code Q(s, a)}; returns the TD error. */
    double update(int s, int a, double reward, int next, boolean terminated) {
        double target = reward + (terminated ? 0 : config.gamma() * max(next));
        int k = s * actions + a;
        double td = target - q[k];
        q[k] += config.alpha() * td;
        return td;
    }

    private int explore(int s, double eps) {
        if (random.nextDouble() < eps) {
            return random.nextInt(actions);
        }
        return greedy(s);
    }

    /** Fills {@code order[0..n−2]} with the domains' actions (distinct, none equal to {@code taken}); returns how many. */
    private int chooseOthers(int s, int taken, int count) {
        if (count == 0) {
            return 0;
        }
        int m = 0;
        for (int b = 0; b < actions; b++) {
            if (b != taken) {
                order[m++] = b;
            }
        }
        if (config.trialActions().equals("greedy")) {
            // selection of the count best by Q (ties: lower action first)
            for (int i = 0; i < count; i++) {
                int best = i;
                for (int j = i + 1; j < m; j++) {
                    if (q[s * actions + order[j]] > q[s * actions + order[best]]) {
                        best = j;
                    }
                }
                int t = order[i];
                order[i] = order[best];
                order[best] = t;
            }
        } else {
            // partial Fisher-Yates: the first count entries are a uniform sample without replacement
            for (int i = 0; i < count; i++) {
                int j = i + random.nextInt(m - i);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        return count;
    }

    /** @return the greedy action of table row {@code s} (ties: lowest action) */
    public int greedy(int s) {
        int base = s * actions;
        int best = 0;
        for (int a = 1; a < actions; a++) {
            if (q[base + a] > q[base + best]) {
                best = a;
            }
        }
        return best;
    }

    private double max(int s) {
        return q[s * actions + greedy(s)];
    }

    /** @return {@code Q(s, a)} */
    public double q(int s, int a) {
        return q[s * actions + a];
    }

    /** @return the table row of an observation */
    public int state(double[] observation) {
        return states.indexEncoded(observation, 0);
    }

    /** @return the mean return of {@code episodes} greedy episodes on {@code env}, learning nothing */
    public double evaluate(org.nettwin.domains.JointView env, int count, long seed) {
        double sum = 0;
        int[] a = new int[1];
        for (int e = 0; e < count; e++) {
            Step<double[]> st = e == 0 ? env.reset(seed) : env.reset();
            while (!st.done()) {
                a[0] = greedy(states.indexEncoded(st.observation(), 0));
                st = env.step(a);
                sum += st.reward();
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }
}
