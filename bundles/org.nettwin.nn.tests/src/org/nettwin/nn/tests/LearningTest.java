package org.nettwin.nn.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.nettwin.nn.Activation;
import org.nettwin.nn.Adam;
import org.nettwin.nn.Gradients;
import org.nettwin.nn.Loss;
import org.nettwin.nn.Lstm;
import org.nettwin.nn.Mlp;
import org.nettwin.nn.Sgd;
import org.nettwin.nn.Vae;

/** Small problems that must actually be learned, and determinism of training. */
class LearningTest {

    /** y = (sin(2 x0) + x1·x2, x0 − x2²) on [−1, 1]³. */
    private static double[][] regressionData(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n * 3];
        double[] y = new double[n * 2];
        for (int k = 0; k < n; k++) {
            double a = 2 * r.nextDouble() - 1;
            double b = 2 * r.nextDouble() - 1;
            double c = 2 * r.nextDouble() - 1;
            x[k * 3] = a;
            x[k * 3 + 1] = b;
            x[k * 3 + 2] = c;
            y[k * 2] = Math.sin(2 * a) + b * c;
            y[k * 2 + 1] = a - c * c;
        }
        return new double[][] {x, y};
    }

    private static Mlp trainRegression(long seed, int steps, double[] lossOut) {
        double[][] data = regressionData(512, 7);
        Mlp net = Mlp.builder(3).dense(32, Activation.TANH).dense(32, Activation.RELU).dense(2, Activation.LINEAR)
                .maxBatch(32).build(seed);
        Adam adam = Adam.of(net, 3e-3);
        double[] g = new double[32 * 2];
        double[] yb = new double[32 * 2];
        double[] xb = new double[32 * 3];
        lossOut[0] = Loss.mse(net.forward(data[0], 32), data[1], 64, g);
        for (int step = 0; step < steps; step++) {
            int start = (step * 32) % 512;
            System.arraycopy(data[0], start * 3, xb, 0, 96);
            System.arraycopy(data[1], start * 2, yb, 0, 64);
            net.zeroGradients();
            Loss.mse(net.forward(xb, 32), yb, 64, g);
            net.backward(g, 32);
            Gradients.clipGlobalNorm(net.gradients(), 10.0);
            adam.step(net);
        }
        double total = 0;
        for (int start = 0; start < 512; start += 32) {
            System.arraycopy(data[0], start * 3, xb, 0, 96);
            System.arraycopy(data[1], start * 2, yb, 0, 64);
            total += Loss.mse(net.forward(xb, 32), yb, 64, g) / 16;
        }
        lossOut[1] = total;
        return net;
    }

    @Test
    void mlpLearnsARegression() {
        double[] loss = new double[2];
        trainRegression(1, 3000, loss);
        assertTrue(loss[1] < loss[0] / 50, "MSE from " + loss[0] + " to " + loss[1]);
        assertTrue(loss[1] < 0.005, "final MSE " + loss[1]);
    }

    @Test
    void identicalSeedsGiveIdenticalWeightsAfterTraining() {
        double[] loss = new double[2];
        Mlp a = trainRegression(9, 300, loss);
        Mlp b = trainRegression(9, 300, loss);
        Mlp c = trainRegression(10, 300, loss);
        assertArrayEquals(a.parameters(), b.parameters(), 0.0);
        assertTrue(a.parameters()[0] != c.parameters()[0]);
        Vae v1 = trainVae(3, 50, new double[2]);
        Vae v2 = trainVae(3, 50, new double[2]);
        assertArrayEquals(v1.parameters(), v2.parameters(), 0.0);
        assertArrayEquals(trainLstm(4, 30).parameters(), trainLstm(4, 30).parameters(), 0.0);
    }

    private static Lstm trainLstm(long seed, int steps) {
        Lstm net = Lstm.builder(3, 8, 5).dense(2, Activation.TANH).maxBatch(4).build(seed);
        Adam adam = Adam.of(net, 1e-2);
        double[] x = GradChecks.random(new SplittableRandom(1), 4 * 15, 1);
        double[] y = GradChecks.random(new SplittableRandom(2), 8, 0.5);
        double[] g = new double[8];
        for (int k = 0; k < steps; k++) {
            net.zeroGradients();
            Loss.mse(net.forward(x, 4), y, 8, g);
            net.backward(g, 4);
            adam.step(net);
        }
        return net;
    }

    @Test
    void mlpLearnsAThreeClassSpiral() {
        int n = 300;
        SplittableRandom r = new SplittableRandom(3);
        double[] x = new double[n * 2];
        int[] label = new int[n];
        for (int k = 0; k < n; k++) {
            int cls = k % 3;
            double t = (k / 3) / 100.0;
            double angle = cls * 2 * Math.PI / 3 + 4 * t + 0.1 * r.nextGaussian();
            x[k * 2] = t * Math.cos(angle);
            x[k * 2 + 1] = t * Math.sin(angle);
            label[k] = cls;
        }
        Mlp net = Mlp.builder(2).dense(32, Activation.RELU).dense(32, Activation.RELU).dense(3, Activation.LINEAR)
                .maxBatch(n).build(4);
        Adam adam = Adam.of(net, 1e-2);
        double[] g = new double[n * 3];
        double first = Loss.softmaxCrossEntropy(net.forward(x, n), label, n, 3, g);
        double last = first;
        for (int epoch = 0; epoch < 600; epoch++) {
            net.zeroGradients();
            last = Loss.softmaxCrossEntropy(net.forward(x, n), label, n, 3, g);
            net.backward(g, n);
            adam.step(net);
        }
        double[] logits = net.forward(x, n);
        int correct = 0;
        for (int k = 0; k < n; k++) {
            int best = 0;
            for (int j = 1; j < 3; j++) {
                if (logits[k * 3 + j] > logits[k * 3 + best]) {
                    best = j;
                }
            }
            correct += best == label[k] ? 1 : 0;
        }
        assertTrue(last < first / 10, "cross-entropy from " + first + " to " + last);
        assertTrue(correct >= 0.95 * n, correct + " of " + n + " correct");
    }

    @Test
    void softmaxHeadWithSgdFitsADistribution() {
        Mlp net = Mlp.builder(1).dense(8, Activation.TANH).dense(3, Activation.LINEAR).softmax().build(5);
        Sgd sgd = new Sgd(net.parameterCount(), 0.5, 0.9);
        double[] x = {1.0};
        double[] target = {0.7, 0.2, 0.1};
        double[] g = new double[3];
        double first = Loss.mse(net.forward(x, 1), target, 3, g);
        double last = first;
        for (int k = 0; k < 500; k++) {
            net.zeroGradients();
            last = Loss.mse(net.forward(x, 1), target, 3, g);
            net.backward(g, 1);
            sgd.step(net);
        }
        assertTrue(last < first / 1000, "MSE to the target distribution from " + first + " to " + last);
    }

    /**
     * Sequence task: from a window of 6 random values (plus a marker channel), output the value
     * at the marked step and the sum of the window; needs both memory and integration.
     */
    @Test
    void lstmLearnsASequenceTask() {
        int steps = 6;
        int batch = 32;
        Lstm net = Lstm.builder(2, 24, steps).dense(2, Activation.LINEAR).maxBatch(batch).build(2);
        Adam adam = Adam.of(net, 1e-2);
        SplittableRandom r = new SplittableRandom(8);
        double[] x = new double[batch * steps * 2];
        double[] y = new double[batch * 2];
        double[] g = new double[batch * 2];
        double firstLoss = 0;
        double lastLoss = 0;
        int rounds = 1500;
        for (int round = 0; round < rounds; round++) {
            for (int b = 0; b < batch; b++) {
                int marked = r.nextInt(steps);
                double sum = 0;
                for (int t = 0; t < steps; t++) {
                    double v = 2 * r.nextDouble() - 1;
                    x[(b * steps + t) * 2] = v;
                    x[(b * steps + t) * 2 + 1] = t == marked ? 1 : 0;
                    sum += v;
                    if (t == marked) {
                        y[b * 2] = v;
                    }
                }
                y[b * 2 + 1] = sum / steps;
            }
            net.zeroGradients();
            double loss = Loss.mse(net.forward(x, batch), y, batch * 2, g);
            net.backward(g, batch);
            Gradients.clipGlobalNorm(net.gradients(), 1.0);
            adam.step(net);
            if (round < 20) {
                firstLoss += loss / 20;
            }
            if (round >= rounds - 20) {
                lastLoss += loss / 20;
            }
        }
        assertTrue(lastLoss < firstLoss / 20, "LSTM MSE from " + firstLoss + " to " + lastLoss);
    }

    private static Vae trainVae(long seed, int steps, double[] loss) {
        // 7-dimensional points on a 2-dimensional manifold
        int n = 256;
        SplittableRandom r = new SplittableRandom(11);
        double[] x = new double[n * 7];
        for (int k = 0; k < n; k++) {
            double a = 2 * r.nextDouble() - 1;
            double b = 2 * r.nextDouble() - 1;
            double[] row = {a, b, a + b, a - b, a * b, 0.5 * a, -b};
            System.arraycopy(row, 0, x, k * 7, 7);
        }
        Vae vae = Vae.builder(7, 4).encoder(32, 16).decoder(16, 32).beta(0.01).maxBatch(32).build(seed);
        Adam adam = Adam.of(vae, 3e-3);
        double[] xb = new double[32 * 7];
        for (int step = 0; step < steps; step++) {
            System.arraycopy(x, ((step * 32) % n) * 7, xb, 0, 32 * 7);
            vae.zeroGradients();
            vae.computeGradients(xb, 32);
            adam.step(vae);
            if (step == 0) {
                loss[0] = vae.lastReconstructionLoss();
            }
            loss[1] = vae.lastReconstructionLoss();
        }
        return vae;
    }

    @Test
    void vaeLearnsToReconstruct() {
        double[] loss = new double[2];
        trainVae(1, 2000, loss);
        assertTrue(loss[1] < loss[0] / 10, "VAE reconstruction MSE from " + loss[0] + " to " + loss[1]);
    }
}
