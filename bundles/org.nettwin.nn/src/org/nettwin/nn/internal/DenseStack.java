package org.nettwin.nn.internal;

import org.nettwin.nn.Activation;
import org.nettwin.nn.Init;

/**
 * A sequence of dense layers living inside a slice of a network's parameter and gradient
 * arrays, with its own preallocated workspaces: one for training batches up to
 * {@code maxBatch} rows (kept for backward) and one for batch-1 inference, so a
 * {@link #forward1} between a training forward and its backward disturbs nothing.
 *
 * <p>Layer {@code l} stores its weights input-major, {@code W[i][o]} at
 * {@code weightOffset(l) + i * units(l) + o}, followed by its {@code units(l)} biases. Training
 * activations are kept as feature-major blocks (see {@link Kernels}), the layout the vector
 * kernels work on; the public buffers stay sample-major.
 */
public final class DenseStack {

    private static final int RELU = Activation.RELU.code();

    private final int inputs;
    private final int[] units;
    private final int[] fanIn;
    private final int[] codes;
    private final boolean softmax;
    private final int maxBatch;
    private final int offset;
    private final int[] wOff;
    private final int[] bOff;
    private final int parameterCount;
    private final double[] p;
    private final double[] g;

    // training workspace: blocks (see Kernels), row f = feature f of every sample at f * maxBatch;
    // the input block and every activation block end with a row of ones, the bias input of
    // Kernels.weightGradient (the biases follow the weights)
    private final double[] inF;
    private final double[][] aF;
    private final double[][] dF;
    private final double[] dInF;
    // sample-major deltas for the weight gradients
    private final double[] dS;
    private final double[] out;
    // batch-1 inference
    private final double[][] act1;
    private final int[] index1;
    private final int[] identity1;
    private final double[] value1;
    private int lastBatch;

    /**
     * A stack over {@code params}/{@code grads} from {@code offset}.
     *
     * @param softmax whether a softmax follows the (linear) last layer
     */
    public DenseStack(int inputs, int[] units, Activation[] activations, boolean softmax, int maxBatch,
            double[] params, double[] grads, int offset) {
        this.inputs = inputs;
        this.units = units.clone();
        this.softmax = softmax;
        this.maxBatch = maxBatch;
        this.offset = offset;
        this.p = params;
        this.g = grads;
        int n = units.length;
        fanIn = new int[n];
        codes = new int[n];
        wOff = new int[n];
        bOff = new int[n];
        aF = new double[n][];
        dF = new double[n][];
        act1 = new double[n][];
        int at = offset;
        int maxIn = inputs;
        int maxUnits = 0;
        for (int l = 0; l < n; l++) {
            fanIn[l] = l == 0 ? inputs : units[l - 1];
            codes[l] = activations[l].code();
            wOff[l] = at;
            at += fanIn[l] * units[l];
            bOff[l] = at;
            at += units[l];
            maxIn = Math.max(maxIn, fanIn[l]);
            maxUnits = Math.max(maxUnits, units[l]);
            aF[l] = new double[(units[l] + 1) * maxBatch];
            Kernels.fillOnes(aF[l], units[l], maxBatch);
            dF[l] = new double[units[l] * maxBatch];
            act1[l] = new double[units[l]];
        }
        parameterCount = at - offset;
        inF = new double[(inputs + 1) * maxBatch];
        Kernels.fillOnes(inF, inputs, maxBatch);
        dInF = new double[inputs * maxBatch];
        dS = new double[maxBatch * maxUnits];
        index1 = new int[maxIn];
        identity1 = Kernels.identity(maxIn);
        value1 = new double[maxIn];
        out = new double[maxBatch * units[n - 1]];
    }

    /** Parameters of a stack with these sizes. */
    public static int parameterCount(int inputs, int[] units) {
        int count = 0;
        int in = inputs;
        for (int u : units) {
            count += in * u + u;
            in = u;
        }
        return count;
    }

    /** Draws the weights (biases set to 0) as {@code init} says, in layer order. */
    public void initialise(SplitMix rng, Init init) {
        for (int l = 0; l < units.length; l++) {
            int in = fanIn[l];
            int out = units[l];
            boolean he = init == Init.HE || (init == Init.AUTO && codes[l] == Activation.RELU.code());
            if (he) {
                double std = Math.sqrt(2.0 / in);
                for (int k = 0; k < in * out; k++) {
                    p[wOff[l] + k] = std * rng.nextGaussian();
                }
            } else {
                double a = Math.sqrt(6.0 / (in + out));
                for (int k = 0; k < in * out; k++) {
                    p[wOff[l] + k] = a * (2.0 * rng.nextDouble() - 1.0);
                }
            }
            java.util.Arrays.fill(p, bOff[l], bOff[l] + out, 0.0);
        }
    }

    /** Number of parameters in this stack. */
    public int parameterCount() {
        return parameterCount;
    }

    /** Index of the first parameter of this stack in the network's array. */
    public int offset() {
        return offset;
    }

    /** Input width. */
    public int inputs() {
        return inputs;
    }

    /** Output width. */
    public int outputs() {
        return units[units.length - 1];
    }

    /** Number of dense layers. */
    public int layers() {
        return units.length;
    }

    /** Units of layer {@code l}. */
    public int units(int l) {
        return units[l];
    }

    /** Inputs of layer {@code l}. */
    public int fanIn(int l) {
        return fanIn[l];
    }

    /** Activation of layer {@code l}. */
    public Activation activation(int l) {
        return Activation.ofCode(codes[l]);
    }

    /** Whether a softmax follows the last layer. */
    public boolean softmax() {
        return softmax;
    }

    /** Absolute index of {@code W[0][0]} of layer {@code l}. */
    public int weightOffset(int l) {
        return wOff[l];
    }

    /** Absolute index of the first bias of layer {@code l}. */
    public int biasOffset(int l) {
        return bOff[l];
    }

    /** Largest training batch. */
    public int maxBatch() {
        return maxBatch;
    }

    /**
     * Training forward of {@code batch} rows read from {@code x} at {@code xOff}; keeps what
     * backward needs and returns the output buffer (row-major, {@code batch × outputs}).
     */
    public double[] forward(double[] x, int xOff, int batch) {
        if (batch < 1 || batch > maxBatch) {
            throw new IllegalArgumentException("batch " + batch + " outside 1.." + maxBatch);
        }
        lastBatch = batch;
        int stride = maxBatch;
        Kernels.toFeatureMajor(x, xOff, inputs, batch, inF, stride);
        double[] in = inF;
        for (int l = 0; l < units.length; l++) {
            double[] a = aF[l];
            Kernels.denseForward(in, stride, fanIn[l], p, wOff[l], bOff[l], a, units[l], batch);
            if (batch == stride) {
                // a full batch: the unit rows are one contiguous run (the ones row follows them)
                activate(codes[l], a, 0, units[l] * stride);
            } else {
                for (int o = 0; o < units[l]; o++) {
                    activate(codes[l], a, o * stride, batch);
                }
            }
            in = a;
        }
        int top = units.length - 1;
        int nOut = units[top];
        if (softmax) {
            softmaxColumns(aF[top], stride, nOut, batch);
        }
        Kernels.toSampleMajor(aF[top], 0, stride, nOut, batch, out, 0);
        return out;
    }

    /** Batch-1 inference through its own buffers; returns the output buffer. */
    public double[] forward1(double[] x, int xOff) {
        double[] in = x;
        int inOff = xOff;
        for (int l = 0; l < units.length; l++) {
            double[] a = act1[l];
            if (l > 0 && codes[l - 1] == RELU) {
                Kernels.denseForward1(in, inOff, fanIn[l], p, wOff[l], bOff[l], a, units[l], index1, value1);
            } else {
                // inputs and smooth activations are rarely zero: gathering would only cost; the
                // kernel reads from index 0, so only an input at an offset is copied first
                double[] dense = in;
                if (inOff != 0) {
                    System.arraycopy(in, inOff, value1, 0, fanIn[l]);
                    dense = value1;
                }
                Kernels.denseForward1Dense(dense, fanIn[l], p, wOff[l], bOff[l], a, units[l], identity1);
            }
            activate(codes[l], a, 0, units[l]);
            in = a;
            inOff = 0;
        }
        if (softmax) {
            softmaxRows(act1[units.length - 1], 1, outputs());
        }
        return act1[units.length - 1];
    }

    /**
     * Backward through the last training forward. {@code dOut} ({@code batch × outputs} from
     * {@code dOff}) is dL/d(output); parameter gradients are added to the gradient array when
     * {@code paramGrads}; dL/d(input) is written to {@code dIn} from {@code dInOff} when
     * {@code dIn} is not null.
     */
    public void backward(double[] dOut, int dOff, int batch, boolean paramGrads, double[] dIn, int dInOff) {
        if (batch != lastBatch) {
            throw new IllegalArgumentException("backward batch " + batch + " differs from the forward batch " + lastBatch);
        }
        int stride = maxBatch;
        int top = units.length - 1;
        int nOut = units[top];
        double[] d = dF[top];
        double[] y = aF[top];
        Kernels.toFeatureMajor(dOut, dOff, nOut, batch, d, stride);
        if (softmax) {
            // dz_j = p_j (dp_j - Σ_k dp_k p_k): the softmax Jacobian applied sample by sample
            for (int b = 0; b < batch; b++) {
                double s = 0.0;
                for (int j = 0; j < nOut; j++) {
                    s += d[j * stride + b] * y[j * stride + b];
                }
                for (int j = 0; j < nOut; j++) {
                    d[j * stride + b] = y[j * stride + b] * (d[j * stride + b] - s);
                }
            }
        } else {
            derivativeRows(codes[top], y, d, nOut, stride, batch);
        }
        for (int l = top; l >= 0; l--) {
            int nOutL = units[l];
            int nIn = fanIn[l];
            double[] dl = dF[l];
            if (paramGrads) {
                Kernels.toSampleMajor(dl, 0, stride, nOutL, batch, dS, 0);
                // nIn + 1 rows: the ones row after the inputs adds the bias gradients
                Kernels.weightGradient(l == 0 ? inF : aF[l - 1], stride, nIn + 1, dS, batch, nOutL, g, wOff[l]);
            }
            if (l > 0) {
                double[] t = dF[l - 1];
                Kernels.denseInputGradient(dl, stride, nOutL, p, wOff[l], t, nIn, batch);
                derivativeRows(codes[l - 1], aF[l - 1], t, nIn, stride, batch);
            } else if (dIn != null) {
                Kernels.denseInputGradient(dl, stride, nOutL, p, wOff[l], dInF, nIn, batch);
                Kernels.toSampleMajor(dInF, 0, stride, nIn, batch, dIn, dInOff);
            }
        }
    }

    /** Softmax over features for each sample of a block. */
    private static void softmaxColumns(double[] a, int stride, int width, int batch) {
        for (int b = 0; b < batch; b++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < width; j++) {
                max = Math.max(max, a[j * stride + b]);
            }
            double sum = 0.0;
            for (int j = 0; j < width; j++) {
                double e = Sigmoids.exp(a[j * stride + b] - max);
                a[j * stride + b] = e;
                sum += e;
            }
            double inv = 1.0 / sum;
            for (int j = 0; j < width; j++) {
                a[j * stride + b] *= inv;
            }
        }
    }

    /** Applies activation {@code code} in place to {@code a[off, off + n)}. */
    public static void activate(int code, double[] a, int off, int n) {
        switch (code) {
            case 1 -> Kernels.relu(a, off, n);
            case 2 -> Sigmoids.tanh(a, off, n);
            case 3 -> Sigmoids.sigmoid(a, off, n);
            default -> {
                // linear: nothing to do
            }
        }
    }

    /** {@link #derivative} on the first {@code rows} rows of two blocks, in one run for a full batch. */
    private static void derivativeRows(int code, double[] y, double[] d, int rows, int stride, int batch) {
        if (batch == stride) {
            derivative(code, y, d, 0, rows * stride);
        } else {
            for (int r = 0; r < rows; r++) {
                derivative(code, y, d, r * stride, batch);
            }
        }
    }

    /**
     * Multiplies {@code d[off, off + n)} by the activation's derivative expressed through the
     * outputs {@code y} at the same positions.
     */
    public static void derivative(int code, double[] y, double[] d, int off, int n) {
        switch (code) {
            case 1 -> Kernels.reluDerivative(y, d, off, n);
            case 2 -> {
                for (int k = off; k < off + n; k++) {
                    d[k] *= 1.0 - y[k] * y[k];
                }
            }
            case 3 -> {
                for (int k = off; k < off + n; k++) {
                    d[k] *= y[k] * (1.0 - y[k]);
                }
            }
            default -> {
                // linear: derivative 1
            }
        }
    }

    /** Numerically stable softmax of each of {@code rows} rows in place. */
    public static void softmaxRows(double[] a, int rows, int width) {
        for (int b = 0; b < rows; b++) {
            int r = b * width;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < width; j++) {
                max = Math.max(max, a[r + j]);
            }
            double sum = 0.0;
            for (int j = 0; j < width; j++) {
                double e = Sigmoids.exp(a[r + j] - max);
                a[r + j] = e;
                sum += e;
            }
            double inv = 1.0 / sum;
            for (int j = 0; j < width; j++) {
                a[r + j] *= inv;
            }
        }
    }
}
