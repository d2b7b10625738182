package org.nettwin.nn.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nettwin.api.io.BinaryFormats;
import org.nettwin.api.io.Identification;
import org.nettwin.api.testkit.FormatRefusal;
import org.nettwin.nn.Activation;
import org.nettwin.nn.Adam;
import org.nettwin.nn.Loss;
import org.nettwin.nn.Lstm;
import org.nettwin.nn.Mlp;
import org.nettwin.nn.Network;
import org.nettwin.nn.NetworkFormat;
import org.nettwin.nn.Sgd;
import org.nettwin.nn.Vae;

/** The binary format: exact round trips (with optimizer state) and refusal of damaged files. */
class NetworkFormatTest {

    private static byte[] bytes(Network n, org.nettwin.nn.Optimizer o) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NetworkFormat.write(n, o, out);
        return out.toByteArray();
    }

    private static NetworkFormat.Saved read(byte[] b) throws IOException {
        return NetworkFormat.read(new ByteArrayInputStream(b));
    }

    private static void train(Mlp net, Adam adam, int steps) {
        double[] x = GradChecks.random(new SplittableRandom(1), 8 * 5, 1);
        double[] y = GradChecks.random(new SplittableRandom(2), 8 * 3, 1);
        double[] g = new double[8 * 3];
        for (int k = 0; k < steps; k++) {
            net.zeroGradients();
            Loss.mse(net.forward(x, 8), y, 24, g);
            net.backward(g, 8);
            adam.step(net);
        }
    }

    @Test
    void mlpWithAdamRoundTripsExactlyAndTrainingContinuesIdentically() throws IOException {
        Mlp net = Mlp.builder(5).dense(7, Activation.TANH).dense(3, Activation.LINEAR).softmax().maxBatch(8).build(1);
        Adam adam = Adam.of(net, 1e-2);
        train(net, adam, 10);
        NetworkFormat.Saved saved = read(bytes(net, adam));
        Mlp copy = saved.network(Mlp.class);
        Adam copyAdam = (Adam) saved.optimizer().orElseThrow();
        assertEquals(net.architecture(), copy.architecture());
        assertEquals(net.maxBatch(), copy.maxBatch());
        assertArrayEquals(net.parameters(), copy.parameters(), 0.0);
        assertEquals(adam.stepCount(), copyAdam.stepCount());
        train(net, adam, 10);
        train(copy, copyAdam, 10);
        assertArrayEquals(net.parameters(), copy.parameters(), 0.0);
    }

    @Test
    void lstmAndVaeRoundTrip() throws IOException {
        Lstm lstm = Lstm.builder(3, 5, 4).dense(6, Activation.SIGMOID).dense(2, Activation.LINEAR).maxBatch(3).build(2);
        Lstm l2 = read(bytes(lstm, null)).network(Lstm.class);
        assertEquals(lstm.architecture(), l2.architecture());
        assertArrayEquals(lstm.parameters(), l2.parameters(), 0.0);
        double[] w = GradChecks.random(new SplittableRandom(3), 12, 1);
        assertArrayEquals(lstm.predict(w), l2.predict(w), 0.0);

        Vae vae = Vae.builder(7, 3).encoder(9, 5).decoder(4).hiddenActivation(Activation.TANH)
                .outputActivation(Activation.SIGMOID).beta(0.25).maxBatch(4).build(3);
        Sgd sgd = new Sgd(vae.parameterCount(), 0.1, 0.5);
        sgd.step(vae.parameters(), GradChecks.random(new SplittableRandom(4), vae.parameterCount(), 1));
        NetworkFormat.Saved s = read(bytes(vae, sgd));
        Vae v2 = s.network(Vae.class);
        assertEquals(vae.architecture(), v2.architecture());
        assertEquals(0.25, v2.beta());
        assertArrayEquals(vae.parameters(), v2.parameters(), 0.0);
        assertArrayEquals(sgd.velocity(), ((Sgd) s.optimizer().orElseThrow()).velocity(), 0.0);
        assertThrows(IOException.class, () -> s.network(Mlp.class));
    }

    @Test
    void saveAndLoadAFile() throws IOException {
        Path dir = Files.createTempDirectory("nettwin-nn");
        try {
            saveAndLoadIn(dir);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }

    private static void saveAndLoadIn(Path dir) throws IOException {
        Mlp net = Mlp.builder(4).dense(3, Activation.RELU).build(5);
        Path file = dir.resolve("q.ntnn");
        NetworkFormat.save(net, null, file);
        NetworkFormat.Saved s = NetworkFormat.load(file);
        assertArrayEquals(net.parameters(), s.network().parameters(), 0.0);
        assertTrue(s.optimizer().isEmpty());
        byte[] raw = Files.readAllBytes(file);
        assertEquals('N', raw[0]);
        assertEquals('T', raw[1]);
        Files.write(file, java.util.Arrays.copyOf(raw, raw.length - 9));
        IOException e = assertThrows(IOException.class, () -> NetworkFormat.load(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void truncatedFilesAreRefusedAtEveryLength() throws IOException {
        byte[] good = bytes(Mlp.builder(3).dense(2, Activation.TANH).build(1), null);
        assertEquals("the file is empty: expected an org.nettwin.nn network",
                assertThrows(IOException.class, () -> read(new byte[0])).getMessage());
        for (int len = 1; len < good.length; len++) {
            byte[] cut = java.util.Arrays.copyOf(good, len);
            IOException e = assertThrows(IOException.class, () -> read(cut), "length " + len);
            assertTrue(e.getMessage().contains("truncated"), len + ": " + e.getMessage());
        }
    }

    @Test
    void everyFlippedByteIsDetected() throws IOException {
        Mlp net = Mlp.builder(3).dense(2, Activation.TANH).build(1);
        byte[] good = bytes(net, new Adam(net.parameterCount(), 0.1));
        for (int k = 0; k < good.length; k++) {
            byte[] bad = good.clone();
            bad[k] ^= 0x10;
            IOException e = assertThrows(IOException.class, () -> read(bad), "byte " + k);
            String m = e.getMessage();
            assertTrue(m.contains("CRC-32") || m.contains("magic") || m.contains("version") || m.contains("truncated")
                    || m.contains("after the checksum"), k + ": " + m);
        }
    }

    @Test
    void clearMessagesForForeignFiles() throws IOException {
        IOException magic = assertThrows(IOException.class, () -> read("PK\u0003\u0004 this is a zip file".getBytes()));
        assertEquals("not a NetTwin file (bad magic 50 4B 03 04): expected an org.nettwin.nn network", magic.getMessage());
        byte[] v2 = {'N', 'T', 'N', 'N', 0, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0};
        IOException version = assertThrows(IOException.class, () -> read(v2));
        assertEquals("this is an org.nettwin.nn network of format version 2; this build reads version 1", version.getMessage());
        // a network's head is magic and a 2-byte version, so only the kind cases of the test kit apply
        FormatRefusal.checkKind(BinaryFormats.NETWORK, in -> NetworkFormat.read(in));
    }

    @Test
    void theRegistryIdentifiesANetworkFileAndTheLoaderNamesAFileOfAnotherKind(@TempDir Path dir) throws IOException {
        byte[] good = bytes(Mlp.builder(3).dense(2, Activation.TANH).build(1), null);
        assertEquals(new Identification.Known(BinaryFormats.NETWORK), BinaryFormats.identify(good));
        assertEquals(BinaryFormats.NETWORK.version(), java.nio.ByteBuffer.wrap(good).getShort(4), "the version the registry declares");
        Path file = dir.resolve("policy.ntnn");
        Files.write(file, new byte[] {'N', 'T', 'D', 'N', 0, 0, 0, 2, 0, 0});
        IOException e = assertThrows(IOException.class, () -> NetworkFormat.load(file));
        assertEquals(file + ": this is a rl/dqn policy, not an org.nettwin.nn network", e.getMessage());
    }

    @Test
    void aFileWithAValidChecksumButImpossibleArchitectureIsRefused() throws IOException {
        byte[] good = bytes(Mlp.builder(3).dense(2, Activation.TANH).build(1), null);
        // the inputs field sits right after the 11-byte header: make it 0 and fix the checksum
        byte[] bad = good.clone();
        java.nio.ByteBuffer.wrap(bad).putInt(11, 0);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bad, 0, bad.length - 4);
        java.nio.ByteBuffer.wrap(bad).putInt(bad.length - 4, (int) crc.getValue());
        IOException e = assertThrows(IOException.class, () -> read(bad));
        assertTrue(e.getMessage().contains("invalid architecture"), e.getMessage());
        assertInstanceOf(Mlp.class, read(good).network());
    }
}
