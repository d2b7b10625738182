package org.nettwin.nn.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nettwin.nn.Activation;
import org.nettwin.nn.Mlp;

/**
 * Numerical gradient checks of dense stacks: every activation, the softmax head, both the
 * small-batch and the transposed input-gradient paths, parameter and input gradients.
 */
class DenseGradientTest {

    /** L = Σ r ⊙ f(x): its gradient with respect to the output is r. */
    private static double probe(Mlp net, double[] x, int batch, double[] r) {
        return GradChecks.dot(net.forward(x, batch), r, batch * net.outputSize());
    }

    private static void checkAll(Mlp net, int batch, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = GradChecks.random(rnd, batch * net.inputSize(), 1.0);
        double[] r = GradChecks.random(rnd, batch * net.outputSize(), 1.0);
        // perturb biases away from 0 so ReLU kinks and symmetric cases are not hit
        double[] p = net.parameters();
        for (int l = 0; l < net.layerCount(); l++) {
            for (int k = 0; k < net.units(l); k++) {
                p[net.biasOffset(l) + k] = 0.1 * (2 * rnd.nextDouble() - 1);
            }
        }
        net.forward(x, batch);
        net.zeroGradients();
        double[] dx = new double[batch * net.inputSize()];
        net.backward(r, batch, dx);
        double[] analytic = net.gradients().clone();
        GradChecks.check(net.architecture() + " parameters", p, analytic, () -> probe(net, x, batch, r));
        GradChecks.check(net.architecture() + " inputs", x, dx, () -> probe(net, x, batch, r));

        // the input-only path gives the same input gradient and leaves parameter gradients alone
        net.forward(x, batch);
        net.zeroGradients();
        double[] dx2 = new double[dx.length];
        net.inputGradient(r, batch, dx2);
        for (int k = 0; k < dx.length; k++) {
            assertEquals(dx[k], dx2[k], 1e-14 * (1 + Math.abs(dx[k])));
        }
        for (double g : net.gradients()) {
            assertEquals(0.0, g);
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void everyActivationHiddenAndOutput(Activation a) {
        Mlp net = Mlp.builder(5).dense(7, a).dense(6, a).dense(3, a).maxBatch(8).build(11);
        checkAll(net, 6, 1);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 8})
    void batchSizesAcrossBothInputGradientPaths(int batch) {
        Mlp net = Mlp.builder(4).dense(9, Activation.TANH).dense(5, Activation.RELU).dense(2, Activation.LINEAR)
                .maxBatch(8).build(3);
        checkAll(net, batch, 2);
    }

    @Test
    void softmaxHead() {
        Mlp net = Mlp.builder(4).dense(8, Activation.SIGMOID).dense(5, Activation.LINEAR).softmax().maxBatch(4).build(5);
        checkAll(net, 4, 3);
    }

    @Test
    void singleLayer() {
        Mlp net = Mlp.builder(3).dense(2, Activation.TANH).maxBatch(5).build(9);
        checkAll(net, 5, 4);
    }
}
