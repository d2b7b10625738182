package org.nettwin.nn.tests;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.nettwin.nn.Activation;
import org.nettwin.nn.Lstm;

/** Numerical gradient checks of backpropagation through time, with and without a dense head. */
class LstmGradientTest {

    private static double probe(Lstm net, double[] x, int batch, double[] r) {
        return GradChecks.dot(net.forward(x, batch), r, batch * net.outputSize());
    }

    private static void checkAll(Lstm net, int batch, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = GradChecks.random(rnd, batch * net.inputSize(), 1.0);
        double[] r = GradChecks.random(rnd, batch * net.outputSize(), 1.0);
        double[] p = net.parameters();
        // non-trivial biases so every gate's gradient path is exercised away from symmetric points
        for (int k = 0; k < p.length; k++) {
            p[k] += 0.05 * (2 * rnd.nextDouble() - 1);
        }
        net.forward(x, batch);
        net.zeroGradients();
        double[] dx = new double[batch * net.inputSize()];
        net.backward(r, batch, dx);
        double[] analytic = net.gradients().clone();
        GradChecks.check(net.architecture() + " parameters", p, analytic, () -> probe(net, x, batch, r));
        GradChecks.check(net.architecture() + " inputs", x, dx, () -> probe(net, x, batch, r));
    }

    @Test
    void overSeveralStepsWithHead() {
        checkAll(Lstm.builder(3, 5, 4).dense(6, Activation.TANH).dense(2, Activation.LINEAR).maxBatch(6).build(7), 5, 1);
    }

    @Test
    void withoutHeadOutputIsLastHiddenState() {
        checkAll(Lstm.builder(2, 4, 6).maxBatch(3).build(8), 3, 2);
    }

    @Test
    void singleWindowAndSingleStep() {
        checkAll(Lstm.builder(3, 3, 1).dense(2, Activation.SIGMOID).build(9), 1, 3);
        checkAll(Lstm.builder(3, 3, 5).dense(2, Activation.RELU).build(10), 1, 4);
    }
}
