package org.nettwin.nn.internal;

/**
 * The few dense-algebra loops every layer is made of: feature rows ({@code double[][]}, one row
 * per feature across the batch), sample-major scratch rows, and the flat parameter array.
 *
 * <p>Every hot inner loop runs over separate arrays indexed by the same loop variable with
 * scalar factors hoisted out, the shape C2's superword pass turns into AVX vector code (see
 * {@link #denseForward} for why). Dot products are avoided on hot paths because C2 does not
 * vectorise strict-order floating-point reductions.
 */
public final class Kernels {

    private Kernels() {
    }

    /** {@code rows[f][b] = x[xOff + b * width + f]}: a sample-major batch into feature rows. */
    public static void toFeatureMajor(double[] x, int xOff, int width, int batch, double[][] rows) {
        for (int b = 0; b < batch; b++) {
            int r = xOff + b * width;
            for (int f = 0; f < width; f++) {
                rows[f][b] = x[r + f];
            }
        }
    }

    /** {@code out[off + b * width + f] = rows[f][b]}: feature rows back into a sample-major batch. */
    public static void toSampleMajor(double[][] rows, int width, int batch, double[] out, int off) {
        for (int f = 0; f < width; f++) {
            double[] row = rows[f];
            for (int b = 0; b < batch; b++) {
                out[off + b * width + f] = row[b];
            }
        }
    }

    /** {@code samples[b][f] = features[f][b]} for {@code f < width}, {@code b < batch}. */
    public static void transposeRows(double[][] features, int width, int batch, double[][] samples) {
        for (int f = 0; f < width; f++) {
            double[] row = features[f];
            for (int b = 0; b < batch; b++) {
                samples[b][f] = row[b];
            }
        }
    }

    /**
     * Batched dense forward on feature rows: {@code y[o][b] = bias[o] + Σ_i W[i][o] · x[i][b]}.
     *
     * <p>Why this shape: C2 (up to JDK 25) vectorises a loop only when it can rule out overlap
     * between the arrays it loads and stores, which it cannot do for two {@code double[]} indexed
     * at different unknown offsets (an output row and a weight row inside the parameter array).
     * Here every vector operand is a separate feature row indexed by the same {@code b}, and the
     * weights enter as scalars, so the loop over the batch vectorises; four inputs are fused per
     * pass to cut loads and stores of {@code y} (measured: also fusing two outputs per pass, or
     * eight inputs, was slower).
     */
    public static void denseForward(double[][] x, int nIn, double[] p, int wOff, int bOff, double[][] y, int nOut, int batch) {
        for (int o = 0; o < nOut; o++) {
            double[] yo = y[o];
            java.util.Arrays.fill(yo, 0, batch, p[bOff + o]);
            int i = 0;
            for (; i + 3 < nIn; i += 4) {
                int w = wOff + i * nOut + o;
                double w0 = p[w];
                double w1 = p[w + nOut];
                double w2 = p[w + 2 * nOut];
                double w3 = p[w + 3 * nOut];
                double[] x0 = x[i];
                double[] x1 = x[i + 1];
                double[] x2 = x[i + 2];
                double[] x3 = x[i + 3];
                for (int b = 0; b < batch; b++) {
                    yo[b] += w0 * x0[b] + w1 * x1[b] + w2 * x2[b] + w3 * x3[b];
                }
            }
            for (; i < nIn; i++) {
                double w0 = p[wOff + i * nOut + o];
                double[] x0 = x[i];
                for (int b = 0; b < batch; b++) {
                    yo[b] += w0 * x0[b];
                }
            }
        }
    }

    /**
     * Batch-1 dense forward {@code y[o] = bias[o] + Σ_i x[i] · W[i][o]}: one pass over the inputs
     * per block of eight outputs held in registers (scalar code: with a single sample there is no
     * batch to vectorise over, and the weight rows cannot be vectorised against {@code y}, see
     * {@link #denseForward}).
     */
    public static void denseForward1(double[] x, int xOff, int nIn, double[] p, int wOff, int bOff, double[] y, int nOut,
            int[] index, double[] value) {
        // gather the non-zero inputs first (half of a ReLU layer's outputs are zero); the
        // conditional increment compiles to a branch-free move
        int n = 0;
        for (int i = 0; i < nIn; i++) {
            double v = x[xOff + i];
            index[n] = i;
            value[n] = v;
            n += v != 0.0 ? 1 : 0;
        }
        int o = 0;
        for (; o + 7 < nOut; o += 8) {
            int bo = bOff + o;
            double s0 = p[bo];
            double s1 = p[bo + 1];
            double s2 = p[bo + 2];
            double s3 = p[bo + 3];
            double s4 = p[bo + 4];
            double s5 = p[bo + 5];
            double s6 = p[bo + 6];
            double s7 = p[bo + 7];
            for (int k = 0; k < n; k++) {
                double v = value[k];
                int w = wOff + index[k] * nOut + o;
                s0 += v * p[w];
                s1 += v * p[w + 1];
                s2 += v * p[w + 2];
                s3 += v * p[w + 3];
                s4 += v * p[w + 4];
                s5 += v * p[w + 5];
                s6 += v * p[w + 6];
                s7 += v * p[w + 7];
            }
            y[o] = s0;
            y[o + 1] = s1;
            y[o + 2] = s2;
            y[o + 3] = s3;
            y[o + 4] = s4;
            y[o + 5] = s5;
            y[o + 6] = s6;
            y[o + 7] = s7;
        }
        for (; o + 3 < nOut; o += 4) {
            int bo = bOff + o;
            double s0 = p[bo];
            double s1 = p[bo + 1];
            double s2 = p[bo + 2];
            double s3 = p[bo + 3];
            for (int k = 0; k < n; k++) {
                double v = value[k];
                int w = wOff + index[k] * nOut + o;
                s0 += v * p[w];
                s1 += v * p[w + 1];
                s2 += v * p[w + 2];
                s3 += v * p[w + 3];
            }
            y[o] = s0;
            y[o + 1] = s1;
            y[o + 2] = s2;
            y[o + 3] = s3;
        }
        for (; o < nOut; o++) {
            double s = p[bOff + o];
            for (int k = 0; k < n; k++) {
                s += value[k] * p[wOff + index[k] * nOut + o];
            }
            y[o] = s;
        }
    }

    /**
     * {@link #denseForward1} for inputs that are rarely zero (an LSTM's gates): the same register
     * blocking without gathering the non-zero inputs first.
     */
    public static void denseForward1Dense(double[] x, int xOff, int nIn, double[] p, int wOff, int bOff, double[] y, int nOut) {
        int o = 0;
        for (; o + 7 < nOut; o += 8) {
            int bo = bOff + o;
            double s0 = p[bo];
            double s1 = p[bo + 1];
            double s2 = p[bo + 2];
            double s3 = p[bo + 3];
            double s4 = p[bo + 4];
            double s5 = p[bo + 5];
            double s6 = p[bo + 6];
            double s7 = p[bo + 7];
            int w = wOff + o;
            for (int i = 0; i < nIn; i++, w += nOut) {
                double v = x[xOff + i];
                s0 += v * p[w];
                s1 += v * p[w + 1];
                s2 += v * p[w + 2];
                s3 += v * p[w + 3];
                s4 += v * p[w + 4];
                s5 += v * p[w + 5];
                s6 += v * p[w + 6];
                s7 += v * p[w + 7];
            }
            y[o] = s0;
            y[o + 1] = s1;
            y[o + 2] = s2;
            y[o + 3] = s3;
            y[o + 4] = s4;
            y[o + 5] = s5;
            y[o + 6] = s6;
            y[o + 7] = s7;
        }
        for (; o + 3 < nOut; o += 4) {
            int bo = bOff + o;
            double s0 = p[bo];
            double s1 = p[bo + 1];
            double s2 = p[bo + 2];
            double s3 = p[bo + 3];
            int w = wOff + o;
            for (int i = 0; i < nIn; i++, w += nOut) {
                double v = x[xOff + i];
                s0 += v * p[w];
                s1 += v * p[w + 1];
                s2 += v * p[w + 2];
                s3 += v * p[w + 3];
            }
            y[o] = s0;
            y[o + 1] = s1;
            y[o + 2] = s2;
            y[o + 3] = s3;
        }
        for (; o < nOut; o++) {
            double s = p[bOff + o];
            int w = wOff + o;
            for (int i = 0; i < nIn; i++, w += nOut) {
                s += x[xOff + i] * p[w];
            }
            y[o] = s;
        }
    }

    /**
     * Adds the dense weight gradient {@code Σ_b x[i][b] · d[o][b]} to {@code g[wOff + i * nOut + o]}
     * from feature-major inputs {@code x} and deltas {@code d}. The longer of the two dimensions
     * becomes the vector dimension: its rows are transposed once into {@code scratch} (sample-major),
     * accumulated per weight row or column in {@code acc} (a separate array indexed like the
     * scratch rows, so the loop vectorises, see {@link #denseForward}), then added to {@code g}.
     * The other operand is read as scalars, and groups of four zero scalars (ReLU) are skipped.
     */
    public static void denseWeightGradient(double[][] x, double[][] d, int batch, int nIn, int nOut,
            double[][] scratch, double[] acc, double[] g, int wOff) {
        if (nOut >= nIn) {
            transposeRows(d, nOut, batch, scratch);
            for (int i = 0; i < nIn; i++) {
                java.util.Arrays.fill(acc, 0, nOut, 0.0);
                double[] xi = x[i];
                int b = 0;
                for (; b + 3 < batch; b += 4) {
                    double x0 = xi[b];
                    double x1 = xi[b + 1];
                    double x2 = xi[b + 2];
                    double x3 = xi[b + 3];
                    if (x0 == 0.0 && x1 == 0.0 && x2 == 0.0 && x3 == 0.0) {
                        continue;
                    }
                    double[] d0 = scratch[b];
                    double[] d1 = scratch[b + 1];
                    double[] d2 = scratch[b + 2];
                    double[] d3 = scratch[b + 3];
                    for (int o = 0; o < nOut; o++) {
                        acc[o] += x0 * d0[o] + x1 * d1[o] + x2 * d2[o] + x3 * d3[o];
                    }
                }
                for (; b < batch; b++) {
                    double x0 = xi[b];
                    double[] d0 = scratch[b];
                    for (int o = 0; o < nOut; o++) {
                        acc[o] += x0 * d0[o];
                    }
                }
                int w = wOff + i * nOut;
                for (int o = 0; o < nOut; o++) {
                    g[w + o] += acc[o];
                }
            }
            return;
        }
        transposeRows(x, nIn, batch, scratch);
        for (int o = 0; o < nOut; o++) {
            java.util.Arrays.fill(acc, 0, nIn, 0.0);
            double[] dO = d[o];
            int b = 0;
            for (; b + 3 < batch; b += 4) {
                double d0 = dO[b];
                double d1 = dO[b + 1];
                double d2 = dO[b + 2];
                double d3 = dO[b + 3];
                if (d0 == 0.0 && d1 == 0.0 && d2 == 0.0 && d3 == 0.0) {
                    continue;
                }
                double[] x0 = scratch[b];
                double[] x1 = scratch[b + 1];
                double[] x2 = scratch[b + 2];
                double[] x3 = scratch[b + 3];
                for (int i = 0; i < nIn; i++) {
                    acc[i] += d0 * x0[i] + d1 * x1[i] + d2 * x2[i] + d3 * x3[i];
                }
            }
            for (; b < batch; b++) {
                double d0 = dO[b];
                double[] x0 = scratch[b];
                for (int i = 0; i < nIn; i++) {
                    acc[i] += d0 * x0[i];
                }
            }
            int w = wOff + o;
            for (int i = 0; i < nIn; i++) {
                g[w + i * nOut] += acc[i];
            }
        }
    }

    /**
     * Adds {@code Σ_b xS[b][i] · dS[b][o]} to {@code g[wOff + i * nOut + o]} (a dense weight
     * gradient) from sample-major rows. Each weight row is accumulated in {@code acc}, a separate
     * array indexed like the delta rows, so the loop over outputs vectorises (see
     * {@link #denseForward}); it is added to the gradient array once per row.
     */
    public static void weightGradient(double[][] xS, double[][] dS, int batch, int nIn, int nOut, double[] acc,
            double[] g, int wOff) {
        for (int i = 0; i < nIn; i++) {
            java.util.Arrays.fill(acc, 0, nOut, 0.0);
            int b = 0;
            for (; b + 3 < batch; b += 4) {
                double x0 = xS[b][i];
                double x1 = xS[b + 1][i];
                double x2 = xS[b + 2][i];
                double x3 = xS[b + 3][i];
                if (x0 == 0.0 && x1 == 0.0 && x2 == 0.0 && x3 == 0.0) {
                    continue;
                }
                double[] d0 = dS[b];
                double[] d1 = dS[b + 1];
                double[] d2 = dS[b + 2];
                double[] d3 = dS[b + 3];
                for (int o = 0; o < nOut; o++) {
                    acc[o] += x0 * d0[o] + x1 * d1[o] + x2 * d2[o] + x3 * d3[o];
                }
            }
            for (; b < batch; b++) {
                double x0 = xS[b][i];
                double[] d0 = dS[b];
                for (int o = 0; o < nOut; o++) {
                    acc[o] += x0 * d0[o];
                }
            }
            int w = wOff + i * nOut;
            for (int o = 0; o < nOut; o++) {
                g[w + o] += acc[o];
            }
        }
    }

    /**
     * Batched input gradient on feature rows: {@code t[i][b] = Σ_o W[i][o] · d[o][b]}, the
     * weights as scalars and the batch as the vector dimension (see {@link #denseForward}).
     */
    public static void denseInputGradient(double[][] d, int nOut, double[] p, int wOff, double[][] t, int nIn, int batch) {
        for (int i = 0; i < nIn; i++) {
            double[] ti = t[i];
            java.util.Arrays.fill(ti, 0, batch, 0.0);
            int w = wOff + i * nOut;
            int o = 0;
            for (; o + 3 < nOut; o += 4) {
                double w0 = p[w + o];
                double w1 = p[w + o + 1];
                double w2 = p[w + o + 2];
                double w3 = p[w + o + 3];
                double[] d0 = d[o];
                double[] d1 = d[o + 1];
                double[] d2 = d[o + 2];
                double[] d3 = d[o + 3];
                for (int b = 0; b < batch; b++) {
                    ti[b] += w0 * d0[b] + w1 * d1[b] + w2 * d2[b] + w3 * d3[b];
                }
            }
            for (; o < nOut; o++) {
                double w0 = p[w + o];
                double[] d0 = d[o];
                for (int b = 0; b < batch; b++) {
                    ti[b] += w0 * d0[b];
                }
            }
        }
    }

    /**
     * Logistic sigmoid {@code 1 / (1 + e^-x)}: one {@code Math.exp} (an intrinsic, about three
     * times cheaper than {@code Math.tanh}); saturates cleanly to 0 and 1.
     */
    public static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    /**
     * Hyperbolic tangent as {@code 1 − 2 / (e^{2x} + 1)}: one {@code Math.exp} instead of the
     * slower {@code Math.tanh}; absolute error about 1e-16 (relative error grows only for
     * |x| below 1e-8, where the value itself is negligible for a network), exact ±1 in the tails.
     */
    public static double tanh(double x) {
        return 1.0 - 2.0 / (Math.exp(2.0 * x) + 1.0);
    }
}
