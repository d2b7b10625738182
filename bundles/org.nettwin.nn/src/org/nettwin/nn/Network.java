package org.nettwin.nn;

import java.util.Arrays;

import org.nettwin.nn.internal.VectorModule;

/**
 * What every network of this package shares: all parameters in ONE contiguous {@code double[]}
 * and the gradients in another with the same layout, so optimizers, target-network updates,
 * parameter transfer and pruning masks are single array loops.
 *
 * <p>Gradients accumulate: each backward pass adds to {@link #gradients()}; call
 * {@link #zeroGradients()} before the next batch (optimizers do not clear them).
 * Instances are not thread-safe: each owns its workspaces.
 *
 * @since 0.1
 */
public abstract sealed class Network permits Mlp, Lstm, Vae {

    final double[] params;
    final double[] grads;

    Network(int parameterCount) {
        VectorModule.require();
        this.params = new double[parameterCount];
        this.grads = new double[parameterCount];
    }

    /** Number of parameters (weights and biases). */
    public final int parameterCount() {
        return params.length;
    }

    /** The live parameter array; writing to it changes the network (pruning masks, custom updates). */
    public final double[] parameters() {
        return params;
    }

    /** The live gradient array, same layout as {@link #parameters()}. */
    public final double[] gradients() {
        return grads;
    }

    /** Sets every gradient to 0. */
    public final void zeroGradients() {
        Arrays.fill(grads, 0.0);
    }

    /** Copies the parameters into {@code dst} (length at least {@link #parameterCount()}). */
    public final void getParameters(double[] dst) {
        System.arraycopy(params, 0, dst, 0, params.length);
    }

    /** Replaces the parameters by the first {@link #parameterCount()} values of {@code src}. */
    public final void setParameters(double[] src) {
        if (src.length < params.length) {
            throw new IllegalArgumentException("need " + params.length + " parameters, got " + src.length);
        }
        System.arraycopy(src, 0, params, 0, params.length);
    }

    /**
     * Copies all parameters from a network of the same architecture (a target network's hard
     * update, or model transfer between twins of one shape).
     *
     * @throws IllegalArgumentException if the architectures differ
     */
    public final void copyParametersFrom(Network other) {
        checkSameArchitecture(other);
        System.arraycopy(other.params, 0, params, 0, params.length);
    }

    /**
     * Polyak (soft) update from a network of the same architecture:
     * {@code θ ← τ·θ_other + (1 − τ)·θ}.
     *
     * @param tau in [0, 1]; 1 copies, 0 changes nothing
     */
    public final void softUpdateFrom(Network other, double tau) {
        checkSameArchitecture(other);
        if (!(tau >= 0.0 && tau <= 1.0)) {
            throw new IllegalArgumentException("tau must be in [0, 1], got " + tau);
        }
        double[] src = other.params;
        double keep = 1.0 - tau;
        for (int k = 0; k < params.length; k++) {
            params[k] = keep * params[k] + tau * src[k];
        }
    }

    /** Input values per sample (for an LSTM: per time step times the steps). */
    public abstract int inputSize();

    /** Output values per sample. */
    public abstract int outputSize();

    /** Largest batch the training workspace holds. */
    public abstract int maxBatch();

    /**
     * A short description of the architecture, e.g. {@code mlp 16-64relu-24relu-4linear}; two
     * networks with equal descriptions have the same parameter layout.
     */
    public abstract String architecture();

    private void checkSameArchitecture(Network other) {
        if (other.getClass() != getClass() || !other.architecture().equals(architecture())) {
            throw new IllegalArgumentException("architectures differ: " + architecture() + " vs " + other.architecture());
        }
    }

    @Override
    public String toString() {
        return architecture() + " (" + params.length + " parameters)";
    }
}
