package org.nettwin.nn;

import java.util.ArrayList;
import java.util.List;

import org.nettwin.nn.internal.DenseStack;
import org.nettwin.nn.internal.SplitMix;

/**
 * A sequential stack of dense layers, optionally with a softmax head:
 * <pre>{@code
 * Mlp q = Mlp.builder(16).dense(64, RELU).dense(24, RELU).dense(4, LINEAR).maxBatch(32).build(seed);
 * double[] out = q.forward(batch, 32);     // training forward, kept for backward
 * q.zeroGradients();
 * q.backward(dLdOut, 32);                  // adds to q.gradients()
 * adam.step(q);
 * double[] action = q.predict(observation); // batch-1 inference, own buffers
 * }</pre>
 *
 * <p>Parameter layout: layer after layer, each as weights {@code W[i][o]} (input-major, at
 * {@link #weightOffset(int)} {@code + i * units + o}) then its biases. Buffers returned by
 * {@link #forward}, {@link #predict(double[])} belong to the network and are overwritten by the
 * next call of the same method. After construction, forward, predict and backward allocate
 * nothing.
 *
 * @since 0.1
 */
public final class Mlp extends Network {

    private final DenseStack stack;
    private final String architecture;

    private Mlp(int inputs, int[] units, Activation[] activations, boolean softmax, int maxBatch, Init init, long seed) {
        super(DenseStack.parameterCount(inputs, units));
        this.stack = new DenseStack(inputs, units, activations, softmax, maxBatch, params, grads, 0);
        stack.initialise(new SplitMix(seed), init);
        this.architecture = describe("mlp", inputs, units, activations, softmax);
    }

    static String describe(String kind, int inputs, int[] units, Activation[] activations, boolean softmax) {
        StringBuilder s = new StringBuilder(kind).append(' ').append(inputs);
        for (int l = 0; l < units.length; l++) {
            s.append('-').append(units[l]).append(activations[l].name().toLowerCase(java.util.Locale.ROOT));
        }
        if (softmax) {
            s.append("-softmax");
        }
        return s.toString();
    }

    /** Starts a network reading {@code inputs} values per sample. */
    public static Builder builder(int inputs) {
        return new Builder(inputs);
    }

    /**
     * Training forward pass of {@code batch} samples (row-major {@code batch × inputSize()}).
     * The activations are kept for {@link #backward}; the returned buffer
     * ({@code batch × outputSize()}, row-major) is valid until the next {@code forward}.
     */
    public double[] forward(double[] x, int batch) {
        return stack.forward(x, 0, batch);
    }

    /** {@link #forward(double[], int)} reading the batch from {@code x} at {@code offset}. */
    public double[] forward(double[] x, int offset, int batch) {
        return stack.forward(x, offset, batch);
    }

    /**
     * Batch-1 inference through buffers of its own: does not disturb a pending
     * forward/backward pair. The returned buffer is valid until the next {@code predict}.
     */
    public double[] predict(double[] x) {
        return stack.forward1(x, 0);
    }

    /** {@link #predict(double[])} reading the sample at {@code offset}. */
    public double[] predict(double[] x, int offset) {
        return stack.forward1(x, offset);
    }

    /**
     * Backward pass of the last {@link #forward}: {@code dOut} is dL/d(output) for each sample
     * ({@code batch × outputSize()}); the parameter gradients are ADDED to {@link #gradients()}.
     */
    public void backward(double[] dOut, int batch) {
        stack.backward(dOut, 0, batch, true, null, 0);
    }

    /**
     * As {@link #backward(double[], int)}, also writing dL/d(input) ({@code batch × inputSize()})
     * into {@code dInput}.
     */
    public void backward(double[] dOut, int batch, double[] dInput) {
        stack.backward(dOut, 0, batch, true, dInput, 0);
    }

    /**
     * Only dL/d(input) of the last {@link #forward} into {@code dInput}; the parameter gradients
     * are left untouched. This is the critic step of a TD3/DDPG actor update (dQ/da).
     */
    public void inputGradient(double[] dOut, int batch, double[] dInput) {
        stack.backward(dOut, 0, batch, false, dInput, 0);
    }

    @Override
    public int inputSize() {
        return stack.inputs();
    }

    @Override
    public int outputSize() {
        return stack.outputs();
    }

    @Override
    public int maxBatch() {
        return stack.maxBatch();
    }

    @Override
    public String architecture() {
        return architecture;
    }

    /** Number of dense layers. */
    public int layerCount() {
        return stack.layers();
    }

    /** Units (outputs) of layer {@code l}. */
    public int units(int l) {
        return stack.units(l);
    }

    /** Inputs of layer {@code l}. */
    public int fanIn(int l) {
        return stack.fanIn(l);
    }

    /** Activation of layer {@code l}. */
    public Activation activation(int l) {
        return stack.activation(l);
    }

    /** Whether a softmax follows the last layer. */
    public boolean softmaxHead() {
        return stack.softmax();
    }

    /** Index in {@link #parameters()} of {@code W[0][0]} of layer {@code l}; {@code W[i][o]} is at {@code + i * units(l) + o}. */
    public int weightOffset(int l) {
        return stack.weightOffset(l);
    }

    /** Index in {@link #parameters()} of the first bias of layer {@code l}. */
    public int biasOffset(int l) {
        return stack.biasOffset(l);
    }

    /**
     * The filter of every parameter, for filter-normalised loss landscapes: a weight belongs to the
     * unit it feeds (units numbered from 0 across the layers), a bias to none (-1).
     */
    public int[] filters() {
        int[] f = new int[parameterCount()];
        java.util.Arrays.fill(f, -1);
        int unitBase = 0;
        for (int layer = 0; layer < layerCount(); layer++) {
            int units = units(layer);
            int w = weightOffset(layer);
            for (int i = 0; i < fanIn(layer); i++) {
                for (int o = 0; o < units; o++) {
                    f[w + i * units + o] = unitBase + o;
                }
            }
            unitBase += units;
        }
        return f;
    }

    /**
     * Builds an {@link Mlp}. Defaults: {@code maxBatch} 1, {@link Init#AUTO}.
     *
     * @since 0.1
     */
    public static final class Builder {
        private final int inputs;
        private final List<Integer> units = new ArrayList<>();
        private final List<Activation> activations = new ArrayList<>();
        private boolean softmax;
        private int maxBatch = 1;
        private Init init = Init.AUTO;

        Builder(int inputs) {
            if (inputs < 1) {
                throw new IllegalArgumentException("inputs must be positive, got " + inputs);
            }
            this.inputs = inputs;
        }

        /** Appends a dense layer of {@code units} outputs. */
        public Builder dense(int units, Activation activation) {
            if (softmax) {
                throw new IllegalStateException("softmax must be the last step");
            }
            if (units < 1) {
                throw new IllegalArgumentException("units must be positive, got " + units);
            }
            this.units.add(units);
            this.activations.add(java.util.Objects.requireNonNull(activation, "activation"));
            return this;
        }

        /**
         * Turns the outputs into probabilities. The last dense layer must be {@link Activation#LINEAR}.
         * To train a classifier prefer a linear head with
         * {@link Loss#softmaxCrossEntropy(double[], int[], int, int, double[])}, which is
         * stable for any logits.
         */
        public Builder softmax() {
            if (activations.isEmpty() || activations.get(activations.size() - 1) != Activation.LINEAR) {
                throw new IllegalStateException("softmax needs a LINEAR last dense layer");
            }
            softmax = true;
            return this;
        }

        /** Largest training batch (the workspace is sized for it at build time). */
        public Builder maxBatch(int maxBatch) {
            if (maxBatch < 1) {
                throw new IllegalArgumentException("maxBatch must be positive, got " + maxBatch);
            }
            this.maxBatch = maxBatch;
            return this;
        }

        /** Weight initialisation scheme. */
        public Builder init(Init init) {
            this.init = java.util.Objects.requireNonNull(init, "init");
            return this;
        }

        /** The network with weights drawn from {@code seed}. */
        public Mlp build(long seed) {
            if (units.isEmpty()) {
                throw new IllegalStateException("an Mlp needs at least one dense layer");
            }
            int[] u = units.stream().mapToInt(Integer::intValue).toArray();
            return new Mlp(inputs, u, activations.toArray(new Activation[0]), softmax, maxBatch, init, seed);
        }
    }
}
