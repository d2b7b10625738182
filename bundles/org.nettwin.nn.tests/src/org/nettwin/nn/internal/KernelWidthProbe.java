package org.nettwin.nn.internal;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

import org.nettwin.nn.Activation;
import org.nettwin.nn.Adam;
import org.nettwin.nn.Loss;
import org.nettwin.nn.Lstm;
import org.nettwin.nn.Mlp;
import org.nettwin.nn.Vae;

import jdk.incubator.vector.DoubleVector;

/**
 * The child JVM of {@link KernelWidthTest}: runs every kernel and a few training steps of each
 * network kind on fixed data and prints the vector width and a SHA-256 of every result's bits,
 * once cold (the first call of everything, interpreted: the Vector API's Java fallback) and once
 * after enough rounds for C2 to compile the kernels with vector intrinsics.
 *
 * <p>Output: {@code bits=<vector bits> cold=<hash> hot=<hash>} ({@code hot=-} with {@code cold}).
 */
public final class KernelWidthProbe {

    private static final int[] WIDTHS = {1, 2, 3, 5, 8, 9, 16, 17, 24, 27};
    private static final int[] BATCHES = {1, 3, 8, 9, 16, 31, 32};
    private static final int STRIDE = 32;

    private final MessageDigest digest;
    private final ByteBuffer buffer = ByteBuffer.allocate(8);

    private KernelWidthProbe() throws NoSuchAlgorithmException {
        digest = MessageDigest.getInstance("SHA-256");
    }

    public static void main(String[] args) throws Exception {
        boolean coldOnly = args.length > 0 && args[0].equals("cold");
        String cold = new KernelWidthProbe().round();
        String hot = "-";
        if (!coldOnly) {
            for (int r = 0; r < 25; r++) {
                new KernelWidthProbe().round();
            }
            hot = new KernelWidthProbe().round();
        }
        System.out.println("bits=" + DoubleVector.SPECIES_PREFERRED.vectorBitSize() + " cold=" + cold + " hot=" + hot);
    }

    private String round() {
        kernels(new SplittableRandom(1));
        activationsAndCells(new SplittableRandom(2));
        training(new SplittableRandom(3));
        return HexFormat.of().formatHex(digest.digest());
    }

    private void add(double[] a) {
        for (double v : a) {
            buffer.clear();
            digest.update(buffer.putDouble(v).array());
        }
    }

    private static double[] random(SplittableRandom rnd, int n) {
        double[] a = new double[n];
        for (int k = 0; k < n; k++) {
            // a quarter zeros: denseForward1 gathers the others
            a[k] = rnd.nextInt(4) == 0 ? 0.0 : rnd.nextDouble(-1, 1);
        }
        return a;
    }

    /** Every dense kernel at shapes that reach every register block and scalar tail of every width. */
    private void kernels(SplittableRandom rnd) {
        for (int nIn : WIDTHS) {
            for (int nOut : WIDTHS) {
                double[] p = random(rnd, 3 + nIn * nOut + nOut);
                int bOff = 3 + nIn * nOut;
                int[] index = new int[nIn];
                double[] value = new double[nIn];
                double[] y1 = new double[nOut];
                double[] x1 = random(rnd, nIn);
                Kernels.denseForward1(x1, 0, nIn, p, 3, bOff, y1, nOut, index, value);
                add(y1);
                Kernels.denseForward1Dense(x1, nIn, p, 3, bOff, y1, nOut, Kernels.identity(nIn));
                add(y1);
                for (int batch : BATCHES) {
                    double[] x = random(rnd, nIn * STRIDE);
                    double[] y = new double[nOut * STRIDE];
                    Kernels.denseForward(x, STRIDE, nIn, p, 3, bOff, y, nOut, batch);
                    add(y);
                    double[] t = new double[nIn * STRIDE];
                    Kernels.denseInputGradient(y, STRIDE, nOut, p, 3, t, nIn, batch);
                    add(t);
                    double[] dS = new double[STRIDE * nOut];
                    Kernels.toSampleMajor(y, 0, STRIDE, nOut, batch, dS, 0);
                    double[] g = random(rnd, 3 + nIn * nOut);
                    Kernels.weightGradient(x, STRIDE, nIn, dS, batch, nOut, g, 3);
                    add(g);
                    Kernels.reluDerivative(x, y, 0, Math.min(x.length, y.length));
                    Kernels.relu(y, 0, y.length);
                    add(y);
                }
            }
        }
    }

    /** Sigmoid, tanh and the LSTM cell forward and backward over runs of every length up to 40. */
    private void activationsAndCells(SplittableRandom rnd) {
        for (int n = 1; n <= 40; n++) {
            double[] a = random(rnd, n + 2);
            for (int k = 0; k < a.length; k++) {
                a[k] *= 30;
            }
            double[] b = a.clone();
            Sigmoids.sigmoid(a, 1, n);
            Sigmoids.tanh(b, 1, n);
            add(a);
            add(b);
        }
        for (int hidden : new int[] {1, 3, 8, 9}) {
            for (int batch : BATCHES) {
                double[] z = random(rnd, 4 * hidden * STRIDE);
                double[] cPrev = random(rnd, hidden * STRIDE);
                double[] c = new double[hidden * STRIDE];
                double[] tc = new double[hidden * STRIDE];
                double[] h = new double[hidden * STRIDE];
                for (int k = 0; k < hidden; k++) {
                    LstmCells.forward(z, hidden, k, STRIDE, k % 2 == 0 ? cPrev : null, c, tc, h, k * STRIDE, batch);
                }
                double[] dh = random(rnd, hidden * STRIDE);
                double[] dc = random(rnd, hidden * STRIDE);
                double[] dz = new double[4 * hidden * STRIDE];
                for (int k = 0; k < hidden; k++) {
                    LstmCells.backward(z, tc, k % 2 == 0 ? cPrev : null, dh, dc, dz, hidden, k, STRIDE, batch);
                }
                add(z);
                add(c);
                add(h);
                add(dz);
                add(dc);
                double[] z1 = random(rnd, 4 * hidden);
                double[] c1 = random(rnd, hidden);
                double[] h1 = new double[hidden];
                LstmCells.forward1(z1, hidden, c1, false, new double[hidden], h1, 0);
                add(h1);
                add(c1);
            }
        }
    }

    /** A few training steps of an MLP (DQN-sized), an LSTM and a VAE with Adam, and their batch-1 outputs. */
    private void training(SplittableRandom rnd) {
        Mlp mlp = Mlp.builder(16).dense(64, Activation.RELU).dense(24, Activation.TANH).dense(4, Activation.LINEAR).maxBatch(32)
                .build(7);
        Adam adam = new Adam(mlp.parameterCount(), 1e-3);
        double[] x = random(rnd, 32 * 16);
        double[] target = random(rnd, 32 * 4);
        double[] grad = new double[32 * 4];
        for (int step = 0; step < 5; step++) {
            mlp.zeroGradients();
            Loss.mse(mlp.forward(x, 32), target, 32 * 4, grad);
            mlp.backward(grad, 32);
            adam.step(mlp);
        }
        add(mlp.parameters());
        add(mlp.predict(x));

        Mlp softmax = Mlp.builder(5).dense(12, Activation.SIGMOID).dense(3, Activation.LINEAR).softmax().maxBatch(9).build(8);
        Adam softmaxAdam = new Adam(softmax.parameterCount(), 1e-2);
        double[] sx = random(rnd, 9 * 5);
        int[] labels = new int[9];
        for (int b = 0; b < 9; b++) {
            labels[b] = b % 3;
        }
        double[] sGrad = new double[9 * 3];
        softmax.zeroGradients();
        double[] logits = softmax.forward(sx, 9);
        Loss.softmaxCrossEntropy(logits, labels, 9, 3, sGrad);
        softmax.backward(sGrad, 9);
        softmaxAdam.step(softmax);
        add(softmax.parameters());

        Lstm lstm = Lstm.builder(8, 12, 10).dense(8, Activation.LINEAR).maxBatch(9).build(9);
        Adam lstmAdam = new Adam(lstm.parameterCount(), 1e-3);
        double[] windows = random(rnd, 9 * 10 * 8);
        double[] lstmTarget = random(rnd, 9 * 8);
        double[] lstmGrad = new double[9 * 8];
        for (int step = 0; step < 3; step++) {
            lstm.zeroGradients();
            Loss.mse(lstm.forward(windows, 9), lstmTarget, 9 * 8, lstmGrad);
            lstm.backward(lstmGrad, 9);
            lstmAdam.step(lstm);
        }
        add(lstm.parameters());
        add(lstm.predict(windows));

        Vae vae = Vae.builder(7, 4).encoder(24, 9).decoder(9, 24).beta(0.01).maxBatch(17).build(10);
        Adam vaeAdam = new Adam(vae.parameterCount(), 1e-3);
        double[] data = random(rnd, 17 * 7);
        for (int step = 0; step < 3; step++) {
            vae.zeroGradients();
            vae.computeGradients(data, 17);
            vaeAdam.step(vae);
        }
        add(vae.parameters());
        add(vae.decode1(vae.encode1(data)));
    }
}
