package org.nettwin.rl.dqn.internal;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.nettwin.api.io.BinaryFormats;
import org.nettwin.nn.Adam;
import org.nettwin.nn.Mlp;
import org.nettwin.nn.NetworkFormat;
import org.nettwin.nn.Standardizer;

/**
 * The whole learning state of a {@link Dqn}, as read from or written to a checkpoint. Format
 * ({@link BinaryFormats#DQN_CHECKPOINT}): int magic "NTDC", int version 1, UTF spaces ("OBS -> ACT"), long updates, long total steps, long
 * episodes, the input {@link Standardizer}, then the online network with its Adam state and the target network, each as an int
 * length followed by that many bytes of {@link NetworkFormat} (checksummed). Reading checks everything before the caller changes any state.
 */
record DqnCheckpoint(Mlp online, Mlp target, Adam adam, Standardizer inputs, long updates, long totalSteps, long episodes) {

    static void write(DqnCheckpoint c, String spaces, OutputStream out) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        BinaryFormats.DQN_CHECKPOINT.writeHead(d);
        d.writeUTF(spaces);
        d.writeLong(c.updates());
        d.writeLong(c.totalSteps());
        d.writeLong(c.episodes());
        c.inputs().write(d);
        for (byte[] network : new byte[][] {NetworkFormat.toBytes(c.online(), c.adam()), NetworkFormat.toBytes(c.target(), null)}) {
            d.writeInt(network.length);
            d.write(network);
        }
        d.flush();
    }

    /** Reads a checkpoint for networks shaped like {@code like} and an optimizer like {@code adamLike}. */
    static DqnCheckpoint read(InputStream in, String spaces, Mlp like, Adam adamLike, int inputWidth) throws IOException {
        DataInputStream d = new DataInputStream(in);
        long updates;
        long steps;
        long episodes;
        byte[] onlineBytes;
        byte[] targetBytes;
        Standardizer inputs;
        try {
            BinaryFormats.DQN_CHECKPOINT.readHead(d);
            String saved = d.readUTF();
            if (!saved.equals(spaces)) {
                throw new IOException("checkpoint was saved for " + saved + ", not " + spaces);
            }
            updates = d.readLong();
            steps = d.readLong();
            episodes = d.readLong();
            inputs = Standardizer.read(d, inputWidth);
            onlineBytes = blob(d);
            targetBytes = blob(d);
        } catch (EOFException e) {
            throw new IOException("rl/dqn checkpoint is truncated", e);
        }
        NetworkFormat.Saved online = NetworkFormat.read(new ByteArrayInputStream(onlineBytes));
        Mlp target = NetworkFormat.read(new ByteArrayInputStream(targetBytes)).network(Mlp.class);
        Mlp q = online.network(Mlp.class);
        if (!q.architecture().equals(like.architecture()) || !target.architecture().equals(like.architecture())) {
            throw new IOException("checkpoint networks are " + q.architecture() + ", this agent's are " + like.architecture());
        }
        if (online.optimizer().isEmpty() || !(online.optimizer().get() instanceof Adam adam) || adam.size() != adamLike.size()) {
            throw new IOException("checkpoint lacks the Adam state of the online network");
        }
        if (updates < 0 || steps < 0 || episodes < 0) {
            throw new IOException("corrupt rl/dqn checkpoint: negative counters");
        }
        return new DqnCheckpoint(q, target, adam, inputs, updates, steps, episodes);
    }

    private static byte[] blob(DataInputStream d) throws IOException {
        int length = d.readInt();
        if (length < 0 || length > 1 << 30) {
            throw new IOException("corrupt rl/dqn checkpoint: network of " + length + " bytes");
        }
        byte[] bytes = new byte[length];
        d.readFully(bytes);
        return bytes;
    }
}
