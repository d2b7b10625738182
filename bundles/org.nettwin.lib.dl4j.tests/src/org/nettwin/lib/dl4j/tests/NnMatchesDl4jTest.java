package org.nettwin.lib.dl4j.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.SplittableRandom;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nettwin.lib.dl4j.Dl4j;
import org.nettwin.nn.Loss;
import org.nettwin.nn.Mlp;

/**
 * deeplearning4j is the reference that keeps our kernels honest: the same MLP with the same
 * weights gives the same outputs and the same gradients (to 1e-5 relative) in org.nettwin.nn and
 * in deeplearning4j.
 */
class NnMatchesDl4jTest {

    static final int IN = 16;
    static final int[] UNITS = {64, 24, 4};
    static final Activation[] DL4J = {Activation.RELU, Activation.TANH, Activation.IDENTITY};
    static final org.nettwin.nn.Activation[] OURS = {org.nettwin.nn.Activation.RELU, org.nettwin.nn.Activation.TANH,
            org.nettwin.nn.Activation.LINEAR};
    static final int BATCH = 8;

    static void assertClose(double expected, double actual, String what) {
        double scale = Math.max(1e-8, Math.max(Math.abs(expected), Math.abs(actual)));
        assertEquals(0.0, Math.abs(expected - actual) / scale, 1e-5, what + ": " + expected + " vs " + actual);
    }

    @Test
    void sameWeightsGiveTheSameOutputsAndGradients() throws Exception {
        Mlp ours = Mlp.builder(IN).dense(UNITS[0], OURS[0]).dense(UNITS[1], OURS[1]).dense(UNITS[2], OURS[2]).maxBatch(BATCH).build(3);
        SplittableRandom random = new SplittableRandom(4);
        double[] x = new double[BATCH * IN];
        double[] y = new double[BATCH * UNITS[2]];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextDouble(-1, 1);
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = random.nextDouble(-1, 1);
        }
        // ours: loss = mean over all batch x output elements of the squared error, as DL4J's MSE with minibatch averaging
        double[] out = ours.forward(x, BATCH).clone();
        double[] dOut = new double[out.length];
        double ourLoss = Loss.mse(out, y, out.length, dOut);
        ours.zeroGradients();
        ours.backward(dOut, BATCH);
        double[] ourGrad = ours.gradients().clone();

        Dl4j.call(() -> {
            NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder().seed(1).dataType(DataType.DOUBLE)
                    .updater(new Sgd(0.0)).list();
            int fanIn = IN;
            for (int l = 0; l < UNITS.length; l++) {
                list.layer(l == UNITS.length - 1
                        ? new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(fanIn).nOut(UNITS[l]).activation(DL4J[l]).build()
                        : new DenseLayer.Builder().nIn(fanIn).nOut(UNITS[l]).activation(DL4J[l]).build());
                fanIn = UNITS[l];
            }
            MultiLayerConfiguration conf = list.build();
            MultiLayerNetwork reference = new MultiLayerNetwork(conf);
            reference.init();
            // copy our weights: W[i][o] at weightOffset + i*units + o, then the biases
            double[] p = ours.parameters();
            fanIn = IN;
            for (int l = 0; l < UNITS.length; l++) {
                double[][] w = new double[fanIn][UNITS[l]];
                for (int i = 0; i < fanIn; i++) {
                    for (int o = 0; o < UNITS[l]; o++) {
                        w[i][o] = p[ours.weightOffset(l) + i * UNITS[l] + o];
                    }
                }
                double[] b = java.util.Arrays.copyOfRange(p, ours.biasOffset(l), ours.biasOffset(l) + UNITS[l]);
                reference.setParam(l + "_W", Nd4j.create(w));
                reference.setParam(l + "_b", Nd4j.create(b, new long[] {1, UNITS[l]}));
                fanIn = UNITS[l];
            }
            INDArray input = Nd4j.create(x, new long[] {BATCH, IN});
            INDArray labels = Nd4j.create(y, new long[] {BATCH, UNITS[2]});
            double[] theirOut = reference.output(input).data().asDouble();
            for (int i = 0; i < out.length; i++) {
                assertClose(theirOut[i], out[i], "output " + i);
            }
            reference.setInput(input);
            reference.setLabels(labels);
            reference.computeGradientAndScore();
            assertClose(reference.score(), ourLoss, "loss");
            // DL4J's raw gradient is summed over the minibatch; its updater divides by the batch size afterwards
            Gradient g = reference.gradient();
            Map<String, INDArray> grads = g.gradientForVariable();
            int inputs = IN;
            for (int l = 0; l < UNITS.length; l++) {
                INDArray gw = grads.get(l + "_W");
                for (int i = 0; i < inputs; i++) {
                    for (int o = 0; o < UNITS[l]; o++) {
                        assertClose(gw.getDouble(i, o) / BATCH, ourGrad[ours.weightOffset(l) + i * UNITS[l] + o],
                                "dW layer " + l + " [" + i + "][" + o + "]");
                    }
                }
                INDArray gb = grads.get(l + "_b");
                for (int o = 0; o < UNITS[l]; o++) {
                    assertClose(gb.getDouble((long) o) / BATCH, ourGrad[ours.biasOffset(l) + o], "db layer " + l + " [" + o + "]");
                }
                inputs = UNITS[l];
            }
            return null;
        });
    }
}
