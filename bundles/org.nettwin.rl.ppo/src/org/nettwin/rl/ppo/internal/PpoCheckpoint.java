package org.nettwin.rl.ppo.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.CRC32;

import org.nettwin.api.io.BinaryFormats;
import org.nettwin.api.rl.Checkpointable;
import org.nettwin.nn.Adam;
import org.nettwin.nn.Mlp;
import org.nettwin.nn.NetworkFormat;
import org.nettwin.nn.Optimizer;

/**
 * The {@link Checkpointable} capability of {@link Ppo}. Format (big-endian,
 * {@link BinaryFormats#PPO_CHECKPOINT}): {@code int} magic
 * "NTPC", {@code int} version 1, {@code int} body length N, N body bytes, {@code int} CRC-32 of
 * the body. Body: {@code int} agents and per agent the UTF observation and action space
 * descriptions; {@code u8} flags (bit 0 parameter sharing, bit 1 agent-id input, bit 2
 * centralised critic, as the team uses them); {@code i64} environment steps, {@code i64} episodes,
 * {@code i64} updates, {@code i64} random-stream state; {@code int} groups and per group: the actor
 * with its Adam state and the critic with its Adam state, each as {@code int} length and a file in
 * {@code org.nettwin.nn}'s {@link NetworkFormat}, then {@code int} n, n {@code f64} log-stds, n {@code f64} first and n
 * {@code f64} second Adam moments of the log-stds (their step count is the actor's).
 * The rollout in progress is experience and is not saved.
 */
final class PpoCheckpoint implements Checkpointable {

    private static final int MAX_BODY = 1 << 30;

    private final Ppo ppo;

    PpoCheckpoint(Ppo ppo) {
        this.ppo = ppo;
    }

    private int flags() {
        PpoConfig s = ppo.s;
        return (s.parameterSharing() ? 1 : 0) | (s.agentIdInput() ? 2 : 0) | (s.centralisedCritic() ? 4 : 0);
    }

    @Override
    public void saveCheckpoint(OutputStream out) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream body = new DataOutputStream(bytes);
        int agents = ppo.spec.agents().size();
        body.writeInt(agents);
        for (int i = 0; i < agents; i++) {
            body.writeUTF(ppo.spec.observationSpaces().get(i).describe());
            body.writeUTF(ppo.spec.actionSpaces().get(i).describe());
        }
        body.writeByte(flags());
        body.writeLong(ppo.tracker.totalSteps());
        body.writeLong(ppo.tracker.episodes());
        body.writeLong(ppo.updates);
        body.writeLong(ppo.random.state());
        body.writeInt(ppo.groups.length);
        for (PpoGroup g : ppo.groups) {
            writeNetwork(body, NetworkFormat.toBytes(g.actor, g.actorAdam));
            writeNetwork(body, NetworkFormat.toBytes(g.critic, g.criticAdam));
            body.writeInt(g.logStd.length);
            for (double[] column : new double[][] {g.logStd, g.logStdAdam.firstMoments(), g.logStdAdam.secondMoments()}) {
                for (double x : column) {
                    body.writeDouble(x);
                }
            }
        }
        body.flush();
        byte[] b = bytes.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(b);
        DataOutputStream d = new DataOutputStream(out);
        BinaryFormats.PPO_CHECKPOINT.writeHead(d);
        d.writeInt(b.length);
        d.write(b);
        d.writeInt((int) crc.getValue());
        d.flush();
    }

    private static void writeNetwork(DataOutputStream body, byte[] network) throws IOException {
        body.writeInt(network.length);
        body.write(network);
    }

    private static NetworkFormat.Saved readNetwork(DataInputStream body) throws IOException {
        int length = body.readInt();
        if (length < 0 || length > body.available()) {
            throw new IOException("corrupt rl/ppo checkpoint: network of " + length + " bytes, " + body.available() + " left");
        }
        byte[] network = new byte[length];
        body.readFully(network);
        return NetworkFormat.read(new ByteArrayInputStream(network));
    }

    /** What a checkpoint holds for one group, read and checked before anything is replaced. */
    private record GroupState(Mlp actor, Adam actorAdam, Mlp critic, Adam criticAdam, double[] logStd, double[] first, double[] second) {
    }

    @Override
    public void loadCheckpoint(InputStream in) throws IOException {
        read(in).run();
    }

    /** Reads and checks a checkpoint, changing nothing; the returned action applies it and cannot fail. */
    Runnable read(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        byte[] b;
        try {
            BinaryFormats.PPO_CHECKPOINT.readHead(d);
            int length = d.readInt();
            if (length < 0 || length > MAX_BODY) {
                throw new IOException("corrupt rl/ppo checkpoint: body length " + length);
            }
            b = new byte[length];
            d.readFully(b);
            int stored = d.readInt();
            CRC32 crc = new CRC32();
            crc.update(b);
            if (stored != (int) crc.getValue()) {
                throw new IOException("corrupt rl/ppo checkpoint: CRC-32 mismatch (stored " + Integer.toHexString(stored) + ", computed "
                        + Long.toHexString(crc.getValue()) + ")");
            }
        } catch (EOFException e) {
            throw new IOException("rl/ppo checkpoint is truncated", e);
        }
        ByteArrayInputStream bytes = new ByteArrayInputStream(b);
        DataInputStream body = new DataInputStream(bytes);
        try {
            int agents = body.readInt();
            int expected = ppo.spec.agents().size();
            if (agents != expected) {
                throw new IOException("checkpoint is of " + agents + " agents, this rl/ppo has " + expected);
            }
            for (int i = 0; i < agents; i++) {
                String obs = body.readUTF();
                String act = body.readUTF();
                String myObs = ppo.spec.observationSpaces().get(i).describe();
                String myAct = ppo.spec.actionSpaces().get(i).describe();
                if (!obs.equals(myObs) || !act.equals(myAct)) {
                    throw new IOException("checkpoint agent " + i + " has spaces " + obs + " -> " + act + ", this rl/ppo " + myObs + " -> " + myAct);
                }
            }
            int flags = body.readUnsignedByte();
            if (flags != flags()) {
                throw new IOException("checkpoint team layout (sharing/agent id/centralised critic flags " + flags + ") differs from this rl/ppo's ("
                        + flags() + ")");
            }
            long steps = body.readLong();
            long episodes = body.readLong();
            long updates = body.readLong();
            long randomState = body.readLong();
            int groups = body.readInt();
            if (groups != ppo.groups.length || steps < 0 || episodes < 0 || updates < 0) {
                throw new IOException("checkpoint holds " + groups + " network groups, this rl/ppo " + ppo.groups.length);
            }
            GroupState[] states = new GroupState[groups];
            for (int g = 0; g < groups; g++) {
                states[g] = readGroup(body, ppo.groups[g]);
            }
            if (bytes.available() != 0) {
                throw new IOException("corrupt rl/ppo checkpoint: " + bytes.available() + " bytes after the last group");
            }
            return () -> {
                for (int g = 0; g < groups; g++) {
                    apply(states[g], ppo.groups[g]);
                }
                ppo.tracker.restore(steps, episodes);
                ppo.updates = updates;
                ppo.random.setState(randomState);
                ppo.rolloutLength = 0;
                ppo.lastRolloutLength = 0;
            };
        } catch (EOFException e) {
            throw new IOException("rl/ppo checkpoint body is truncated", e);
        }
    }

    private static GroupState readGroup(DataInputStream body, PpoGroup g) throws IOException {
        NetworkFormat.Saved actor = readNetwork(body);
        NetworkFormat.Saved critic = readNetwork(body);
        Mlp a = actor.network(Mlp.class);
        Mlp c = critic.network(Mlp.class);
        if (!a.architecture().equals(g.actor.architecture()) || !c.architecture().equals(g.critic.architecture())) {
            throw new IOException("checkpoint networks " + a.architecture() + " / " + c.architecture() + " differ from this rl/ppo's "
                    + g.actor.architecture() + " / " + g.critic.architecture());
        }
        Adam actorAdam = adam(actor, "actor");
        Adam criticAdam = adam(critic, "critic");
        int n = body.readInt();
        if (n != g.logStd.length) {
            throw new IOException("checkpoint has " + n + " log-stds, this rl/ppo " + g.logStd.length);
        }
        double[][] columns = new double[3][n];
        for (double[] column : columns) {
            for (int i = 0; i < n; i++) {
                column[i] = body.readDouble();
            }
        }
        return new GroupState(a, actorAdam, c, criticAdam, columns[0], columns[1], columns[2]);
    }

    private static Adam adam(NetworkFormat.Saved saved, String what) throws IOException {
        Optimizer o = saved.optimizer().orElseThrow(() -> new IOException("checkpoint " + what + " has no optimizer state"));
        if (!(o instanceof Adam adam)) {
            throw new IOException("checkpoint " + what + " optimizer is not Adam");
        }
        return adam;
    }

    private static void apply(GroupState state, PpoGroup g) {
        g.actor.copyParametersFrom(state.actor());
        g.critic.copyParametersFrom(state.critic());
        g.actorAdam.copyStateFrom(state.actorAdam());
        g.criticAdam.copyStateFrom(state.criticAdam());
        System.arraycopy(state.logStd(), 0, g.logStd, 0, g.logStd.length);
        // the log-stds' Adam is not a network's, so NetworkFormat cannot carry it: a fresh optimiser
        // is brought to the actor's step count (always equal to it) with zero-gradient steps (zero
        // moments and zero gradients leave every parameter unchanged), given the saved moments, and
        // its state copied over
        Adam logStdAdam = new Adam(g.logStd.length, g.actorAdam.learningRate());
        double[] zeros = new double[g.logStd.length];
        double[] scratch = new double[g.logStd.length];
        for (long t = 0; t < g.actorAdam.stepCount(); t++) {
            logStdAdam.step(scratch, zeros);
        }
        System.arraycopy(state.first(), 0, logStdAdam.firstMoments(), 0, g.logStd.length);
        System.arraycopy(state.second(), 0, logStdAdam.secondMoments(), 0, g.logStd.length);
        g.logStdAdam.copyStateFrom(logStdAdam);
    }
}
