package org.nettwin.rl.tabular.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.random.RandomGenerator;
import java.util.zip.CRC32;

import org.nettwin.api.io.BinaryFormats;
import org.nettwin.api.rl.BasePolicy;
import org.nettwin.api.rl.PolicyHeader;
import org.nettwin.api.space.Space;
import org.nettwin.api.space.TableIndex;

/**
 * Greedy (or epsilon-greedy, when sampled) action selection from a Q table. A live view: it acts
 * with the table as it is now.
 */
final class QPolicy extends BasePolicy<Object, Object> {

    private final TableIndex stateIndex;
    private final TableIndex actionIndex;
    private final int bins;
    final QTable table;
    double epsilon;

    QPolicy(Space<Object> observations, Space<Object> actions, TableIndex stateIndex, TableIndex actionIndex, int bins, QTable table) {
        super(observations, actions);
        this.stateIndex = stateIndex;
        this.actionIndex = actionIndex;
        this.bins = bins;
        this.table = table;
    }

    int state(Object observation) {
        return stateIndex.index(observation);
    }

    Object action(int index) {
        return actionIndex.value(index);
    }

    int actionIndex(Object action) {
        return actionIndex.index(action);
    }

    @Override
    public Object act(Object observation) {
        return action(table.greedy(state(observation)));
    }

    /** Epsilon-greedy with the current exploration rate. */
    @Override
    public Object sample(Object observation, RandomGenerator random) {
        return action(explore(state(observation), random));
    }

    int explore(int s, RandomGenerator random) {
        return random.nextDouble() < epsilon ? random.nextInt(table.actions) : table.greedy(s);
    }

    @Override
    public long parameterCount() {
        return table.q.length;
    }

    /**
     * Format ({@link BinaryFormats#Q_LEARNING_POLICY}): int magic "NTQL", int version 1, UTF observation and action space descriptions,
     * int bins, int states, int actions, the Q values (doubles, row-major by state), long CRC-32
     * of those values.
     */
    @Override
    public void save(OutputStream out) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        PolicyHeader.write(d, BinaryFormats.Q_LEARNING_POLICY, observationSpace(), actionSpace());
        d.writeInt(bins);
        d.writeInt(table.states);
        d.writeInt(table.actions);
        CRC32 crc = new CRC32();
        byte[] row = new byte[8];
        for (double v : table.q) {
            long bits = Double.doubleToLongBits(v);
            for (int i = 0; i < 8; i++) {
                row[i] = (byte) (bits >>> (56 - 8 * i));
            }
            crc.update(row);
            d.write(row);
        }
        d.writeLong(crc.getValue());
        d.flush();
    }

    /** Reads a policy saved by {@link #save} for the given spaces. */
    static QPolicy load(Space<Object> observations, Space<Object> actions, InputStream in, long maxStates) throws IOException {
        DataInputStream d = new DataInputStream(in);
        try {
            PolicyHeader.read(d, BinaryFormats.Q_LEARNING_POLICY).check(observations, actions);
            int bins = d.readInt();
            TableIndex s = TableIndex.of(observations, bins, maxStates);
            TableIndex a = TableIndex.of(actions, 1, Integer.MAX_VALUE);
            int states = d.readInt();
            int acts = d.readInt();
            if (states != s.size() || acts != a.size()) {
                throw new IOException("policy table is " + states + "x" + acts + ", the spaces need " + s.size() + "x" + a.size());
            }
            QTable table = new QTable(states, acts, 0);
            CRC32 crc = new CRC32();
            byte[] row = new byte[8];
            for (int i = 0; i < table.q.length; i++) {
                d.readFully(row);
                crc.update(row);
                long bits = 0;
                for (int k = 0; k < 8; k++) {
                    bits = (bits << 8) | (row[k] & 0xFF);
                }
                table.q[i] = Double.longBitsToDouble(bits);
            }
            if (d.readLong() != crc.getValue()) {
                throw new IOException("rl/q-learning policy file is corrupt (checksum mismatch)");
            }
            return new QPolicy(observations, actions, s, a, bins, table);
        } catch (java.io.EOFException e) {
            throw new IOException("rl/q-learning policy file is truncated", e);
        } catch (IllegalArgumentException e) {
            throw new IOException("rl/q-learning policy file does not fit the spaces: " + e.getMessage(), e);
        }
    }
}
