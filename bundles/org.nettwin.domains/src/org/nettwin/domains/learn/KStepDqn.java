package org.nettwin.domains.learn;

import java.util.random.RandomGenerator;

import org.nettwin.api.Seeds;
import org.nettwin.api.env.Step;
import org.nettwin.api.rl.Schedule;
import org.nettwin.domains.DomainSet;
import org.nettwin.domains.JointView;
import org.nettwin.domains.Physical;
import org.nettwin.domains.Storage;
import org.nettwin.nn.Activation;
import org.nettwin.nn.Adam;
import org.nettwin.nn.Gradients;
import org.nettwin.nn.Loss;
import org.nettwin.nn.Mlp;

/**
 * DT-enhanced deep Q-learning with k-step twin predictions (paper 001, §III "training improvement
 * with prediction" and §IV-B), for a team of independent learners sharing the reward (the paper's
 * multi-UAV DQL; one learner for a single-agent scenario).
 *
 * <p>At physical state {@code s} the team takes its ε-greedy joint action {@code a}. With
 * {@code k > 1}, each of the D domains is synchronised to {@code s}, takes {@code a}, then follows
 * the current ε-greedy policies for {@code k − 1} more steps (fewer if its episode ends), and stores
 * {@code (s, a, G_d = Σ_{j<k} γ^j r_j, s_k^d, γ^k)} in its storage space (discount 0 if the prediction
 * reached a terminal state; a time limit is not terminal, the bootstrap then starts where it was cut).
 * Agent {@code i}'s target for a replayed transition is the mean over the domains
 * <pre>y_i = (1/D) Σ_d [ G_d + discount_d · max_{a'} Q'_i(o_i(s_k^d), a') ]</pre>
 * and its Q network descends the Huber loss of {@code Q_i(o_i(s), a_i) − y_i}. With {@code k = 1}
 * the physical transition {@code (s, a, r, s')} is stored instead and the target is plain DQN's
 * {@code r + γ max Q'_i(o_i(s'))}. Rewards are stored times {@code rewardScale}. Agent {@code i} sees its slice {@code o_i} of the joint
 * observation ({@link JointView}); every agent has its own online and target network and Adam.
 * Updates allocate nothing.
 */
public final class KStepDqn {

    private final KStepConfig c;
    private final int agents;
    private final int width;
    private final int[] actions;
    private final Mlp[] online;
    private final Mlp[] target;
    private final Adam[] adam;
    private final Schedule epsilon;
    private final RandomGenerator random;
    private final Storage physicalStorage;
    private final Storage[] storages;
    private final int domains;
    // workspaces, allocated once
    private final double[] start;
    private final double[] current;
    private final int[] action;
    private final int[] follow;
    private final int[] indices;
    private final int[] taken;
    private final double[] states;
    private final double[] nexts;
    private final double[] targets;
    private final double[] grad;
    private final int[] bootstrap;
    private long updates;
    private long episodes;
    private double lastLoss = Double.NaN;

    /**
     * @param physical the physical environment (its joint view gives the agents and spaces)
     * @param domains  D domains when {@code predictionSteps > 1}; ignored (may be empty) when 1
     */
    public KStepDqn(KStepConfig config, Physical physical, DomainSet domains, long seed) {
        JointView view = physical.environment();
        this.c = config;
        this.agents = view.agents();
        this.width = view.width();
        this.actions = new int[agents];
        int jointWidth = agents * width;
        int k = config.predictionSteps();
        if (k > 1 && domains.size() != config.domains()) {
            throw new IllegalArgumentException("D = " + config.domains() + " domains configured, " + domains.size() + " given");
        }
        this.domains = k > 1 ? config.domains() : 1;
        this.physicalStorage = k > 1 ? null : new Storage(config.bufferSize(), jointWidth, agents);
        this.storages = new Storage[this.domains];
        for (int d = 0; d < this.domains; d++) {
            storages[d] = k > 1 ? domains.storage(d) : physicalStorage;
        }
        int b = config.batchSize();
        this.online = new Mlp[agents];
        this.target = new Mlp[agents];
        this.adam = new Adam[agents];
        int maxActions = 0;
        for (int i = 0; i < agents; i++) {
            actions[i] = view.actions(i);
            maxActions = Math.max(maxActions, actions[i]);
            long agentSeed = Seeds.derive(seed, "agent" + i);
            online[i] = network(config, width, actions[i], b * this.domains, agentSeed);
            target[i] = network(config, width, actions[i], b * this.domains, agentSeed);
            target[i].copyParametersFrom(online[i]);
            adam[i] = Adam.of(online[i], config.learningRate());
        }
        this.epsilon = config.epsilon();
        this.random = Seeds.generator(Seeds.derive(seed, "exploration"));
        this.start = new double[jointWidth];
        this.current = new double[jointWidth];
        this.action = new int[agents];
        this.follow = new int[agents];
        this.indices = new int[b];
        this.taken = new int[b];
        this.states = new double[b * width];
        this.nexts = new double[b * this.domains * width];
        this.targets = new double[b];
        this.grad = new double[b * maxActions];
        this.bootstrap = new int[b * this.domains];
    }

    private static Mlp network(KStepConfig c, int inputs, int outputs, int batch, long seed) {
        Mlp.Builder builder = Mlp.builder(inputs).maxBatch(Math.max(1, batch));
        for (int h : c.hidden()) {
            builder.dense(h, Activation.RELU);
        }
        return builder.dense(outputs, Activation.LINEAR).build(seed);
    }

    /**
     * Plays one physical episode (the first reset with {@code Seeds.derive(seed, "episodes")}, later
     * ones continuing the stream), learning as it goes.
     *
     * @return the episode's return on the physical environment
     */
    public double episode(Physical physical, DomainSet domainSet, long seed) {
        Step<double[]> step = episodes == 0 ? physical.reset(Seeds.derive(seed, "episodes")) : physical.reset();
        episodes++;
        double total = 0;
        while (!step.done()) {
            step = step(physical, domainSet);
            total += step.reward();
        }
        return total;
    }

    /** One physical step: the joint action, the domains' k-step predictions, storage and (every trainEvery) an update. */
    public Step<double[]> step(Physical physical, DomainSet domainSet) {
        System.arraycopy(physical.current().observation(), 0, start, 0, start.length);
        double eps = epsilon.at(physical.steps());
        explore(start, eps, action);
        Step<double[]> p;
        if (physicalStorage == null) {
            domainSet.beginWork();
            for (int d = 0; d < domains; d++) {
                predict(d, physical, domainSet, eps);
            }
            domainSet.endWork();
            p = physical.step(action);
        } else {
            p = physical.step(action);
            physicalStorage.add(start, action, c.rewardScale() * p.reward(), p.observation(), p.terminated() ? 0 : c.gamma());
        }
        if (storages[0].stored() >= c.learningStarts() && physical.steps() % c.trainEvery() == 0) {
            lastLoss = update();
        }
        return p;
    }

    /** Domain d's k-step prediction from (start, action) under the current ε-greedy policies, into its storage. */
    private void predict(int d, Physical physical, DomainSet domainSet, double eps) {
        domainSet.sync(d, physical);
        Step<double[]> s = domainSet.step(d, action);
        double g = c.rewardScale() * s.reward();
        double discount = c.gamma();
        for (int j = 1; j < c.predictionSteps() && !s.done(); j++) {
            System.arraycopy(s.observation(), 0, current, 0, current.length);
            explore(current, eps, follow);
            s = domainSet.step(d, follow);
            g += discount * c.rewardScale() * s.reward();
            discount *= c.gamma();
        }
        storages[d].add(start, action, g, s.observation(), s.terminated() ? 0 : discount);
    }

    private void explore(double[] joint, double eps, int[] out) {
        for (int i = 0; i < agents; i++) {
            out[i] = random.nextDouble() < eps ? random.nextInt(actions[i]) : greedy(i, joint);
        }
    }

    /** @return agent {@code i}'s greedy action for a joint observation (ties: lowest action) */
    public int greedy(int agent, double[] joint) {
        double[] q = online[agent].forward(joint, agent * width, 1);
        return argmax(q, 0, actions[agent]);
    }

    /**
     * The targets of agent {@code agent} for stored transitions {@code idx[0..count−1]}:
     * {@code out[b] = (1/D) Σ_d [G_d + discount_d · Q'(o(s_k^d), a*)]} with {@code a*} the target
     * network's (or, with doubleDqn, the online network's) greedy action.
     */
    public void targets(int agent, int[] idx, int count, double[] out) {
        int n = actions[agent];
        for (int b = 0; b < count; b++) {
            for (int d = 0; d < domains; d++) {
                Storage st = storages[d];
                System.arraycopy(st.nextObservations(), st.observationOffset(idx[b]) + agent * width, nexts, (b * domains + d) * width, width);
            }
        }
        int rows = count * domains;
        if (c.doubleDqn()) {
            double[] qOnline = online[agent].forward(nexts, rows);
            for (int r = 0; r < rows; r++) {
                bootstrap[r] = argmax(qOnline, r * n, n);
            }
        }
        double[] qNext = target[agent].forward(nexts, rows);
        for (int b = 0; b < count; b++) {
            double sum = 0;
            for (int d = 0; d < domains; d++) {
                int r = b * domains + d;
                int a = c.doubleDqn() ? bootstrap[r] : argmax(qNext, r * n, n);
                Storage st = storages[d];
                sum += st.value(idx[b]) + st.discount(idx[b]) * qNext[r * n + a];
            }
            out[b] = sum / domains;
        }
    }

    /** One gradient step of every agent on one replayed batch; returns the mean Huber loss. Needs a non-empty storage. */
    public double update() {
        int b = c.batchSize();
        int size = storages[0].size();
        for (int j = 0; j < b; j++) {
            indices[j] = random.nextInt(size);
        }
        double loss = 0;
        for (int i = 0; i < agents; i++) {
            targets(i, indices, b, targets);
            for (int j = 0; j < b; j++) {
                System.arraycopy(storages[0].observations(), storages[0].observationOffset(indices[j]) + i * width, states, j * width, width);
                taken[j] = storages[0].action(indices[j], i);
            }
            double[] q = online[i].forward(states, b);
            loss += Loss.huberSelected(q, taken, targets, b, actions[i], c.huberDelta(), grad);
            online[i].zeroGradients();
            online[i].backward(grad, b);
            if (c.maxGradNorm() > 0) {
                Gradients.clipGlobalNorm(online[i].gradients(), c.maxGradNorm());
            }
            adam[i].step(online[i].parameters(), online[i].gradients());
        }
        updates++;
        if (updates % c.targetUpdateSteps() == 0) {
            for (int i = 0; i < agents; i++) {
                target[i].copyParametersFrom(online[i]);
            }
        }
        return loss / agents;
    }

    private static int argmax(double[] v, int offset, int n) {
        int best = 0;
        for (int a = 1; a < n; a++) {
            if (v[offset + a] > v[offset + best]) {
                best = a;
            }
        }
        return best;
    }

    /** @return the storage spaces the targets read (the physical one when k = 1) */
    public Storage storage(int d) {
        return storages[d];
    }

    /** @return agent {@code agent}'s target network (for tests and benchmarks) */
    public Mlp targetNetwork(int agent) {
        return target[agent];
    }

    /** @return gradient updates so far */
    public long updates() {
        return updates;
    }

    /** @return the loss of the last update (NaN before the first) */
    public double lastLoss() {
        return lastLoss;
    }

    /** @return the mean return of {@code count} greedy episodes on {@code env}, learning nothing */
    public double evaluate(JointView env, int count, long seed) {
        double sum = 0;
        int[] a = new int[agents];
        double[] joint = new double[agents * width];
        for (int e = 0; e < count; e++) {
            Step<double[]> st = e == 0 ? env.reset(seed) : env.reset();
            while (!st.done()) {
                System.arraycopy(st.observation(), 0, joint, 0, joint.length);
                for (int i = 0; i < agents; i++) {
                    a[i] = greedy(i, joint);
                }
                st = env.step(a);
                sum += st.reward();
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }
}
