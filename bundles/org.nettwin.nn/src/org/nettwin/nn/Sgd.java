package org.nettwin.nn;

import java.util.Arrays;

/**
 * Stochastic gradient descent, with optional (heavy-ball) momentum:
 * {@code u ← μu + g}, {@code θ ← θ − lr·u} (PyTorch's convention; μ = 0 is plain SGD).
 *
 * @since 0.1
 */
public final class Sgd implements Optimizer {

    private final double[] velocity;
    private final double momentum;
    private double learningRate;

    /** Plain SGD. */
    public Sgd(int size, double learningRate) {
        this(size, learningRate, 0.0);
    }

    /** SGD with momentum μ in [0, 1). */
    public Sgd(int size, double learningRate, double momentum) {
        if (size < 0 || !(learningRate > 0) || !(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("invalid SGD settings: size " + size + ", lr " + learningRate + ", momentum " + momentum);
        }
        this.velocity = new double[size];
        this.learningRate = learningRate;
        this.momentum = momentum;
    }

    @Override
    public void step(double[] params, double[] grads) {
        int n = velocity.length;
        double lr = learningRate;
        if (momentum == 0.0) {
            for (int k = 0; k < n; k++) {
                params[k] -= lr * grads[k];
            }
            return;
        }
        double mu = momentum;
        double[] u = velocity;
        for (int k = 0; k < n; k++) {
            double uk = mu * u[k] + grads[k];
            u[k] = uk;
            params[k] -= lr * uk;
        }
    }

    @Override
    public int size() {
        return velocity.length;
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    @Override
    public void setLearningRate(double learningRate) {
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
        }
        this.learningRate = learningRate;
    }

    @Override
    public void reset() {
        Arrays.fill(velocity, 0.0);
    }

    /** μ. */
    public double momentum() {
        return momentum;
    }

    /** The live velocity array (for saving and inspection). */
    public double[] velocity() {
        return velocity;
    }

    void restore(double[] u) {
        System.arraycopy(u, 0, velocity, 0, velocity.length);
    }
}
