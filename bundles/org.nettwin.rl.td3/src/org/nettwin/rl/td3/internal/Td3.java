package org.nettwin.rl.td3.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

import org.nettwin.api.Seeds;
import org.nettwin.api.data.ReplayBuffer;
import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.env.Environment;
import org.nettwin.api.env.MultiAgentEnvironment;
import org.nettwin.api.env.MultiStep;
import org.nettwin.api.env.Step;
import org.nettwin.api.io.BinaryFormats;
import org.nettwin.api.io.ChecksummedBody;
import org.nettwin.api.rl.Algorithm;
import org.nettwin.api.rl.Checkpointable;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.rl.LossSurface;
import org.nettwin.api.rl.OfflineLearner;
import org.nettwin.api.rl.Policy;
import org.nettwin.api.rl.Resumable;
import org.nettwin.api.run.EpisodeTracker;
import org.nettwin.api.run.TrainingListener;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.space.Space;
import org.nettwin.nn.Mlp;

/**
 * TD3 for one agent or, on a parallel multi-agent scenario, one independent TD3 learner per agent
 * (paper 004 trains a TD3 agent per cell): same settings, seeds derived per agent, episode reward
 * = mean over agents. Each environment step stores one transition per agent and, after the
 * uniform-random warm-up, makes one update per agent every {@code trainEvery} steps. Offline
 * (single agent) it is TD3+BC or naive TD3 on a dataset alone.
 */
final class Td3 implements Algorithm, Checkpointable, Resumable, OfflineLearner, LossSurface {

    private final EnvironmentSpec spec;
    private final Td3Config s;
    private final Td3Learner[] learners;
    private final long seed;
    private final EpisodeTracker tracker = new EpisodeTracker();
    /** Steps and episodes over every learn call, as a checkpoint hands them over (the tracker keeps what this algorithm reported). */
    private long steps;
    private long episodes;
    private final double[][] state;
    private final double[][] next;
    private final double[][] normalisedAction;
    private final double[][] envAction;
    private final List<double[]> envActions;
    private ReplayBuffer offlineData;
    private TransitionDataset offlineSource;

    Td3(EnvironmentSpec spec, Td3Config settings, Td3Learner[] learners, long seed) {
        this.spec = spec;
        this.s = settings;
        this.learners = learners;
        this.seed = seed;
        int n = learners.length;
        this.state = new double[n][];
        this.next = new double[n][];
        this.normalisedAction = new double[n][];
        this.envAction = new double[n][];
        for (int i = 0; i < n; i++) {
            state[i] = new double[learners[i].obs];
            next[i] = new double[learners[i].obs];
            normalisedAction[i] = new double[learners[i].act];
            envAction[i] = new double[learners[i].act];
        }
        this.envActions = Arrays.asList(envAction);
    }

    @Override
    public long learn(Scenario scenario, long budget, TrainingListener listener) {
        EnvironmentSpec given = EnvironmentSpec.of(scenario);
        if (given.multiAgent() != spec.multiAgent() || !describe(given).equals(describe(spec))) {
            throw new IllegalArgumentException("rl/td3 was created for " + describe(spec) + ", not " + describe(given));
        }
        tracker.begin(budget, listener);
        tracker.abandonEpisode();
        return switch (scenario) {
            case Scenario.Single single -> learnSingle(single.environment());
            case Scenario.Multi multi -> learnMulti(multi.environment());
        };
    }

    private long episodeSeed() {
        return Seeds.derive(Seeds.derive(seed, "td3/episodes"), episodes);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private long learnSingle(Environment environment) {
        Environment<Object, double[]> env = environment;
        Td3Learner l = learners[0];
        Step<Object> step = env.reset(episodeSeed());
        l.policy.scaling.encode(step.observation(), state[0], 0);
        Metrics m = new Metrics();
        while (tracker.running()) {
            chooseAction(0, step.observation());
            step = env.step(envAction[0]);
            l.policy.scaling.encode(step.observation(), next[0], 0);
            l.replay.add(state[0], normalisedAction[0], step.reward(), next[0], step.terminated());
            System.arraycopy(next[0], 0, state[0], 0, state[0].length);
            steps++;
            if (steps > s.warmupSteps() && l.replay.size() >= s.batchSize() && steps % s.trainEvery() == 0) {
                m.add(l);
            }
            if (tracker.step(step.reward(), step.done())) {
                episodes++;
                m.report();
                step = env.reset();
                l.policy.scaling.encode(step.observation(), state[0], 0);
            }
        }
        return tracker.budgetSteps();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private long learnMulti(MultiAgentEnvironment environment) {
        MultiAgentEnvironment<Object, double[]> env = environment;
        int n = learners.length;
        MultiStep<Object> step = env.reset(episodeSeed());
        for (int i = 0; i < n; i++) {
            learners[i].policy.scaling.encode(step.observation(i), state[i], 0);
        }
        Metrics m = new Metrics();
        while (tracker.running()) {
            for (int i = 0; i < n; i++) {
                chooseAction(i, step.observation(i));
            }
            step = env.step(envActions);
            steps++;
            boolean train = steps > s.warmupSteps() && steps % s.trainEvery() == 0;
            for (int i = 0; i < n; i++) {
                Td3Learner l = learners[i];
                l.policy.scaling.encode(step.observation(i), next[i], 0);
                l.replay.add(state[i], normalisedAction[i], step.reward(i), next[i], step.terminated(i));
                System.arraycopy(next[i], 0, state[i], 0, state[i].length);
                if (train && l.replay.size() >= s.batchSize()) {
                    m.add(l);
                }
            }
            if (tracker.step(step.meanReward(), step.allDone())) {
                episodes++;
                m.report();
                step = env.reset();
                for (int i = 0; i < n; i++) {
                    learners[i].policy.scaling.encode(step.observation(i), state[i], 0);
                }
            }
        }
        return tracker.budgetSteps();
    }

    /** Uniform random during the warm-up, then π(s) plus exploration noise; fills both action buffers of agent {@code i}. */
    private void chooseAction(int i, Object observation) {
        Td3Learner l = learners[i];
        if (steps < s.warmupSteps()) {
            l.head.uniform(l.random, normalisedAction[i]);
        } else {
            l.policy.exploreNormalised(observation, l.random, normalisedAction[i]);
        }
        l.head.toEnvironment(normalisedAction[i], 0, envAction[i]);
    }

    /** Update metrics (mean over updates and agents) reported at each episode end. */
    private final class Metrics {
        double criticLoss;
        long criticCount;
        double actorQ;
        long actorCount;

        void add(Td3Learner l) {
            l.update(Td3Learner.ActorLoss.TD3);
            criticLoss += l.criticLoss;
            criticCount++;
            if (l.actorUpdated) {
                actorQ += l.actorObjective;
                actorCount++;
            }
        }

        void report() {
            if (criticCount > 0) {
                tracker.metric("critic_loss", criticLoss / criticCount);
            }
            if (actorCount > 0) {
                tracker.metric("actor_q", actorQ / actorCount);
            }
            criticLoss = 0;
            criticCount = 0;
            actorQ = 0;
            actorCount = 0;
        }
    }

    @Override
    public Policy<?, ?> policy(int agent) {
        if (agent < 0 || agent >= learners.length) {
            throw new IndexOutOfBoundsException("rl/td3 has " + learners.length + " agent(s), asked for " + agent);
        }
        return learners[agent].policy;
    }

    /** @return agent {@code i}'s learner (tests, benchmarks) */
    Td3Learner learner(int i) {
        return learners[i];
    }

    /** @return environment steps over every learn call */
    long steps() {
        return steps;
    }

    private static String describe(EnvironmentSpec spec) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < spec.agents().size(); i++) {
            b.append(i == 0 ? "" : ", ").append(spec.observationSpaces().get(i).describe()).append(" -> ")
                    .append(spec.actionSpaces().get(i).describe());
        }
        return b.toString();
    }

    // --- offline RL --------------------------------------------------------------------------

    @Override
    public long learnOffline(TransitionDataset data, long updates, TrainingListener listener) {
        Td3Learner l = singleLearner("learn offline");
        ReplayBuffer buffer = replayOf(data);
        Td3Learner.ActorLoss loss = s.offlineBc() ? Td3Learner.ActorLoss.TD3_BC : Td3Learner.ActorLoss.TD3;
        double criticLoss = 0;
        double actorQ = 0;
        int criticCount = 0;
        int actorCount = 0;
        long done = 0;
        while (done < updates && !listener.isCancelled()) {
            l.update(buffer, loss);
            done++;
            criticLoss += l.criticLoss;
            criticCount++;
            if (l.actorUpdated) {
                actorQ += l.actorObjective;
                actorCount++;
            }
            if (done % 1000 == 0 || done == updates) {
                listener.onMetric(done, "critic_loss", criticLoss / criticCount);
                if (actorCount > 0) {
                    listener.onMetric(done, "actor_q", actorQ / actorCount);
                }
                listener.onProgress(done, updates);
                criticLoss = 0;
                actorQ = 0;
                criticCount = 0;
                actorCount = 0;
            }
        }
        return done;
    }

    private Td3Learner singleLearner(String what) {
        if (learners.length != 1) {
            throw new IllegalArgumentException("rl/td3 can " + what + " only as a single agent, this one has " + learners.length + " agents");
        }
        return learners[0];
    }

    /** The dataset in the networks' units (normalised observations and actions), cached for repeated calls on the same dataset. */
    @SuppressWarnings("unchecked")
    private ReplayBuffer replayOf(TransitionDataset data) {
        if (data == offlineSource && offlineData != null && offlineData.size() == data.size()) {
            return offlineData;
        }
        Td3Learner l = singleLearner("read a dataset");
        Space<Object> obsSpace = (Space<Object>) spec.observationSpace();
        Space<Object> actSpace = (Space<Object>) spec.actionSpace();
        if (data.size() == 0) {
            throw new IllegalArgumentException("the dataset is empty");
        }
        if (data.observationSize() != obsSpace.encodedSize() || data.actionSize() != actSpace.encodedSize()) {
            throw new IllegalArgumentException("the dataset holds observations of " + data.observationSize() + " and actions of "
                    + data.actionSize() + " values; " + obsSpace.describe() + " -> " + actSpace.describe() + " needs "
                    + obsSpace.encodedSize() + " and " + actSpace.encodedSize());
        }
        ReplayBuffer buffer = new ReplayBuffer(data.size(), l.obs, l.act);
        double[] rawObs = new double[data.observationSize()];
        double[] rawAct = new double[data.actionSize()];
        double[] o = new double[l.obs];
        double[] o2 = new double[l.obs];
        double[] a = new double[l.act];
        for (int i = 0; i < data.size(); i++) {
            data.observation(i, rawObs, 0);
            l.policy.scaling.encode(obsSpace.decode(rawObs, 0), o, 0);
            data.nextObservation(i, rawObs, 0);
            l.policy.scaling.encode(obsSpace.decode(rawObs, 0), o2, 0);
            data.action(i, rawAct, 0);
            l.head.fromEnvironment(rawAct, 0, a, 0);
            buffer.add(o, a, data.reward(i), o2, data.terminated(i));
        }
        offlineSource = data;
        offlineData = buffer;
        return buffer;
    }

    // --- loss surfaces -----------------------------------------------------------------------

    @Override
    public List<String> networks() {
        return List.of("critic1", "actor");
    }

    private Mlp network(String name) {
        Td3Learner l = singleLearner("offer loss surfaces");
        return switch (name) {
            case "critic1" -> l.critic1;
            case "actor" -> l.actor;
            default -> throw new IllegalArgumentException("rl/td3 offers the networks " + networks() + ", not '" + name + "'");
        };
    }

    @Override
    public double[] parameters(String name) {
        return network(name).parameters().clone();
    }

    /** Filters: the incoming weights of each dense unit, numbered over all layers; biases -1. */
    @Override
    public int[] filters(String name) {
        return network(name).filters();
    }

    @Override
    public double loss(String name, double[] parameters, TransitionDataset data) {
        Mlp m = network(name);
        if (parameters.length != m.parameterCount()) {
            throw new IllegalArgumentException(name + " has " + m.parameterCount() + " parameters, got " + parameters.length);
        }
        ReplayBuffer buffer = replayOf(data);
        double[] trained = m.parameters().clone();
        try {
            m.setParameters(parameters);
            Td3Learner l = learners[0];
            return name.equals("actor") ? l.actorLoss(buffer) : l.criticTdLoss(buffer);
        } finally {
            m.setParameters(trained);
        }
    }

    // --- checkpoints -------------------------------------------------------------------------

    /**
     * Format ({@link BinaryFormats#TD3_CHECKPOINT}): {@code int} magic "NTTC", {@code int} version
     * 1, {@code int} body length N, N bytes of body, {@code long} CRC-32 of the body. Body: UTF "rl/td3", {@code int} agents, per agent
     * the UTF observation and action space descriptions, {@code long} environment steps,
     * {@code long} episodes, then per agent {@code long} updates, {@code long} random-stream state
     * and six networks in {@code NetworkFormat}: actor, critic 1, critic 2 (each with its Adam
     * moments and step count), then the target actor and target critics.
     */
    @Override
    public void saveCheckpoint(OutputStream out) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream b = new DataOutputStream(body);
        b.writeUTF(Td3Provider.ID);
        b.writeInt(learners.length);
        for (int i = 0; i < learners.length; i++) {
            b.writeUTF(spec.observationSpaces().get(i).describe());
            b.writeUTF(spec.actionSpaces().get(i).describe());
        }
        b.writeLong(steps);
        b.writeLong(episodes);
        for (Td3Learner l : learners) {
            l.write(b);
        }
        b.flush();
        byte[] bytes = body.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(bytes);
        DataOutputStream d = new DataOutputStream(out);
        BinaryFormats.TD3_CHECKPOINT.writeHead(d);
        d.writeInt(bytes.length);
        d.write(bytes);
        d.writeLong(crc.getValue());
        d.flush();
    }

    @Override
    public void loadCheckpoint(InputStream in) throws IOException {
        readCheckpoint(in).run();
    }

    /** Reads and checks a checkpoint; the returned action applies it and cannot fail. */
    private Runnable readCheckpoint(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        byte[] bytes;
        try {
            BinaryFormats.TD3_CHECKPOINT.readHead(d);
            int length = d.readInt();
            if (length < 0) {
                throw new IOException("corrupt rl/td3 checkpoint: body length " + length);
            }
            bytes = d.readNBytes(length);
            if (bytes.length != length) {
                throw new IOException("rl/td3 checkpoint is truncated: header announces " + length + " bytes, found " + bytes.length);
            }
            CRC32 crc = new CRC32();
            crc.update(bytes);
            long stored = d.readLong();
            if (stored != crc.getValue()) {
                throw new IOException("corrupt rl/td3 checkpoint: CRC-32 mismatch (stored " + stored + ", computed " + crc.getValue() + ")");
            }
        } catch (EOFException e) {
            throw new IOException("rl/td3 checkpoint is truncated", e);
        }
        DataInputStream b = new DataInputStream(new ByteArrayInputStream(bytes));
        try {
            String id = b.readUTF();
            if (!id.equals(Td3Provider.ID)) {
                throw new IOException("checkpoint of " + id + ", not " + Td3Provider.ID);
            }
            int agents = b.readInt();
            if (agents != learners.length) {
                throw new IOException("rl/td3 checkpoint has " + agents + " agent(s), this algorithm " + learners.length);
            }
            for (int i = 0; i < agents; i++) {
                String obs = b.readUTF();
                String act = b.readUTF();
                String mine = spec.observationSpaces().get(i).describe() + " -> " + spec.actionSpaces().get(i).describe();
                if (!(obs + " -> " + act).equals(mine)) {
                    throw new IOException("rl/td3 checkpoint's agent " + i + " acts in " + obs + " -> " + act + ", this one in " + mine);
                }
            }
            long savedSteps = b.readLong();
            long savedEpisodes = b.readLong();
            Td3Learner.Loaded[] loaded = new Td3Learner.Loaded[agents];
            for (int i = 0; i < agents; i++) {
                loaded[i] = learners[i].read(b);
            }
            // everything is read and checked: only the caller replaces the state
            return () -> {
                for (Td3Learner.Loaded l : loaded) {
                    l.apply();
                }
                steps = savedSteps;
                episodes = savedEpisodes;
            };
        } catch (EOFException e) {
            throw new IOException("rl/td3 checkpoint body is truncated", e);
        }
    }

    // --- resumable state ---------------------------------------------------------------------

    /**
     * Format ({@link BinaryFormats#TD3_STATE}, in a {@link ChecksummedBody}): {@code int} length and
     * that many bytes of the checkpoint ({@link #saveCheckpoint}: networks, Adam, every agent's
     * random stream and update count, steps and episodes), {@code long} environment steps and
     * {@code long} episodes reported over every {@code learn} call, then every agent's replay
     * buffer ({@link ReplayBuffer#write}). Every {@code learn} call starts an episode with a reset
     * seeded from the episode count, so nothing of the environment is needed; an offline dataset is
     * the caller's and is not saved.
     */
    @Override
    public void saveState(OutputStream out) throws IOException {
        ChecksummedBody.write(BinaryFormats.TD3_STATE, out, body -> {
            ChecksummedBody.writeBlock(body, this::saveCheckpoint);
            body.writeLong(tracker.totalSteps());
            body.writeLong(tracker.episodes());
            for (Td3Learner l : learners) {
                l.replay.write(body);
            }
        });
    }

    @Override
    public void loadState(InputStream in) throws IOException {
        ChecksummedBody.load(BinaryFormats.TD3_STATE, in, state -> {
            Runnable checkpoint = readCheckpoint(state.readBlock("checkpoint"));
            DataInputStream body = state.data();
            long reportedSteps = body.readLong();
            long reportedEpisodes = body.readLong();
            if (reportedSteps < 0 || reportedEpisodes < 0) {
                throw state.corrupt("negative counters " + reportedSteps + ", " + reportedEpisodes);
            }
            ReplayBuffer[] replays = new ReplayBuffer[learners.length];
            for (int i = 0; i < learners.length; i++) {
                ReplayBuffer r = learners[i].replay;
                replays[i] = ReplayBuffer.read(body, r.capacity(), r.observationSize(), r.actionSize());
            }
            return () -> {
                checkpoint.run();
                tracker.restore(reportedSteps, reportedEpisodes);
                for (int i = 0; i < learners.length; i++) {
                    learners[i].replay = replays[i];
                }
            };
        });
    }
}
