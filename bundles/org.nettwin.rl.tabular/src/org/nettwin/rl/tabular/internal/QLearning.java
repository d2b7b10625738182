package org.nettwin.rl.tabular.internal;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.nettwin.api.SeededRandom;
import org.nettwin.api.Seeds;
import org.nettwin.api.env.Environment;
import org.nettwin.api.env.MultiAgentEnvironment;
import org.nettwin.api.env.MultiStep;
import org.nettwin.api.env.Step;
import org.nettwin.api.io.BinaryFormats;
import org.nettwin.api.io.ChecksummedBody;
import org.nettwin.api.rl.Algorithm;
import org.nettwin.api.rl.Policy;
import org.nettwin.api.rl.Resumable;
import org.nettwin.api.rl.Schedule;
import org.nettwin.api.run.EpisodeTracker;
import org.nettwin.api.run.TrainingListener;
import org.nettwin.api.scenario.Scenario;

/**
 * Watkins' Q-learning with epsilon-greedy exploration:
 * {@code Q(s,a) <- Q(s,a) + alpha [r + gamma * max_a' Q(s',a') * (1 - terminated) - Q(s,a)]}.
 * Truncated episodes still bootstrap (a time limit is not a terminal state). In parallel
 * multi-agent environments every agent learns its own table from its own reward (independent
 * Q-learning).
 */
final class QLearning implements Algorithm, Resumable {

    private final List<QPolicy> policies;
    private final double alpha;
    private final double gamma;
    private final Schedule epsilon;
    private final SeededRandom random;
    private final long seed;
    private final EpisodeTracker tracker = new EpisodeTracker();

    QLearning(List<QPolicy> policies, double alpha, double gamma, Schedule epsilon, long seed) {
        this.policies = policies;
        this.alpha = alpha;
        this.gamma = gamma;
        this.epsilon = epsilon;
        this.seed = seed;
        this.random = Seeds.generator(Seeds.derive(seed, "exploration"));
    }

    @Override
    public long learn(Scenario scenario, long steps, TrainingListener listener) {
        tracker.begin(steps, listener);
        tracker.abandonEpisode();
        switch (scenario) {
            case Scenario.Single s -> learnSingle(s.environment());
            case Scenario.Multi m -> learnMulti(m.environment());
        }
        return tracker.budgetSteps();
    }

    private void setEpsilon() {
        double e = epsilon.at(tracker.totalSteps());
        for (QPolicy p : policies) {
            p.epsilon = e;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void learnSingle(Environment<?, ?> environment) {
        Environment env = environment;
        QPolicy policy = policies.get(0);
        QTable table = policy.table;
        Step<?> step = env.reset(Seeds.derive(seed, "episodes" + tracker.episodes()));
        int s = policy.state(step.observation());
        while (tracker.running()) {
            setEpsilon();
            int a = policy.explore(s, random);
            step = env.step(policy.action(a));
            int next = policy.state(step.observation());
            double target = step.reward() + (step.terminated() ? 0.0 : gamma * table.max(next));
            table.update(s, a, target, alpha);
            s = next;
            if (tracker.step(step.reward(), step.done())) {
                tracker.metric("epsilon", policy.epsilon);
                step = env.reset();
                s = policy.state(step.observation());
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void learnMulti(MultiAgentEnvironment<?, ?> environment) {
        MultiAgentEnvironment env = environment;
        int agents = policies.size();
        int[] s = new int[agents];
        int[] a = new int[agents];
        List<Object> actions = new ArrayList<>(Collections.nCopies(agents, null));
        MultiStep<?> step = env.reset(Seeds.derive(seed, "episodes" + tracker.episodes()));
        for (int i = 0; i < agents; i++) {
            s[i] = policies.get(i).state(step.observation(i));
        }
        while (tracker.running()) {
            setEpsilon();
            for (int i = 0; i < agents; i++) {
                a[i] = policies.get(i).explore(s[i], random);
                actions.set(i, policies.get(i).action(a[i]));
            }
            step = env.step(actions);
            for (int i = 0; i < agents; i++) {
                QPolicy p = policies.get(i);
                int next = p.state(step.observation(i));
                double target = step.reward(i) + (step.terminated(i) ? 0.0 : gamma * p.table.max(next));
                p.table.update(s[i], a[i], target, alpha);
                s[i] = next;
            }
            if (tracker.step(step.meanReward(), step.allDone())) {
                tracker.metric("epsilon", policies.get(0).epsilon);
                step = env.reset();
                for (int i = 0; i < agents; i++) {
                    s[i] = policies.get(i).state(step.observation(i));
                }
            }
        }
    }

    @Override
    public Policy<?, ?> policy(int agent) {
        return policies.get(agent);
    }

    /**
     * Format ({@link BinaryFormats#Q_LEARNING_STATE}, in a {@link ChecksummedBody}): {@code int}
     * agents; per agent the UTF observation and action space descriptions, {@code int} rows,
     * {@code int} actions and the Q values (row-major {@code double}s); then {@code long} the state of
     * the exploration stream, {@code long} environment steps and {@code long} episodes over every
     * {@code learn} call (ε follows from the steps; every call starts an episode with a reset seeded
     * from the episode count, so nothing of the environment is needed).
     */
    @Override
    public void saveState(OutputStream out) throws IOException {
        ChecksummedBody.write(BinaryFormats.Q_LEARNING_STATE, out, body -> {
            body.writeInt(policies.size());
            for (QPolicy p : policies) {
                body.writeUTF(p.observationSpace().describe());
                body.writeUTF(p.actionSpace().describe());
                body.writeInt(p.table.states);
                body.writeInt(p.table.actions);
                for (double q : p.table.q) {
                    body.writeDouble(q);
                }
            }
            body.writeLong(random.state());
            body.writeLong(tracker.totalSteps());
            body.writeLong(tracker.episodes());
        });
    }

    @Override
    public void loadState(InputStream in) throws IOException {
        ChecksummedBody.load(BinaryFormats.Q_LEARNING_STATE, in, state -> {
            DataInputStream body = state.data();
            int agents = body.readInt();
            if (agents != policies.size()) {
                throw new IOException("the rl/q-learning state is of " + agents + " agent(s), this algorithm has " + policies.size());
            }
            double[][] tables = new double[agents][];
            for (int i = 0; i < agents; i++) {
                QPolicy p = policies.get(i);
                String saved = body.readUTF() + " -> " + body.readUTF();
                String mine = p.observationSpace().describe() + " -> " + p.actionSpace().describe();
                if (!saved.equals(mine)) {
                    throw new IOException("the rl/q-learning state's agent " + i + " learned " + saved + ", this one learns " + mine);
                }
                int rows = body.readInt();
                int actions = body.readInt();
                if (rows != p.table.states || actions != p.table.actions) {
                    throw new IOException("the rl/q-learning state's agent " + i + " has a table of " + rows + "x" + actions + ", this one "
                            + p.table.states + "x" + p.table.actions + " (another bins setting?)");
                }
                tables[i] = new double[p.table.q.length];
                for (int k = 0; k < tables[i].length; k++) {
                    tables[i][k] = body.readDouble();
                }
            }
            long randomState = body.readLong();
            long steps = body.readLong();
            long episodes = body.readLong();
            if (steps < 0 || episodes < 0) {
                throw state.corrupt("negative counters " + steps + ", " + episodes);
            }
            return () -> {
                for (int i = 0; i < agents; i++) {
                    System.arraycopy(tables[i], 0, policies.get(i).table.q, 0, tables[i].length);
                }
                random.setState(randomState);
                tracker.restore(steps, episodes);
            };
        });
    }
}
