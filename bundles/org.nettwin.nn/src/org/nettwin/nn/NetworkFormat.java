package org.nettwin.nn;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.zip.CRC32;

import org.nettwin.api.io.BinaryFormat;
import org.nettwin.api.io.BinaryFormats;

/**
 * The versioned binary file of a network (and optionally its optimizer), big-endian:
 * <pre>
 * offset  size  field
 * 0       4     magic "NTNN" (4E 54 4E 4E), {@link BinaryFormats#NETWORK}
 * 4       2     format version, 1
 * 6       1     kind: 1 = Mlp, 2 = Lstm, 3 = Vae
 * 7       4     body length N in bytes
 * 11      N     body
 * 11+N    4     CRC-32 (java.util.zip.CRC32) of bytes [0, 11+N)
 *
 * body = architecture, then i32 parameter count P and P f64 parameters, then the optimizer:
 *   Mlp:  i32 inputs, i32 maxBatch, u8 softmax (0/1), i32 layers, per layer i32 units, u8 activation
 *   Lstm: i32 inputs per step, i32 hidden, i32 steps, i32 maxBatch, i32 head layers, per layer i32 units, u8 activation
 *   Vae:  i32 inputs, i32 latent, i32 maxBatch, f64 beta, u8 hidden activation, u8 output activation,
 *         i32 encoder layers, i32 units each, i32 decoder layers, i32 units each
 *   activation codes: 0 linear, 1 relu, 2 tanh, 3 sigmoid ({@link Activation#code()})
 *   optimizer: u8 0 = none;
 *              1 = Sgd:  f64 lr, f64 momentum, i32 n, n f64 velocity;
 *              2 = Adam: f64 lr, f64 beta1, f64 beta2, f64 epsilon, i64 steps, i32 n, n f64 m, n f64 v
 * </pre>
 * Parameters are stored in the network's own layout (see each class), so a file is also a
 * plain description of the weights. Reading checks magic, version, length, checksum and every
 * size before building anything, and refuses a bad file with an {@link IOException} saying what
 * is wrong; a file of another kind with a
 * {@link org.nettwin.api.io.FormatMismatchException} naming it (e.g. {@code this is a rl/dqn
 * policy, not an org.nettwin.nn network}). Magic and version are declared in the API's registry of
 * formats, {@link BinaryFormats#NETWORK}; the version is kept in 2 bytes here (the layout predates
 * the registry's standard head).
 *
 * @since 0.1
 */
public final class NetworkFormat {

    private static final BinaryFormat FORMAT = BinaryFormats.NETWORK;
    private static final int HEADER = 11;
    private static final int MAX_SIZE = 1 << 24;
    private static final int MAX_LAYERS = 1024;

    private NetworkFormat() {
    }

    /**
     * A network read back, with the optimizer that was saved beside it.
     *
     * @param network the network, of its saved class
     * @param optimizer the optimizer with its state, if one was saved
     * @since 0.1
     */
    public record Saved(Network network, Optional<Optimizer> optimizer) {

        /**
         * The network as {@code type}.
         *
         * @throws IOException if the file held another kind of network
         */
        public <T extends Network> T network(Class<T> type) throws IOException {
            if (!type.isInstance(network)) {
                throw new IOException("the file holds " + network.architecture() + ", not a " + type.getSimpleName());
            }
            return type.cast(network);
        }
    }

    /** Writes {@code network} without optimizer state. */
    public static void write(Network network, OutputStream out) throws IOException {
        write(network, null, out);
    }

    /** Writes {@code network} and, when not null, {@code optimizer} with its state. */
    public static void write(Network network, Optimizer optimizer, OutputStream out) throws IOException {
        out.write(toBytes(network, optimizer));
        out.flush();
    }

    /** Writes to {@code file} through a temporary file, so a crash never leaves half a file. */
    public static void save(Network network, Optimizer optimizer, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            Files.write(tmp, toBytes(network, optimizer));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Reads a file written by {@link #save}. */
    public static Saved load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IOException e) {
            throw e.getMessage() != null && e.getMessage().startsWith(file.toString()) ? e
                    : new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** The bytes of a network file. */
    public static byte[] toBytes(Network network, Optimizer optimizer) throws IOException {
        if (optimizer != null && optimizer.size() != network.parameterCount()) {
            throw new IllegalArgumentException("optimizer covers " + optimizer.size() + " parameters, network has "
                    + network.parameterCount());
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 8 * network.parameterCount() * (optimizer == null ? 1 : 3));
        DataOutputStream d = new DataOutputStream(bytes);
        d.writeInt(FORMAT.magicNumber());
        d.writeShort(FORMAT.version());
        d.writeByte(kind(network));
        d.writeInt(0); // body length, patched below
        writeArchitecture(network, d);
        writeDoubles(d, network.parameters());
        if (optimizer == null) {
            d.writeByte(0);
        } else if (optimizer instanceof Sgd s) {
            d.writeByte(1);
            d.writeDouble(s.learningRate());
            d.writeDouble(s.momentum());
            writeDoubles(d, s.velocity());
        } else if (optimizer instanceof Adam a) {
            d.writeByte(2);
            d.writeDouble(a.learningRate());
            d.writeDouble(a.beta1());
            d.writeDouble(a.beta2());
            d.writeDouble(a.epsilon());
            d.writeLong(a.stepCount());
            writeDoubles(d, a.firstMoments());
            d.write(doublesOnly(a.secondMoments()));
        }
        d.flush();
        byte[] body = bytes.toByteArray();
        ByteBuffer.wrap(body).putInt(7, body.length - HEADER);
        CRC32 crc = new CRC32();
        crc.update(body);
        byte[] all = java.util.Arrays.copyOf(body, body.length + 4);
        ByteBuffer.wrap(all).putInt(body.length, (int) crc.getValue());
        return all;
    }

    private static int kind(Network n) {
        return switch (n) {
            case Mlp m -> 1;
            case Lstm l -> 2;
            case Vae v -> 3;
        };
    }

    private static void writeArchitecture(Network network, DataOutputStream d) throws IOException {
        switch (network) {
            case Mlp m -> {
                d.writeInt(m.inputSize());
                d.writeInt(m.maxBatch());
                d.writeByte(m.softmaxHead() ? 1 : 0);
                d.writeInt(m.layerCount());
                for (int l = 0; l < m.layerCount(); l++) {
                    d.writeInt(m.units(l));
                    d.writeByte(m.activation(l).code());
                }
            }
            case Lstm s -> {
                d.writeInt(s.inputsPerStep());
                d.writeInt(s.hidden());
                d.writeInt(s.steps());
                d.writeInt(s.maxBatch());
                d.writeInt(s.headLayers());
                for (int l = 0; l < s.headLayers(); l++) {
                    d.writeInt(s.headUnits(l));
                    d.writeByte(s.headActivation(l).code());
                }
            }
            case Vae v -> {
                d.writeInt(v.inputSize());
                d.writeInt(v.latent());
                d.writeInt(v.maxBatch());
                d.writeDouble(v.beta());
                d.writeByte(v.hiddenActivation().code());
                d.writeByte(v.outputActivation().code());
                int[] e = v.encoderUnits();
                d.writeInt(e.length);
                for (int u : e) {
                    d.writeInt(u);
                }
                int[] dec = v.decoderUnits();
                d.writeInt(dec.length);
                for (int u : dec) {
                    d.writeInt(u);
                }
            }
        }
    }

    private static void writeDoubles(DataOutputStream d, double[] values) throws IOException {
        d.writeInt(values.length);
        d.write(doublesOnly(values));
    }

    private static byte[] doublesOnly(double[] values) {
        ByteBuffer b = ByteBuffer.allocate(8 * values.length);
        b.asDoubleBuffer().put(values);
        return b.array();
    }

    /**
     * Reads one network file from {@code in} (to its end).
     *
     * @throws IOException naming the problem when the data is not a valid network file:
     *         wrong magic, unknown version, truncated, checksum mismatch, or an impossible
     *         architecture
     */
    public static Saved read(InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        FORMAT.checkMagic(all);
        if (all.length < HEADER + 4) {
            throw new IOException("truncated network file: " + all.length + " bytes, a valid file has at least " + (HEADER + 4));
        }
        ByteBuffer b = ByteBuffer.wrap(all);
        b.getInt();
        FORMAT.checkVersion(b.getShort() & 0xFFFF);
        int kind = b.get();
        long bodyLength = b.getInt() & 0xFFFFFFFFL;
        long expected = HEADER + bodyLength + 4;
        if (all.length < expected) {
            throw new IOException("truncated network file: header announces " + expected + " bytes, found " + all.length);
        }
        if (all.length > expected) {
            throw new IOException("corrupt network file: " + (all.length - expected) + " bytes after the checksum");
        }
        CRC32 crc = new CRC32();
        crc.update(all, 0, all.length - 4);
        int stored = b.getInt(all.length - 4);
        if (stored != (int) crc.getValue()) {
            throw new IOException(String.format("corrupt network file: CRC-32 mismatch (stored %08X, computed %08X)",
                    stored, (int) crc.getValue()));
        }
        ByteBuffer body = ByteBuffer.wrap(all, HEADER, (int) bodyLength).slice();
        try {
            Network network = switch (kind) {
                case 1 -> readMlp(body);
                case 2 -> readLstm(body);
                case 3 -> readVae(body);
                default -> throw new IOException("unknown network kind " + kind);
            };
            double[] p = readDoubles(body, network.parameterCount(), "parameters");
            network.setParameters(p);
            Optimizer optimizer = readOptimizer(body, network.parameterCount());
            if (body.hasRemaining()) {
                throw new IOException("malformed network file: " + body.remaining() + " unread body bytes");
            }
            return new Saved(network, Optional.ofNullable(optimizer));
        } catch (BufferUnderflowException e) {
            throw new IOException("malformed network file: body ends early", e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IOException("invalid architecture in network file: " + e.getMessage(), e);
        }
    }

    private static Mlp readMlp(ByteBuffer b) throws IOException {
        int inputs = size(b.getInt(), "inputs");
        int maxBatch = size(b.getInt(), "maxBatch");
        int softmax = b.get();
        int layers = count(b.getInt(), 1, "layers");
        Mlp.Builder builder = Mlp.builder(inputs).maxBatch(maxBatch);
        for (int l = 0; l < layers; l++) {
            builder.dense(size(b.getInt(), "units"), Activation.ofCode(b.get()));
        }
        if (softmax == 1) {
            builder.softmax();
        } else if (softmax != 0) {
            throw new IOException("invalid softmax flag " + softmax);
        }
        return builder.build(0);
    }

    private static Lstm readLstm(ByteBuffer b) throws IOException {
        int inputs = size(b.getInt(), "inputs");
        int hidden = size(b.getInt(), "hidden");
        int steps = size(b.getInt(), "steps");
        int maxBatch = size(b.getInt(), "maxBatch");
        int layers = count(b.getInt(), 0, "head layers");
        Lstm.Builder builder = Lstm.builder(inputs, hidden, steps).maxBatch(maxBatch);
        for (int l = 0; l < layers; l++) {
            builder.dense(size(b.getInt(), "units"), Activation.ofCode(b.get()));
        }
        return builder.build(0);
    }

    private static Vae readVae(ByteBuffer b) throws IOException {
        int inputs = size(b.getInt(), "inputs");
        int latent = size(b.getInt(), "latent");
        int maxBatch = size(b.getInt(), "maxBatch");
        double beta = b.getDouble();
        Activation hidden = Activation.ofCode(b.get());
        Activation output = Activation.ofCode(b.get());
        int[] enc = new int[count(b.getInt(), 0, "encoder layers")];
        for (int k = 0; k < enc.length; k++) {
            enc[k] = size(b.getInt(), "units");
        }
        int[] dec = new int[count(b.getInt(), 0, "decoder layers")];
        for (int k = 0; k < dec.length; k++) {
            dec[k] = size(b.getInt(), "units");
        }
        return Vae.builder(inputs, latent).encoder(enc).decoder(dec).hiddenActivation(hidden).outputActivation(output)
                .beta(beta).maxBatch(maxBatch).build(0);
    }

    private static Optimizer readOptimizer(ByteBuffer b, int n) throws IOException {
        int kind = b.get();
        switch (kind) {
            case 0:
                return null;
            case 1: {
                double lr = b.getDouble();
                double momentum = b.getDouble();
                double[] u = readDoubles(b, n, "SGD velocity");
                Sgd s = new Sgd(n, lr, momentum);
                s.restore(u);
                return s;
            }
            case 2: {
                double lr = b.getDouble();
                double b1 = b.getDouble();
                double b2 = b.getDouble();
                double eps = b.getDouble();
                long t = b.getLong();
                double[] m = readDoubles(b, n, "Adam moments");
                double[] v = new double[n];
                b.asDoubleBuffer().get(v);
                b.position(b.position() + 8 * n);
                Adam a = new Adam(n, lr, b1, b2, eps);
                a.restore(t, m, v);
                return a;
            }
            default:
                throw new IOException("unknown optimizer kind " + kind);
        }
    }

    private static double[] readDoubles(ByteBuffer b, int expected, String what) throws IOException {
        int n = b.getInt();
        if (n != expected) {
            throw new IOException("malformed network file: " + n + " " + what + " stored, the architecture has " + expected);
        }
        if (b.remaining() < 8L * n) {
            throw new IOException("malformed network file: " + what + " end early");
        }
        double[] v = new double[n];
        b.asDoubleBuffer().get(v);
        b.position(b.position() + 8 * n);
        return v;
    }

    private static int size(int v, String what) throws IOException {
        if (v < 1 || v > MAX_SIZE) {
            throw new IOException("invalid architecture in network file: " + what + " " + v);
        }
        return v;
    }

    private static int count(int v, int min, String what) throws IOException {
        if (v < min || v > MAX_LAYERS) {
            throw new IOException("invalid architecture in network file: " + what + " " + v);
        }
        return v;
    }
}
