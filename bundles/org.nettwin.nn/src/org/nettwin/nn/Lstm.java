package org.nettwin.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.nettwin.nn.internal.DenseStack;
import org.nettwin.nn.internal.Kernels;
import org.nettwin.nn.internal.LstmCells;
import org.nettwin.nn.internal.SplitMix;

/**
 * One LSTM layer run over a fixed window of {@code steps} time steps, optionally followed by
 * dense layers on the last hidden state, trained by backpropagation through the whole window:
 * <pre>{@code
 * Lstm twin = Lstm.builder(8, 64, 10).dense(8, LINEAR).maxBatch(32).build(seed);
 * double[] next = twin.forward(windows, 32);   // windows: [batch][step][input], row-major
 * }</pre>
 *
 * <p>Cell (gate order i, f, g, o): {@code z = x_t·Wx + h_{t−1}·Wh + b}; {@code i, f, o = σ(z)},
 * {@code g = tanh(z)}; {@code c_t = f⊙c_{t−1} + i⊙g}; {@code h_t = o⊙tanh(c_t)}; the state starts at
 * zero for every window. The output is the head applied to {@code h_T} (or {@code h_T} itself
 * without a head).
 *
 * <p>Parameter layout: {@code Wx[i][4H]} (input-major), then {@code Wh[j][4H]}, then the
 * {@code 4H} biases, then the head's layers as in {@link Mlp}. Initialisation: Xavier uniform
 * for {@code Wx} ({@code ±sqrt(6/(I+H))}) and {@code Wh} ({@code ±sqrt(6/(2H))}), forget-gate
 * biases 1 (so early training remembers), other biases 0; the head as {@link Init#AUTO}.
 *
 * @since 0.1
 */
public final class Lstm extends Network {

    private final int inputs;
    private final int hidden;
    private final int steps;
    private final int maxBatch;
    private final int g4;
    private final int wx;
    private final int wh;
    private final int bias;
    private final DenseStack head;
    private final String architecture;

    // training workspace: blocks (see org.nettwin.nn.internal.Kernels), row f at f * maxBatch.
    /**
     * Per step t, the block feeding the gates: the rows of x_t, then of h_{t−1} (zero at t = 0),
     * then a row of ones (the bias input of the weight gradient: the biases follow Wh). The cell
     * of step t writes h_t into {@code u[t + 1]}, so {@code u[steps]} holds h_T.
     */
    private final double[][] u;
    private final double[][] zF;
    private final double[][] cF;
    private final double[][] tcF;
    /** Gate pre-activation gradients of the step being back-propagated. */
    private final double[] dz;
    /** The same, sample-major: the deltas of the weight gradient. */
    private final double[] dzS;
    private final double[] dh;
    private final double[] dc;
    private final double[] dxF;
    private final double[] hLast;
    private final double[] dhLast;
    // batch-1 inference
    private final double[] u1;
    private final int[] identity1;
    private final double[] z1;
    private final double[] c1;
    private final double[] tc1;
    private final double[] h1;
    private int lastBatch;

    private Lstm(int inputs, int hidden, int steps, int[] headUnits, Activation[] headActivations, int maxBatch, long seed) {
        super((inputs + hidden + 1) * 4 * hidden + DenseStack.parameterCount(hidden, headUnits));
        this.inputs = inputs;
        this.hidden = hidden;
        this.steps = steps;
        this.maxBatch = maxBatch;
        this.g4 = 4 * hidden;
        this.wx = 0;
        this.wh = inputs * g4;
        this.bias = (inputs + hidden) * g4;
        this.head = headUnits.length == 0 ? null
                : new DenseStack(hidden, headUnits, headActivations, false, maxBatch, params, grads, bias + g4);
        this.architecture = Mlp.describe("lstm " + inputs + "x" + steps, hidden, headUnits, headActivations, false);
        int rows = inputs + hidden + 1;
        u = new double[steps + 1][rows * maxBatch];
        for (double[] block : u) {
            Kernels.fillOnes(block, inputs + hidden, maxBatch);
        }
        zF = new double[steps][g4 * maxBatch];
        cF = new double[steps][hidden * maxBatch];
        tcF = new double[steps][hidden * maxBatch];
        dz = new double[g4 * maxBatch];
        dzS = new double[maxBatch * g4];
        dh = new double[hidden * maxBatch];
        dc = new double[hidden * maxBatch];
        dxF = new double[inputs * maxBatch];
        hLast = new double[maxBatch * hidden];
        dhLast = new double[maxBatch * hidden];
        u1 = new double[inputs + hidden];
        identity1 = Kernels.identity(inputs + hidden);
        z1 = new double[g4];
        c1 = new double[hidden];
        tc1 = new double[hidden];
        h1 = new double[hidden];
        initialise(new SplitMix(seed));
    }

    private void initialise(SplitMix rng) {
        double ax = Math.sqrt(6.0 / (inputs + hidden));
        for (int k = wx; k < wh; k++) {
            params[k] = ax * (2.0 * rng.nextDouble() - 1.0);
        }
        double ah = Math.sqrt(6.0 / (2.0 * hidden));
        for (int k = wh; k < bias; k++) {
            params[k] = ah * (2.0 * rng.nextDouble() - 1.0);
        }
        Arrays.fill(params, bias + hidden, bias + 2 * hidden, 1.0);
        if (head != null) {
            head.initialise(rng, Init.AUTO);
        }
    }

    /** Starts an LSTM reading {@code inputs} values per step over windows of {@code steps} steps. */
    public static Builder builder(int inputs, int hidden, int steps) {
        return new Builder(inputs, hidden, steps);
    }

    /**
     * Training forward of {@code batch} windows, laid out {@code [batch][step][input]} row-major;
     * keeps every step for {@link #backward}. Returns {@code batch × outputSize()} (valid until
     * the next forward).
     */
    public double[] forward(double[] x, int batch) {
        if (batch < 1 || batch > maxBatch) {
            throw new IllegalArgumentException("batch " + batch + " outside 1.." + maxBatch);
        }
        lastBatch = batch;
        int in = inputs;
        int hd = hidden;
        int stride = maxBatch;
        for (int t = 0; t < steps; t++) {
            double[] ut = u[t];
            for (int b = 0; b < batch; b++) {
                int r = (b * steps + t) * in;
                for (int i = 0; i < in; i++) {
                    ut[i * stride + b] = x[r + i];
                }
            }
        }
        for (int t = 0; t < steps; t++) {
            double[] z = zF[t];
            // gates of all samples at once: [x_t, h_{t-1}] times [Wx; Wh], which lie back to back
            Kernels.denseForward(u[t], stride, t == 0 ? in : in + hd, params, wx, bias, z, g4, batch);
            double[] cPrev = t > 0 ? cF[t - 1] : null;
            if (batch == stride) {
                // a full batch: each gate's rows, and the h rows, are one contiguous run, so the
                // cell of every unit is one call over hidden · stride values ("unit 0, batch h·s")
                LstmCells.forward(z, hd, 0, stride, cPrev, cF[t], tcF[t], u[t + 1], in * stride, hd * stride);
            } else {
                for (int k = 0; k < hd; k++) {
                    LstmCells.forward(z, hd, k, stride, cPrev, cF[t], tcF[t], u[t + 1], (in + k) * stride, batch);
                }
            }
        }
        Kernels.toSampleMajor(u[steps], in * stride, stride, hd, batch, hLast, 0);
        if (head != null) {
            return head.forward(hLast, 0, batch);
        }
        return hLast;
    }

    /**
     * One-window inference ({@code [step][input]}) through buffers of its own; the returned
     * buffer is valid until the next {@code predict}.
     */
    public double[] predict(double[] window) {
        return predict(window, 0);
    }

    /** {@link #predict(double[])} reading the window at {@code offset}. */
    public double[] predict(double[] window, int offset) {
        int in = inputs;
        int hd = hidden;
        double[] z = z1;
        double[] u = u1;
        for (int t = 0; t < steps; t++) {
            System.arraycopy(window, offset + t * in, u, 0, in);
            Kernels.denseForward1Dense(u, t == 0 ? in : in + hd, params, wx, bias, z, g4, identity1);
            LstmCells.forward1(z, hd, c1, t == 0, tc1, u, in);
        }
        if (head != null) {
            return head.forward1(u, in);
        }
        System.arraycopy(u, in, h1, 0, hd);
        return h1;
    }

    /**
     * Backpropagation through time of the last {@link #forward}: {@code dOut} is
     * dL/d(output) ({@code batch × outputSize()}); parameter gradients are ADDED to
     * {@link #gradients()}.
     */
    public void backward(double[] dOut, int batch) {
        backward(dOut, batch, null);
    }

    /** As {@link #backward(double[], int)}, also writing dL/d(input) ({@code [batch][step][input]}) into {@code dInput}. */
    public void backward(double[] dOut, int batch, double[] dInput) {
        if (batch != lastBatch) {
            throw new IllegalArgumentException("backward batch " + batch + " differs from the forward batch " + lastBatch);
        }
        int hd = hidden;
        int in = inputs;
        int stride = maxBatch;
        if (head != null) {
            head.backward(dOut, 0, batch, true, dhLast, 0);
            Kernels.toFeatureMajor(dhLast, 0, hd, batch, dh, stride);
        } else {
            Kernels.toFeatureMajor(dOut, 0, hd, batch, dh, stride);
        }
        Arrays.fill(dc, 0.0);
        for (int t = steps - 1; t >= 0; t--) {
            double[] cPrev = t > 0 ? cF[t - 1] : null;
            if (batch == stride) {
                LstmCells.backward(zF[t], tcF[t], cPrev, dh, dc, dz, hd, 0, stride, hd * stride);
            } else {
                for (int k = 0; k < hd; k++) {
                    LstmCells.backward(zF[t], tcF[t], cPrev, dh, dc, dz, hd, k, stride, batch);
                }
            }
            // this step's share of the [Wx; Wh; b] gradients while dz is in cache
            Kernels.toSampleMajor(dz, 0, stride, g4, batch, dzS, 0);
            Kernels.weightGradient(u[t], stride, in + hd + 1, dzS, batch, g4, grads, wx);
            if (t > 0) {
                Kernels.denseInputGradient(dz, stride, g4, params, wh, dh, hd, batch);
            }
            if (dInput != null) {
                Kernels.denseInputGradient(dz, stride, g4, params, wx, dxF, in, batch);
                for (int b = 0; b < batch; b++) {
                    int r = (b * steps + t) * in;
                    for (int i = 0; i < in; i++) {
                        dInput[r + i] = dxF[i * stride + b];
                    }
                }
            }
        }
    }

    /** Values per time step. */
    public int inputsPerStep() {
        return inputs;
    }

    /** Hidden units. */
    public int hidden() {
        return hidden;
    }

    /** Window length. */
    public int steps() {
        return steps;
    }

    /** Number of dense layers after the LSTM (0 when the output is {@code h_T}). */
    public int headLayers() {
        return head == null ? 0 : head.layers();
    }

    /** Units of head layer {@code l}. */
    public int headUnits(int l) {
        return head.units(l);
    }

    /** Activation of head layer {@code l}. */
    public Activation headActivation(int l) {
        return head.activation(l);
    }

    @Override
    public int inputSize() {
        return inputs * steps;
    }

    @Override
    public int outputSize() {
        return head == null ? hidden : head.outputs();
    }

    @Override
    public int maxBatch() {
        return maxBatch;
    }

    @Override
    public String architecture() {
        return architecture;
    }

    /**
     * Builds an {@link Lstm}. Defaults: no head, {@code maxBatch} 1.
     *
     * @since 0.1
     */
    public static final class Builder {
        private final int inputs;
        private final int hidden;
        private final int steps;
        private final List<Integer> units = new ArrayList<>();
        private final List<Activation> activations = new ArrayList<>();
        private int maxBatch = 1;

        Builder(int inputs, int hidden, int steps) {
            if (inputs < 1 || hidden < 1 || steps < 1) {
                throw new IllegalArgumentException("inputs, hidden and steps must be positive: " + inputs + ", " + hidden + ", " + steps);
            }
            this.inputs = inputs;
            this.hidden = hidden;
            this.steps = steps;
        }

        /** Appends a dense layer to the head on the last hidden state. */
        public Builder dense(int units, Activation activation) {
            if (units < 1) {
                throw new IllegalArgumentException("units must be positive, got " + units);
            }
            this.units.add(units);
            this.activations.add(java.util.Objects.requireNonNull(activation, "activation"));
            return this;
        }

        /** Largest training batch. */
        public Builder maxBatch(int maxBatch) {
            if (maxBatch < 1) {
                throw new IllegalArgumentException("maxBatch must be positive, got " + maxBatch);
            }
            this.maxBatch = maxBatch;
            return this;
        }

        /** The network with weights drawn from {@code seed}. */
        public Lstm build(long seed) {
            int[] u = units.stream().mapToInt(Integer::intValue).toArray();
            return new Lstm(inputs, hidden, steps, u, activations.toArray(new Activation[0]), maxBatch, seed);
        }
    }
}
