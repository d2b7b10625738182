package org.nettwin.nn.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.nettwin.nn.Activation;
import org.nettwin.nn.Adam;
import org.nettwin.nn.Init;
import org.nettwin.nn.Loss;
import org.nettwin.nn.Lstm;
import org.nettwin.nn.Mlp;
import org.nettwin.nn.Vae;

/** Parameter handling, the batch-1 path, initialisation, and the allocation-free promise. */
class NetworkTest {

    private static Mlp mlp(long seed) {
        return Mlp.builder(16).dense(64, Activation.RELU).dense(24, Activation.RELU).dense(4, Activation.LINEAR)
                .maxBatch(32).build(seed);
    }

    @Test
    void parameterCountAndLayout() {
        Mlp m = mlp(1);
        assertEquals(16 * 64 + 64 + 64 * 24 + 24 + 24 * 4 + 4, m.parameterCount());
        assertEquals(0, m.weightOffset(0));
        assertEquals(16 * 64, m.biasOffset(0));
        assertEquals(16 * 64 + 64, m.weightOffset(1));
        assertEquals("mlp 16-64relu-24relu-4linear", m.architecture());
        Lstm l = Lstm.builder(8, 64, 10).dense(4, Activation.LINEAR).build(1);
        assertEquals((8 + 64 + 1) * 256 + 64 * 4 + 4, l.parameterCount());
        Vae v = Vae.builder(7, 4).encoder(64, 24).decoder(24, 64).build(1);
        assertEquals(7 * 64 + 64 + 64 * 24 + 24 + 24 * 8 + 8 + 4 * 24 + 24 + 24 * 64 + 64 + 64 * 7 + 7, v.parameterCount());
    }

    @Test
    void seededInitialisation() {
        assertArrayEquals(mlp(5).parameters(), mlp(5).parameters(), 0.0);
        assertNotEquals(Arrays.toString(mlp(5).parameters()), Arrays.toString(mlp(6).parameters()));
        Mlp he = Mlp.builder(400).dense(300, Activation.RELU).build(1);
        double var = 0;
        for (int k = 0; k < 400 * 300; k++) {
            var += he.parameters()[k] * he.parameters()[k];
        }
        assertEquals(2.0 / 400, var / (400 * 300), 0.05 * 2.0 / 400, "He variance 2/fanIn");
        Mlp xavier = Mlp.builder(400).dense(200, Activation.TANH).init(Init.XAVIER).build(1);
        double limit = Math.sqrt(6.0 / 600);
        double max = 0;
        for (int k = 0; k < 400 * 200; k++) {
            max = Math.max(max, Math.abs(xavier.parameters()[k]));
        }
        assertTrue(max <= limit && max > 0.99 * limit, "Xavier uniform within ±sqrt(6/(in+out))");
        Lstm lstm = Lstm.builder(2, 3, 2).build(1);
        int forgetBias = (2 + 3) * 12 + 3;
        assertEquals(1.0, lstm.parameters()[forgetBias]);
        assertEquals(0.0, lstm.parameters()[forgetBias - 1]);
    }

    @Test
    void copySoftUpdateAndSetParameters() {
        Mlp a = mlp(1);
        Mlp b = mlp(2);
        double[] pa = a.parameters().clone();
        double[] pb = b.parameters().clone();
        a.softUpdateFrom(b, 0.25);
        for (int k = 0; k < pa.length; k++) {
            assertEquals(0.75 * pa[k] + 0.25 * pb[k], a.parameters()[k], 1e-15);
        }
        a.copyParametersFrom(b);
        assertArrayEquals(pb, a.parameters(), 0.0);
        double[] out = new double[a.parameterCount()];
        a.setParameters(pa);
        a.getParameters(out);
        assertArrayEquals(pa, out, 0.0);
        Mlp other = Mlp.builder(16).dense(64, Activation.TANH).dense(24, Activation.RELU).dense(4, Activation.LINEAR).build(1);
        assertThrows(IllegalArgumentException.class, () -> a.copyParametersFrom(other));
        assertThrows(IllegalArgumentException.class, () -> a.softUpdateFrom(b, 1.5));
    }

    @Test
    void predictMatchesForwardAndLeavesTrainingBuffersAlone() {
        Mlp m = mlp(3);
        double[] x = GradChecks.random(new SplittableRandom(1), 32 * 16, 1);
        double[] batchOut = m.forward(x, 32).clone();
        for (int b = 0; b < 32; b++) {
            double[] one = m.predict(x, b * 16);
            for (int o = 0; o < 4; o++) {
                assertEquals(batchOut[b * 4 + o], one[o], 1e-13);
            }
        }
        // backward after predict uses the batch forward's activations
        double[] r = GradChecks.random(new SplittableRandom(2), 32 * 4, 1);
        m.zeroGradients();
        m.backward(r, 32);
        double[] g1 = m.gradients().clone();
        m.forward(x, 32);
        m.zeroGradients();
        m.backward(r, 32);
        assertArrayEquals(g1, m.gradients(), 0.0);

        Lstm l = Lstm.builder(3, 6, 4).dense(2, Activation.LINEAR).maxBatch(5).build(4);
        double[] w = GradChecks.random(new SplittableRandom(3), 5 * 12, 1);
        double[] lo = l.forward(w, 5).clone();
        for (int b = 0; b < 5; b++) {
            double[] one = l.predict(w, b * 12);
            assertEquals(lo[b * 2], one[0], 1e-13);
            assertEquals(lo[b * 2 + 1], one[1], 1e-13);
        }
    }

    @Test
    void batchLimitsAreChecked() {
        Mlp m = mlp(1);
        assertThrows(IllegalArgumentException.class, () -> m.forward(new double[33 * 16], 33));
        m.forward(new double[32 * 16], 8);
        assertThrows(IllegalArgumentException.class, () -> m.backward(new double[32 * 4], 4));
        assertThrows(IllegalStateException.class, () -> Mlp.builder(3).dense(2, Activation.RELU).softmax());
    }

    @Test
    void aBatchGivesTheSameBitsWhetherItFillsMaxBatchOrNot() {
        // a full batch takes the one-run paths (activations, LSTM cells over whole blocks)
        double[] x = GradChecks.random(new SplittableRandom(9), 5 * 40, 1);
        double[] r = GradChecks.random(new SplittableRandom(10), 5 * 8, 1);
        Mlp full = Mlp.builder(40).dense(16, Activation.TANH).dense(8, Activation.SIGMOID).maxBatch(5).build(3);
        Mlp roomy = Mlp.builder(40).dense(16, Activation.TANH).dense(8, Activation.SIGMOID).maxBatch(7).build(3);
        assertArrayEquals(Arrays.copyOf(full.forward(x, 5), 40), Arrays.copyOf(roomy.forward(x, 5), 40), 0.0);
        full.backward(r, 5);
        roomy.backward(r, 5);
        assertArrayEquals(full.gradients(), roomy.gradients(), 0.0);
        Lstm lFull = Lstm.builder(4, 6, 10).dense(8, Activation.LINEAR).maxBatch(5).build(4);
        Lstm lRoomy = Lstm.builder(4, 6, 10).dense(8, Activation.LINEAR).maxBatch(9).build(4);
        assertArrayEquals(Arrays.copyOf(lFull.forward(x, 5), 40), Arrays.copyOf(lRoomy.forward(x, 5), 40), 0.0);
        lFull.backward(r, 5);
        lRoomy.backward(r, 5);
        assertArrayEquals(lFull.gradients(), lRoomy.gradients(), 0.0);
    }

    @Test
    void trainingAndInferenceAllocateNothing() throws Exception {
        Method counter;
        Object bean = ManagementFactory.getThreadMXBean();
        try {
            Class<?> iface = ClassLoader.getPlatformClassLoader().loadClass("com.sun.management.ThreadMXBean");
            counter = iface.getMethod("getCurrentThreadAllocatedBytes");
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("this test needs a HotSpot JVM's per-thread allocation counter", e);
        }
        assertTrue(counter.getDeclaringClass().isInstance(bean), "the platform thread bean counts allocations");
        Mlp q = mlp(1);
        Mlp target = mlp(2);
        Adam adam = Adam.of(q, 1e-3);
        Lstm lstm = Lstm.builder(8, 16, 5).dense(8, Activation.LINEAR).maxBatch(8).build(1);
        Adam lstmAdam = Adam.of(lstm, 1e-3);
        Vae vae = Vae.builder(7, 4).encoder(16).decoder(16).maxBatch(8).build(1);
        Adam vaeAdam = Adam.of(vae, 1e-3);
        double[] x = GradChecks.random(new SplittableRandom(1), 32 * 16, 1);
        double[] y = new double[32 * 4];
        double[] g = new double[32 * 4];
        double[] dx = new double[32 * 16];
        double[] w = GradChecks.random(new SplittableRandom(2), 8 * 40, 1);
        double[] wy = new double[8 * 8];
        double[] wg = new double[8 * 8];
        double[] v = GradChecks.random(new SplittableRandom(3), 8 * 7, 1);
        Runnable work = () -> {
            target.forward(x, 32);
            q.forward(x, 32);
            q.zeroGradients();
            Loss.mse(q.forward(x, 32), y, 32 * 4, g);
            q.backward(g, 32, dx);
            q.inputGradient(g, 32, dx);
            adam.step(q);
            target.softUpdateFrom(q, 0.005);
            q.predict(x);
            lstm.zeroGradients();
            Loss.huber(lstm.forward(w, 8), wy, 64, 1.0, wg);
            lstm.backward(wg, 8);
            lstmAdam.step(lstm);
            lstm.predict(w);
            vae.zeroGradients();
            vae.computeGradients(v, 8);
            vaeAdam.step(vae);
            vae.encode1(v);
        };
        // the promise is about compiled code: until C2 has compiled the kernels, the Vector API
        // runs interpreted and boxes every vector. So rounds run in windows of 500 until one
        // window allocates (nearly) nothing, within a deadline that compilation meets easily
        // (about 5,000 rounds, a few seconds, on a 2-core machine)
        long deadline = System.nanoTime() + 60_000_000_000L;
        long allocated;
        int windows = 0;
        do {
            long before = (Long) counter.invoke(bean);
            for (int k = 0; k < 500; k++) {
                work.run();
            }
            allocated = (Long) counter.invoke(bean) - before;
            windows++;
        } while (allocated >= 1024 && System.nanoTime() < deadline);
        assertTrue(allocated < 1024, "after " + windows + " windows of 500 training rounds (60 s), the last still allocated "
                + allocated + " bytes");
    }
}
