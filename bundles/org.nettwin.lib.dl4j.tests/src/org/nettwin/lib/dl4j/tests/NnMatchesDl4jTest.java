package org.nettwin.lib.dl4j.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.SplittableRandom;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
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
import org.nettwin.nn.Lstm;
import org.nettwin.nn.Mlp;

/**
 * deeplearning4j is the reference that keeps our kernels honest: the same MLP, and the same LSTM
 * with a dense head, with the same weights give the same outputs and the same gradients (to 1e-5
 * relative) in org.nettwin.nn and in deeplearning4j.
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

    static final int LSTM_IN = 8;
    static final int LSTM_HIDDEN = 32;
    static final int LSTM_STEPS = 10;
    static final int LSTM_OUT = 4;
    /**
     * Where our gate {@code q} (order i, f, g, o) lives among DL4J's four gate blocks: DL4J's
     * LSTMHelpers order them (block input g, forget f, output o, input i).
     */
    static final int[] DL4J_BLOCK = {3, 1, 0, 2};

    /** Our column {@code q·H + k} of a gate matrix as DL4J's column. */
    static int dl4jColumn(int column) {
        return DL4J_BLOCK[column / LSTM_HIDDEN] * LSTM_HIDDEN + column % LSTM_HIDDEN;
    }

    @Test
    void sameLstmWeightsGiveTheSameOutputsAndGradients() throws Exception {
        Lstm ours = Lstm.builder(LSTM_IN, LSTM_HIDDEN, LSTM_STEPS).dense(LSTM_OUT, org.nettwin.nn.Activation.LINEAR).maxBatch(BATCH).build(5);
        SplittableRandom random = new SplittableRandom(6);
        double[] x = new double[BATCH * LSTM_STEPS * LSTM_IN]; // ours: [batch][step][input]
        double[] y = new double[BATCH * LSTM_OUT];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextDouble(-1, 1);
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = random.nextDouble(-1, 1);
        }
        // non-trivial biases everywhere (ours start at 0 except the forget gate's 1), so the bias layout is checked too
        double[] p = ours.parameters();
        int g4 = 4 * LSTM_HIDDEN;
        int bias = (LSTM_IN + LSTM_HIDDEN) * g4;
        for (int k = 0; k < g4; k++) {
            p[bias + k] += random.nextDouble(-0.5, 0.5);
        }
        double[] out = ours.forward(x, BATCH).clone();
        double[] dOut = new double[out.length];
        double ourLoss = Loss.mse(out, y, out.length, dOut);
        ours.zeroGradients();
        ours.backward(dOut, BATCH);
        double[] ourGrad = ours.gradients().clone();
        int head = bias + g4;

        Dl4j.call(() -> {
            MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(1).dataType(DataType.DOUBLE).updater(new Sgd(0.0)).list()
                    .layer(new LastTimeStep(new LSTM.Builder().nIn(LSTM_IN).nOut(LSTM_HIDDEN).activation(Activation.TANH)
                            .gateActivationFunction(Activation.SIGMOID).build()))
                    .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(LSTM_HIDDEN).nOut(LSTM_OUT).activation(Activation.IDENTITY)
                            .build())
                    .build();
            MultiLayerNetwork reference = new MultiLayerNetwork(conf);
            reference.init(); // DL4J initialises its forget-gate biases to 1; every parameter is overwritten below
            double[][] w = new double[LSTM_IN][g4];
            double[][] rw = new double[LSTM_HIDDEN][g4];
            double[] b = new double[g4];
            for (int c = 0; c < g4; c++) {
                for (int i = 0; i < LSTM_IN; i++) {
                    w[i][dl4jColumn(c)] = p[i * g4 + c];
                }
                for (int j = 0; j < LSTM_HIDDEN; j++) {
                    rw[j][dl4jColumn(c)] = p[(LSTM_IN + j) * g4 + c];
                }
                b[dl4jColumn(c)] = p[bias + c];
            }
            double[][] hw = new double[LSTM_HIDDEN][LSTM_OUT];
            for (int j = 0; j < LSTM_HIDDEN; j++) {
                for (int o = 0; o < LSTM_OUT; o++) {
                    hw[j][o] = p[head + j * LSTM_OUT + o];
                }
            }
            reference.setParam("0_W", Nd4j.create(w));
            reference.setParam("0_RW", Nd4j.create(rw));
            reference.setParam("0_b", Nd4j.create(b, new long[] {1, g4}));
            reference.setParam("1_W", Nd4j.create(hw));
            reference.setParam("1_b", Nd4j.create(java.util.Arrays.copyOfRange(p, head + LSTM_HIDDEN * LSTM_OUT, head + LSTM_HIDDEN * LSTM_OUT + LSTM_OUT),
                    new long[] {1, LSTM_OUT}));
            // DL4J's recurrent input is [batch, features, time]
            double[] ncw = new double[x.length];
            for (int s = 0; s < BATCH; s++) {
                for (int t = 0; t < LSTM_STEPS; t++) {
                    for (int i = 0; i < LSTM_IN; i++) {
                        ncw[(s * LSTM_IN + i) * LSTM_STEPS + t] = x[(s * LSTM_STEPS + t) * LSTM_IN + i];
                    }
                }
            }
            INDArray input = Nd4j.create(ncw, new long[] {BATCH, LSTM_IN, LSTM_STEPS}, 'c');
            INDArray labels = Nd4j.create(y, new long[] {BATCH, LSTM_OUT});
            double[] theirOut = reference.output(input).data().asDouble();
            for (int i = 0; i < out.length; i++) {
                assertClose(theirOut[i], out[i], "LSTM output " + i);
            }
            reference.setInput(input);
            reference.setLabels(labels);
            reference.computeGradientAndScore();
            assertClose(reference.score(), ourLoss, "LSTM loss");
            Map<String, INDArray> grads = reference.gradient().gradientForVariable();
            INDArray gw = grads.get("0_W");
            INDArray grw = grads.get("0_RW");
            INDArray gb = grads.get("0_b");
            for (int c = 0; c < g4; c++) {
                int dc = dl4jColumn(c);
                for (int i = 0; i < LSTM_IN; i++) {
                    assertClose(gw.getDouble(i, dc) / BATCH, ourGrad[i * g4 + c], "dWx [" + i + "][" + c + "]");
                }
                for (int j = 0; j < LSTM_HIDDEN; j++) {
                    assertClose(grw.getDouble(j, dc) / BATCH, ourGrad[(LSTM_IN + j) * g4 + c], "dWh [" + j + "][" + c + "]");
                }
                assertClose(gb.getDouble((long) dc) / BATCH, ourGrad[bias + c], "db [" + c + "]");
            }
            INDArray ghw = grads.get("1_W");
            INDArray ghb = grads.get("1_b");
            for (int o = 0; o < LSTM_OUT; o++) {
                for (int j = 0; j < LSTM_HIDDEN; j++) {
                    assertClose(ghw.getDouble(j, o) / BATCH, ourGrad[head + j * LSTM_OUT + o], "head dW [" + j + "][" + o + "]");
                }
                assertClose(ghb.getDouble((long) o) / BATCH, ourGrad[head + LSTM_HIDDEN * LSTM_OUT + o], "head db [" + o + "]");
            }
            return null;
        });
    }
}
