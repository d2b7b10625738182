package org.nettwin.twin.lstm.internal;

import org.nettwin.nn.Activation;
import org.nettwin.nn.Adam;
import org.nettwin.nn.Gradients;
import org.nettwin.nn.Loss;
import org.nettwin.nn.Lstm;
import org.nettwin.twin.sequence.SequenceModel;

/**
 * A window model on {@code org.nettwin.nn}: one LSTM layer over the window, a linear head on the
 * last hidden state, MSE, BPTT, global-norm clipping and Adam. Training and the batch-1 path
 * allocate nothing.
 */
final class LstmSequenceModel implements SequenceModel {

    static final double MAX_GRAD_NORM = 5.0;

    private final Lstm network;
    private final Adam adam;
    private final double[] dOut;
    private final int outputs;

    LstmSequenceModel(int stepInputs, int steps, int outputs, int hidden, int batch, double learningRate, long seed) {
        this.network = Lstm.builder(stepInputs, hidden, steps).dense(outputs, Activation.LINEAR).maxBatch(batch).build(seed);
        this.adam = Adam.of(network, learningRate);
        this.dOut = new double[batch * outputs];
        this.outputs = outputs;
    }

    @Override
    public int maxBatch() {
        return network.maxBatch();
    }

    @Override
    public double fit(double[] windows, double[] targets, int batch) {
        double[] out = network.forward(windows, batch);
        double loss = Loss.mse(out, targets, batch * outputs, dOut);
        network.zeroGradients();
        network.backward(dOut, batch);
        Gradients.clipGlobalNorm(network.gradients(), MAX_GRAD_NORM);
        adam.step(network);
        return loss;
    }

    @Override
    public void predictBatch(double[] windows, int count, double[] out) {
        System.arraycopy(network.forward(windows, count), 0, out, 0, count * outputs);
    }

    @Override
    public double[] predict(double[] window, int offset) {
        return network.predict(window, offset);
    }

    @Override
    public double[] parameters() {
        return network.parameters().clone();
    }

    @Override
    public void setParameters(double[] parameters) {
        network.setParameters(parameters);
    }

    /** @return the network (tests and benchmarks) */
    Lstm network() {
        return network;
    }
}
