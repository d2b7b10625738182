package org.nettwin.rl.dqn.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

import org.nettwin.api.SeededRandom;
import org.nettwin.api.Seeds;
import org.nettwin.api.data.ReplayBuffer;
import org.nettwin.api.env.Environment;
import org.nettwin.api.env.Step;
import org.nettwin.api.io.BinaryFormats;
import org.nettwin.api.io.ChecksummedBody;
import org.nettwin.api.rl.Algorithm;
import org.nettwin.api.rl.Checkpointable;
import org.nettwin.api.rl.LossSurface;
import org.nettwin.api.rl.Policy;
import org.nettwin.api.rl.Resumable;
import org.nettwin.api.rl.Schedule;
import org.nettwin.api.run.EpisodeTracker;
import org.nettwin.api.run.TrainingListener;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.space.Space;
import org.nettwin.nn.Adam;
import org.nettwin.nn.Gradients;
import org.nettwin.nn.Loss;
import org.nettwin.nn.Mlp;

/**
 * Deep Q-learning (Mnih et al. 2015) with experience replay, a target network (hard copies every
 * {@code targetUpdateSteps}, or Polyak averaging with {@code tau > 0}), the double-DQN target
 * (van Hasselt et al. 2016) {@code y = r + gamma (1 - terminated) Q_target(s', argmax_a Q(s', a))},
 * the Huber loss on the taken action, global-norm gradient clipping and Adam. Truncated episodes
 * bootstrap. An update allocates nothing.
 */
final class Dqn implements Algorithm, Checkpointable, Resumable {

    private final DqnConfig s;
    /** {@code s.epsilon()}, built once: it is read every step. */
    private final Schedule epsilon;
    private final DqnPolicy policy;
    private final Mlp online;
    private final Mlp target;
    private final Adam adam;
    private ReplayBuffer replay;
    private final SeededRandom random;
    private final long seed;
    private final EpisodeTracker tracker = new EpisodeTracker();
    private final Space<Object> observations;
    // update workspaces, allocated once
    private final int[] indices;
    private final int[] taken;
    private final double[] states;
    private final double[] nextStates;
    private final double[] targets;
    private final double[] grad;
    private final int[] nextGreedy;
    private final double[] obsFlat;
    private final double[] nextFlat;
    private final double[] actionCode = new double[1];
    private long updates;

    Dqn(DqnPolicy policy, Mlp target, Space<Object> observations, DqnConfig settings, long seed) {
        this.s = settings;
        this.epsilon = settings.epsilon();
        this.policy = policy;
        this.online = policy.q;
        this.target = target;
        this.target.copyParametersFrom(online);
        this.adam = Adam.of(online, settings.learningRate());
        this.observations = observations;
        int width = observations.flatSize();
        this.replay = new ReplayBuffer(settings.bufferSize(), width, 1);
        this.random = Seeds.generator(Seeds.derive(seed, "dqn"));
        this.seed = seed;
        int b = settings.batchSize();
        this.indices = new int[b];
        this.taken = new int[b];
        this.states = new double[b * width];
        this.nextStates = new double[b * width];
        this.targets = new double[b];
        this.grad = new double[b * online.outputSize()];
        this.nextGreedy = new int[b];
        this.obsFlat = new double[width];
        this.nextFlat = new double[width];
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public long learn(Scenario scenario, long steps, TrainingListener listener) {
        if (!(scenario instanceof Scenario.Single single)) {
            throw new IllegalArgumentException("rl/dqn learns single-agent scenarios");
        }
        Environment env = single.environment();
        tracker.begin(steps, listener);
        tracker.abandonEpisode();
        Step<?> step = env.reset(Seeds.derive(seed, "episodes" + tracker.episodes()));
        observations.flatten(step.observation(), obsFlat, 0);
        double lossSum = 0;
        int lossCount = 0;
        while (tracker.running()) {
            policy.epsilon = epsilon.at(tracker.totalSteps());
            int a = policy.explore(step.observation(), random);
            step = env.step(policy.action(a));
            observations.flatten(step.observation(), nextFlat, 0);
            actionCode[0] = a;
            replay.add(obsFlat, actionCode, step.reward(), nextFlat, step.terminated());
            System.arraycopy(nextFlat, 0, obsFlat, 0, obsFlat.length);
            if (replay.size() >= s.learningStarts() && tracker.totalSteps() % s.trainEvery() == 0) {
                if (s.standardizeObservations() && !policy.inputs.fitted()) {
                    fitStandardizer();
                }
                lossSum += update();
                lossCount++;
            }
            if (tracker.step(step.reward(), step.done())) {
                tracker.metric("epsilon", policy.epsilon);
                if (lossCount > 0) {
                    tracker.metric("loss", lossSum / lossCount);
                    lossSum = 0;
                    lossCount = 0;
                }
                step = env.reset();
                observations.flatten(step.observation(), obsFlat, 0);
            }
        }
        return tracker.budgetSteps();
    }

    /** Fits the input standardisation on the observations collected before learning starts, then freezes it. */
    private void fitStandardizer() {
        int width = observations.flatSize();
        double[] sample = new double[replay.size() * width];
        for (int i = 0; i < replay.size(); i++) {
            replay.observation(i, sample, i);
        }
        policy.inputs.fit(sample, replay.size());
    }

    /** One gradient step on a replayed batch; returns the Huber loss. */
    double update() {
        int b = s.batchSize();
        int width = online.outputSize();
        replay.sampleIndices(random, indices);
        for (int i = 0; i < b; i++) {
            replay.observation(indices[i], states, i);
            replay.nextObservation(indices[i], nextStates, i);
            taken[i] = (int) replay.action(indices[i], 0);
        }
        policy.inputs.apply(states, 0, b);
        policy.inputs.apply(nextStates, 0, b);
        double[] qNextTarget = target.forward(nextStates, b);
        if (s.doubleDqn()) {
            // the online network picks the next action, the target network values it
            double[] qNextOnline = online.forward(nextStates, b);
            for (int i = 0; i < b; i++) {
                nextGreedy[i] = argmax(qNextOnline, i * width, width);
            }
        } else {
            for (int i = 0; i < b; i++) {
                nextGreedy[i] = argmax(qNextTarget, i * width, width);
            }
        }
        for (int i = 0; i < b; i++) {
            double bootstrap = replay.terminated(indices[i]) ? 0.0 : s.gamma() * qNextTarget[i * width + nextGreedy[i]];
            targets[i] = replay.reward(indices[i]) + bootstrap;
        }
        double[] q = online.forward(states, b);
        double loss = Loss.huberSelected(q, taken, targets, b, width, s.huberDelta(), grad);
        online.zeroGradients();
        online.backward(grad, b);
        if (s.maxGradNorm() > 0) {
            Gradients.clipGlobalNorm(online.gradients(), s.maxGradNorm());
        }
        adam.step(online.parameters(), online.gradients());
        updates++;
        if (s.tau() > 0) {
            target.softUpdateFrom(online, s.tau());
        } else if (updates % s.targetUpdateSteps() == 0) {
            target.copyParametersFrom(online);
        }
        return loss;
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

    @Override
    public void saveCheckpoint(OutputStream out) throws IOException {
        DqnCheckpoint.write(new DqnCheckpoint(online, target, adam, policy.inputs, updates, tracker.totalSteps(), tracker.episodes()),
                observations.describe() + " -> " + policy.actionSpace().describe(), out);
    }

    @Override
    public void loadCheckpoint(InputStream in) throws IOException {
        apply(readCheckpoint(in));
    }

    private DqnCheckpoint readCheckpoint(InputStream in) throws IOException {
        return DqnCheckpoint.read(in, observations.describe() + " -> " + policy.actionSpace().describe(), online, adam, observations.flatSize());
    }

    private void apply(DqnCheckpoint c) {
        online.copyParametersFrom(c.online());
        target.copyParametersFrom(c.target());
        adam.copyStateFrom(c.adam());
        policy.inputs.copyFrom(c.inputs());
        updates = c.updates();
        tracker.restore(c.totalSteps(), c.episodes());
    }

    /**
     * Format ({@link BinaryFormats#DQN_STATE}, in a {@link ChecksummedBody}): {@code int} length and
     * that many bytes of the checkpoint ({@link #saveCheckpoint}: networks, Adam, standardiser,
     * counters), {@code long} the state of the random stream (exploration and minibatches), then the
     * replay buffer ({@link ReplayBuffer#write}). Every {@code learn} call starts an episode with a
     * reset seeded from the episode count, so nothing of the environment is needed.
     */
    @Override
    public void saveState(OutputStream out) throws IOException {
        ChecksummedBody.write(BinaryFormats.DQN_STATE, out, body -> {
            ChecksummedBody.writeBlock(body, this::saveCheckpoint);
            body.writeLong(random.state());
            replay.write(body);
        });
    }

    @Override
    public void loadState(InputStream in) throws IOException {
        ChecksummedBody.load(BinaryFormats.DQN_STATE, in, state -> {
            DqnCheckpoint c = readCheckpoint(state.readBlock("checkpoint"));
            long randomState = state.data().readLong();
            ReplayBuffer r = ReplayBuffer.read(state.data(), replay.capacity(), replay.observationSize(), replay.actionSize());
            return () -> {
                apply(c);
                random.setState(randomState);
                replay = r;
            };
        });
    }

    /** {@link LossSurface}: the Huber TD loss of the network {@code q} (see {@link DqnLossSurface}). */
    @Override
    public <C> Optional<C> capability(Class<C> type) {
        if (type == LossSurface.class) {
            return Optional.of(type.cast(new DqnLossSurface(policy, target, observations, s)));
        }
        return Algorithm.super.capability(type);
    }

    @Override
    public Policy<?, ?> policy(int agent) {
        if (agent != 0) {
            throw new IndexOutOfBoundsException("rl/dqn has one agent, asked for " + agent);
        }
        return policy;
    }
}
