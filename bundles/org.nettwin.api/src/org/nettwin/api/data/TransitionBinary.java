package org.nettwin.api.data;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

import org.nettwin.api.io.BinaryFormats;
import org.nettwin.api.io.FormatMismatchException;

/**
 * The compact binary format of {@link TransitionDataset}s.
 *
 * <pre>
 * magic    4 bytes  "NTDS"     {@link BinaryFormats#DATASET}
 * version  int      1
 * length   long     number of payload bytes that follow
 * payload           metadata count (int), then (key, value) as modified UTF-8;
 *                   observation size, action size, transition count (ints);
 *                   columns: episode int[], observations double[], actions double[],
 *                   rewards double[], next observations double[], flags byte[] (bit0 terminated, bit1 truncated)
 * crc32    long     CRC-32 of the payload
 * </pre>
 * All numbers big-endian. A file with another magic, an unknown version, a short payload or a
 * checksum mismatch is refused; a file of another kind with a message naming what it is
 * ({@code data.ntds: this is a rl/dqn policy, not a NetTwin transition dataset (.ntds)}).
 *
 * @since 0.1
 */
public final class TransitionBinary {

    private TransitionBinary() {
    }

    /** Writes {@code data}. */
    public static void write(TransitionDataset data, OutputStream out) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + data.size() * 8 * (2 + 2 * data.observationSize() + data.actionSize()));
        DataOutputStream p = new DataOutputStream(bytes);
        p.writeInt(data.metadata().size());
        for (Map.Entry<String, String> e : data.metadata().entrySet()) {
            p.writeUTF(e.getKey());
            p.writeUTF(e.getValue());
        }
        int n = data.size();
        int os = data.observationSize();
        int as = data.actionSize();
        p.writeInt(os);
        p.writeInt(as);
        p.writeInt(n);
        int[] ep = data.episodeColumn();
        for (int i = 0; i < n; i++) {
            p.writeInt(ep[i]);
        }
        writeDoubles(p, data.observationColumn(), n * os);
        writeDoubles(p, data.actionColumn(), n * as);
        writeDoubles(p, data.rewardColumn(), n);
        writeDoubles(p, data.nextObservationColumn(), n * os);
        boolean[] term = data.terminatedColumn();
        boolean[] trunc = data.truncatedColumn();
        for (int i = 0; i < n; i++) {
            p.writeByte((term[i] ? 1 : 0) | (trunc[i] ? 2 : 0));
        }
        p.flush();
        byte[] payload = bytes.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(payload);
        DataOutputStream d = new DataOutputStream(out);
        BinaryFormats.DATASET.writeHead(d);
        d.writeLong(payload.length);
        d.write(payload);
        d.writeLong(crc.getValue());
        d.flush();
    }

    private static void writeDoubles(DataOutputStream p, double[] v, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            p.writeDouble(v[i]);
        }
    }

    /**
     * Reads a dataset.
     *
     * @param source file name for messages
     * @throws DatasetFormatException if the file is not a valid dataset of a supported version
     */
    public static TransitionDataset read(InputStream in, String source) throws IOException {
        DataInputStream d = new DataInputStream(in);
        byte[] payload;
        try {
            try {
                BinaryFormats.DATASET.readHead(d);
            } catch (FormatMismatchException e) {
                throw new DatasetFormatException(source + ": " + e.getMessage(), e);
            }
            long length = d.readLong();
            if (length < 0 || length > Integer.MAX_VALUE - 16) {
                throw new DatasetFormatException(source + ": corrupt header (payload length " + length + ")");
            }
            payload = d.readNBytes((int) length);
            if (payload.length != length) {
                throw new DatasetFormatException(source + ": truncated: payload has " + payload.length + " of " + length + " bytes");
            }
            long expected = d.readLong();
            CRC32 crc = new CRC32();
            crc.update(payload);
            if (crc.getValue() != expected) {
                throw new DatasetFormatException(source + ": checksum mismatch: the file is corrupt");
            }
        } catch (EOFException e) {
            throw new DatasetFormatException(source + ": truncated file");
        }
        try {
            return decode(new DataInputStream(new java.io.ByteArrayInputStream(payload)), source);
        } catch (EOFException | IllegalArgumentException e) {
            throw new DatasetFormatException(source + ": inconsistent payload: " + e.getMessage());
        }
    }

    private static TransitionDataset decode(DataInputStream p, String source) throws IOException {
        int entries = p.readInt();
        Map<String, String> metadata = new LinkedHashMap<>();
        for (int i = 0; i < entries; i++) {
            metadata.put(p.readUTF(), p.readUTF());
        }
        int os = p.readInt();
        int as = p.readInt();
        int n = p.readInt();
        if (os < 1 || as < 1 || n < 0) {
            throw new DatasetFormatException(source + ": corrupt sizes " + os + "/" + as + "/" + n);
        }
        int[] ep = new int[n];
        for (int i = 0; i < n; i++) {
            ep[i] = p.readInt();
        }
        double[] obs = readDoubles(p, n * os);
        double[] act = readDoubles(p, n * as);
        double[] rew = readDoubles(p, n);
        double[] next = readDoubles(p, n * os);
        TransitionDataset data = new TransitionDataset(os, as, metadata);
        double[] o = new double[os];
        double[] a = new double[as];
        double[] x = new double[os];
        for (int i = 0; i < n; i++) {
            int flags = p.readByte();
            System.arraycopy(obs, i * os, o, 0, os);
            System.arraycopy(act, i * as, a, 0, as);
            System.arraycopy(next, i * os, x, 0, os);
            data.add(ep[i], o, a, rew[i], x, (flags & 1) != 0, (flags & 2) != 0);
        }
        return data;
    }

    private static double[] readDoubles(DataInputStream p, int count) throws IOException {
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            v[i] = p.readDouble();
        }
        return v;
    }
}
