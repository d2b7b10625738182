package org.nettwin.twin.dl4j.internal;

import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nettwin.lib.dl4j.Dl4j;
import org.nettwin.twin.sequence.SequenceModel;

/**
 * A window model on deeplearning4j: an {@code LSTM} layer (tanh, sigmoid gates, DL4J's default
 * forget-gate bias 1) whose last time step ({@code LastTimeStep}) feeds a linear {@code OutputLayer}
 * with MSE, trained by Adam with per-layer L2 gradient clipping. Windows arrive as
 * {@code [sample][step][input]} and are transposed to DL4J's {@code [batch, features, time]}.
 * Every ND4J call runs inside {@link Dl4j#call}. Unlike the org.nettwin.nn model, each call
 * allocates (ND4J arrays).
 */
final class Dl4jSequenceModel implements SequenceModel {

    static final double MAX_GRAD_NORM = 5.0;

    private final MultiLayerNetwork network;
    private final int inputs;
    private final int steps;
    private final int outputs;
    private final int maxBatch;
    private final double[] single;

    Dl4jSequenceModel(int stepInputs, int steps, int outputs, int hidden, int batch, double learningRate, long seed) {
        this.inputs = stepInputs;
        this.steps = steps;
        this.outputs = outputs;
        this.maxBatch = batch;
        this.single = new double[outputs];
        this.network = Dl4j.get(() -> {
            MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(seed).dataType(DataType.DOUBLE)
                    .updater(new Adam(learningRate)).weightInit(WeightInit.XAVIER)
                    .gradientNormalization(GradientNormalization.ClipL2PerLayer).gradientNormalizationThreshold(MAX_GRAD_NORM).list()
                    .layer(new LastTimeStep(new LSTM.Builder().nIn(stepInputs).nOut(hidden).activation(Activation.TANH)
                            .gateActivationFunction(Activation.SIGMOID).build()))
                    .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(hidden).nOut(outputs).activation(Activation.IDENTITY).build())
                    .build();
            MultiLayerNetwork net = new MultiLayerNetwork(conf);
            net.init();
            return net;
        });
    }

    /** {@code [sample][step][input]} rows from {@code offset} as DL4J's {@code [batch, input, step]}. */
    private INDArray input(double[] windows, int offset, int batch) {
        double[] ncw = new double[batch * inputs * steps];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < steps; t++) {
                int from = offset + (b * steps + t) * inputs;
                for (int i = 0; i < inputs; i++) {
                    ncw[(b * inputs + i) * steps + t] = windows[from + i];
                }
            }
        }
        return Nd4j.create(ncw, new long[] {batch, inputs, steps}, 'c');
    }

    @Override
    public int maxBatch() {
        return maxBatch;
    }

    @Override
    public double fit(double[] windows, double[] targets, int batch) {
        return Dl4j.get(() -> {
            double[] labels = java.util.Arrays.copyOf(targets, batch * outputs);
            network.fit(input(windows, 0, batch), Nd4j.create(labels, new long[] {batch, outputs}, 'c'));
            return network.score(); // computed with the gradient, i.e. before the update, as the nn model reports it
        });
    }

    @Override
    public void predictBatch(double[] windows, int count, double[] out) {
        Dl4j.get(() -> {
            double[] result = network.output(input(windows, 0, count)).data().asDouble();
            System.arraycopy(result, 0, out, 0, count * outputs);
            return null;
        });
    }

    @Override
    public double[] predict(double[] window, int offset) {
        return Dl4j.get(() -> {
            System.arraycopy(network.output(input(window, offset, 1)).data().asDouble(), 0, single, 0, outputs);
            return single;
        });
    }

    @Override
    public double[] parameters() {
        return Dl4j.get(() -> network.params().dup().data().asDouble());
    }

    @Override
    public void setParameters(double[] parameters) {
        Dl4j.get(() -> {
            network.setParams(Nd4j.create(parameters, new long[] {1, parameters.length}, 'c'));
            return null;
        });
    }
}
