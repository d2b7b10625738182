package org.nettwin.nn.internal;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The few dense-algebra loops every layer is made of, written with the Vector API
 * ({@code jdk.incubator.vector}) so they run as AVX fused multiply-adds whatever the arrays'
 * offsets: C2's automatic vectoriser (up to JDK 25) gives up on two {@code double[]} read and
 * written at different unknown offsets, and never reorders a floating-point sum.
 *
 * <p>Training batches are <em>blocks</em>: one flat {@code double[]} per layer, feature-major,
 * row {@code f} (feature {@code f} of every sample) at {@code f · stride}, where the stride is the
 * network's largest batch. The batch is the vector dimension of forwards and input gradients;
 * weight gradients are sums of outer products along the outputs. Batch-1 inference runs along
 * the outputs of each weight row.
 *
 * <p>Every vector lives inside one method: the Vector API's own methods are force-inlined, but a
 * helper of ours that took or returned a {@code DoubleVector} could be compiled out of line, and
 * the vector would then be boxed on the heap. So each loop nest is its own method over arrays
 * and ints.
 *
 * <p><b>The same bits at every vector width.</b> The species is
 * {@link DoubleVector#SPECIES_PREFERRED} (2, 4 or 8 doubles with SSE, AVX2 or AVX-512), and the
 * width decides which elements fall in which register block and which in a scalar tail. So no
 * result may depend on its block: every output element is one chain of fused multiply-adds over
 * its terms in ascending order (the bias, or 0, first), whether a vector lane of any block or a
 * scalar tail ({@link Math#fma}) computes it, and lanes are never combined with each other (no
 * reduction across lanes, no sum split into partial accumulators). Latency is hidden by
 * computing several independent outputs at once, never by splitting one sum. Vector {@code fma},
 * {@code add}, {@code mul}, {@code div}, {@code max} and {@code blend} are exactly rounded in the
 * intrinsic and in the Java fallback alike, so a run gives the same bits on every x86-64
 * machine, compiled or interpreted ({@code KernelWidthTest} compares JVMs with vectors of 128,
 * 256 and 512 bits). Batch-1 inference therefore equals the batched forward bit for bit (a zero
 * input skipped by {@link #denseForward1} changes no fused multiply-add).
 */
public final class Kernels {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Result rows per pass of {@link #combineRows}: six rows by two vectors fill twelve of the sixteen AVX registers. */
    private static final int ROWS = 6;

    private Kernels() {
    }

    /*
     * The layout changes below are transposes: each reads four strided values and writes them to
     * four consecutive places, about three times faster than one element at a time (whose stores
     * each land on another cache line).
     */

    /** {@code rows[f · stride + b] = x[xOff + b · width + f]}: a sample-major batch into a block. */
    public static void toFeatureMajor(double[] x, int xOff, int width, int batch, double[] rows, int stride) {
        for (int f = 0; f < width; f++) {
            int r = f * stride;
            int b = 0;
            for (; b + 4 <= batch; b += 4) {
                int at = xOff + b * width + f;
                double v0 = x[at];
                double v1 = x[at + width];
                double v2 = x[at + 2 * width];
                double v3 = x[at + 3 * width];
                rows[r + b] = v0;
                rows[r + b + 1] = v1;
                rows[r + b + 2] = v2;
                rows[r + b + 3] = v3;
            }
            for (; b < batch; b++) {
                rows[r + b] = x[xOff + b * width + f];
            }
        }
    }

    /** {@code out[off + b · width + f] = rows[rowsOff + f · stride + b]}: block rows back into a sample-major batch. */
    public static void toSampleMajor(double[] rows, int rowsOff, int stride, int width, int batch, double[] out, int off) {
        int f = 0;
        for (; f + 4 <= width; f += 4) {
            int r = rowsOff + f * stride;
            for (int b = 0; b < batch; b++) {
                double v0 = rows[r + b];
                double v1 = rows[r + stride + b];
                double v2 = rows[r + 2 * stride + b];
                double v3 = rows[r + 3 * stride + b];
                int o = off + b * width + f;
                out[o] = v0;
                out[o + 1] = v1;
                out[o + 2] = v2;
                out[o + 3] = v3;
            }
        }
        for (; f < width; f++) {
            int r = rowsOff + f * stride;
            for (int b = 0; b < batch; b++) {
                out[off + b * width + f] = rows[r + b];
            }
        }
    }

    /** Sets row {@code row} of a block to ones (the bias input of {@link #weightGradient}). */
    public static void fillOnes(double[] block, int row, int stride) {
        java.util.Arrays.fill(block, row * stride, (row + 1) * stride, 1.0);
    }

    /**
     * Batched dense forward: {@code y[o][b] = bias[o] + Σ_i W[i][o] · x[i][b]} on blocks of the
     * given stride, with {@code W[i][o]} at {@code p[wOff + i · nOut + o]} and the biases at
     * {@code bOff}.
     */
    public static void denseForward(double[] x, int stride, int nIn, double[] p, int wOff, int bOff, double[] y, int nOut,
            int batch) {
        combineRows(x, stride, nIn, p, wOff, 1, nOut, bOff, y, nOut, batch);
    }

    /**
     * Batched input gradient {@code t[i][b] = Σ_o W[i][o] · d[o][b]}, the transpose of
     * {@link #denseForward} over the same weights.
     */
    public static void denseInputGradient(double[] d, int stride, int nOut, double[] p, int wOff, double[] t, int nIn,
            int batch) {
        combineRows(d, stride, nOut, p, wOff, nOut, 1, -1, t, nIn, batch);
    }

    /**
     * {@code y[r][b] = init[r] + Σ_k p[cOff + r·rs + k·ks] · x[k][b]} for {@code r < nR}, where
     * {@code init[r] = p[bOff + r]}, or 0 when {@code bOff < 0}.
     */
    private static void combineRows(double[] x, int stride, int nK, double[] p, int cOff, int rs, int ks, int bOff,
            double[] y, int nR, int batch) {
        int r = 0;
        for (; r + ROWS <= nR; r += ROWS) {
            combineSixRows(x, stride, nK, p, cOff + r * rs, rs, ks, bOff < 0 ? -1 : bOff + r, y, r * stride, batch);
        }
        if (r + 4 <= nR) {
            combineFourRows(x, stride, nK, p, cOff + r * rs, rs, ks, bOff < 0 ? -1 : bOff + r, y, r * stride, batch);
            r += 4;
        }
        for (; r < nR; r++) {
            combineOneRow(x, stride, nK, p, cOff + r * rs, ks, bOff < 0 ? -1 : bOff + r, y, r * stride, batch);
        }
    }

    /**
     * Six result rows of {@link #combineRows} from {@code y[yOff]}: six rows by two vectors of
     * samples share each load of an input row (twelve accumulators), so the loop is bound by the
     * multiply-adds rather than by memory.
     */
    private static void combineSixRows(double[] x, int stride, int nK, double[] p, int c0, int rs, int ks, int init,
            double[] y, int yOff, int batch) {
        double i0 = init < 0 ? 0.0 : p[init];
        double i1 = init < 0 ? 0.0 : p[init + 1];
        double i2 = init < 0 ? 0.0 : p[init + 2];
        double i3 = init < 0 ? 0.0 : p[init + 3];
        double i4 = init < 0 ? 0.0 : p[init + 4];
        double i5 = init < 0 ? 0.0 : p[init + 5];
        int b = 0;
        for (; b + 2 * L <= batch; b += 2 * L) {
            DoubleVector a0 = DoubleVector.broadcast(S, i0);
            DoubleVector a1 = DoubleVector.broadcast(S, i1);
            DoubleVector a2 = DoubleVector.broadcast(S, i2);
            DoubleVector a3 = DoubleVector.broadcast(S, i3);
            DoubleVector a4 = DoubleVector.broadcast(S, i4);
            DoubleVector a5 = DoubleVector.broadcast(S, i5);
            DoubleVector e0 = a0;
            DoubleVector e1 = a1;
            DoubleVector e2 = a2;
            DoubleVector e3 = a3;
            DoubleVector e4 = a4;
            DoubleVector e5 = a5;
            for (int k = 0, c = c0, xo = b; k < nK; k++, c += ks, xo += stride) {
                DoubleVector lo = DoubleVector.fromArray(S, x, xo);
                DoubleVector hi = DoubleVector.fromArray(S, x, xo + L);
                DoubleVector w = DoubleVector.broadcast(S, p[c]);
                a0 = lo.fma(w, a0);
                e0 = hi.fma(w, e0);
                w = DoubleVector.broadcast(S, p[c + rs]);
                a1 = lo.fma(w, a1);
                e1 = hi.fma(w, e1);
                w = DoubleVector.broadcast(S, p[c + 2 * rs]);
                a2 = lo.fma(w, a2);
                e2 = hi.fma(w, e2);
                w = DoubleVector.broadcast(S, p[c + 3 * rs]);
                a3 = lo.fma(w, a3);
                e3 = hi.fma(w, e3);
                w = DoubleVector.broadcast(S, p[c + 4 * rs]);
                a4 = lo.fma(w, a4);
                e4 = hi.fma(w, e4);
                w = DoubleVector.broadcast(S, p[c + 5 * rs]);
                a5 = lo.fma(w, a5);
                e5 = hi.fma(w, e5);
            }
            int o = yOff + b;
            a0.intoArray(y, o);
            e0.intoArray(y, o + L);
            o += stride;
            a1.intoArray(y, o);
            e1.intoArray(y, o + L);
            o += stride;
            a2.intoArray(y, o);
            e2.intoArray(y, o + L);
            o += stride;
            a3.intoArray(y, o);
            e3.intoArray(y, o + L);
            o += stride;
            a4.intoArray(y, o);
            e4.intoArray(y, o + L);
            o += stride;
            a5.intoArray(y, o);
            e5.intoArray(y, o + L);
        }
        for (; b < batch; b++) {
            y[yOff + b] = combineSample(x, stride, nK, p, c0, ks, i0, b);
            y[yOff + stride + b] = combineSample(x, stride, nK, p, c0 + rs, ks, i1, b);
            y[yOff + 2 * stride + b] = combineSample(x, stride, nK, p, c0 + 2 * rs, ks, i2, b);
            y[yOff + 3 * stride + b] = combineSample(x, stride, nK, p, c0 + 3 * rs, ks, i3, b);
            y[yOff + 4 * stride + b] = combineSample(x, stride, nK, p, c0 + 4 * rs, ks, i4, b);
            y[yOff + 5 * stride + b] = combineSample(x, stride, nK, p, c0 + 5 * rs, ks, i5, b);
        }
    }

    /** Four result rows of {@link #combineRows} (the remainder of the six-row passes; eight accumulators). */
    private static void combineFourRows(double[] x, int stride, int nK, double[] p, int c0, int rs, int ks, int init,
            double[] y, int yOff, int batch) {
        double i0 = init < 0 ? 0.0 : p[init];
        double i1 = init < 0 ? 0.0 : p[init + 1];
        double i2 = init < 0 ? 0.0 : p[init + 2];
        double i3 = init < 0 ? 0.0 : p[init + 3];
        int b = 0;
        for (; b + 2 * L <= batch; b += 2 * L) {
            DoubleVector a0 = DoubleVector.broadcast(S, i0);
            DoubleVector a1 = DoubleVector.broadcast(S, i1);
            DoubleVector a2 = DoubleVector.broadcast(S, i2);
            DoubleVector a3 = DoubleVector.broadcast(S, i3);
            DoubleVector e0 = a0;
            DoubleVector e1 = a1;
            DoubleVector e2 = a2;
            DoubleVector e3 = a3;
            for (int k = 0, c = c0, xo = b; k < nK; k++, c += ks, xo += stride) {
                DoubleVector lo = DoubleVector.fromArray(S, x, xo);
                DoubleVector hi = DoubleVector.fromArray(S, x, xo + L);
                DoubleVector w = DoubleVector.broadcast(S, p[c]);
                a0 = lo.fma(w, a0);
                e0 = hi.fma(w, e0);
                w = DoubleVector.broadcast(S, p[c + rs]);
                a1 = lo.fma(w, a1);
                e1 = hi.fma(w, e1);
                w = DoubleVector.broadcast(S, p[c + 2 * rs]);
                a2 = lo.fma(w, a2);
                e2 = hi.fma(w, e2);
                w = DoubleVector.broadcast(S, p[c + 3 * rs]);
                a3 = lo.fma(w, a3);
                e3 = hi.fma(w, e3);
            }
            int o = yOff + b;
            a0.intoArray(y, o);
            e0.intoArray(y, o + L);
            o += stride;
            a1.intoArray(y, o);
            e1.intoArray(y, o + L);
            o += stride;
            a2.intoArray(y, o);
            e2.intoArray(y, o + L);
            o += stride;
            a3.intoArray(y, o);
            e3.intoArray(y, o + L);
        }
        for (; b < batch; b++) {
            y[yOff + b] = combineSample(x, stride, nK, p, c0, ks, i0, b);
            y[yOff + stride + b] = combineSample(x, stride, nK, p, c0 + rs, ks, i1, b);
            y[yOff + 2 * stride + b] = combineSample(x, stride, nK, p, c0 + 2 * rs, ks, i2, b);
            y[yOff + 3 * stride + b] = combineSample(x, stride, nK, p, c0 + 3 * rs, ks, i3, b);
        }
    }

    /** One result row of {@link #combineRows}. */
    private static void combineOneRow(double[] x, int stride, int nK, double[] p, int c0, int ks, int init, double[] y,
            int yOff, int batch) {
        double i0 = init < 0 ? 0.0 : p[init];
        int b = 0;
        for (; b + 2 * L <= batch; b += 2 * L) {
            DoubleVector a0 = DoubleVector.broadcast(S, i0);
            DoubleVector e0 = a0;
            for (int k = 0, c = c0, xo = b; k < nK; k++, c += ks, xo += stride) {
                DoubleVector w = DoubleVector.broadcast(S, p[c]);
                a0 = DoubleVector.fromArray(S, x, xo).fma(w, a0);
                e0 = DoubleVector.fromArray(S, x, xo + L).fma(w, e0);
            }
            a0.intoArray(y, yOff + b);
            e0.intoArray(y, yOff + b + L);
        }
        for (; b < batch; b++) {
            y[yOff + b] = combineSample(x, stride, nK, p, c0, ks, i0, b);
        }
    }

    /** One sample of {@link #combineRows}, in the vector lanes' order. */
    private static double combineSample(double[] x, int stride, int nK, double[] p, int c, int ks, double init, int b) {
        double s = init;
        for (int k = 0, xo = b; k < nK; k++, c += ks, xo += stride) {
            s = Math.fma(x[xo], p[c], s);
        }
        return s;
    }

    /**
     * Batch-1 dense forward {@code y[o] = bias[o] + Σ_i x[i] · W[i][o]}, vectorised along each
     * weight row's outputs, for inputs that are often zero (a ReLU layer's outputs, half of them
     * zero): the non-zero inputs are gathered first, into {@code index} and {@code value}, each at
     * least {@code nIn} long (a zero input changes no fused multiply-add).
     */
    public static void denseForward1(double[] x, int xOff, int nIn, double[] p, int wOff, int bOff, double[] y, int nOut,
            int[] index, double[] value) {
        int n = 0;
        for (int i = 0; i < nIn; i++) {
            double v = x[xOff + i];
            index[n] = i;
            value[n] = v;
            // a branch-free conditional increment
            n += v != 0.0 ? 1 : 0;
        }
        rowsTimesVector(value, index, n, p, wOff, bOff, y, nOut);
    }

    /**
     * {@link #denseForward1} for inputs {@code x[0, nIn)} that are rarely zero (an LSTM's gates):
     * no gathering; {@code identity} holds {@code 0, 1, …} (see {@link #identity}).
     */
    public static void denseForward1Dense(double[] x, int nIn, double[] p, int wOff, int bOff, double[] y, int nOut,
            int[] identity) {
        rowsTimesVector(x, identity, nIn, p, wOff, bOff, y, nOut);
    }

    /** {@code 0, 1, …, n − 1}: the index of every input, for {@link #denseForward1Dense}. */
    public static int[] identity(int n) {
        int[] index = new int[n];
        for (int i = 0; i < n; i++) {
            index[i] = i;
        }
        return index;
    }

    /**
     * {@code y[o] = p[bOff + o] + Σ_k value[k] · p[wOff + index[k] · nOut + o]}: eight vectors of
     * outputs per pass over the inputs, then six, four, two, one, then scalars. A pass over the inputs
     * is a chain of dependent multiply-adds per accumulator, so the number of accumulators, not
     * the number of multiply-adds, bounds its speed: eight hide the multiply-add latency.
     */
    private static void rowsTimesVector(double[] value, int[] index, int n, double[] p, int wOff, int bOff, double[] y, int nOut) {
        int o = 0;
        for (; o + 8 * L <= nOut; o += 8 * L) {
            rowsTimesVectorEight(value, index, n, p, wOff + o, nOut, bOff + o, y, o);
        }
        if (o + 6 * L <= nOut) {
            rowsTimesVectorSix(value, index, n, p, wOff + o, nOut, bOff + o, y, o);
            o += 6 * L;
        }
        if (o + 4 * L <= nOut) {
            rowsTimesVectorFour(value, index, n, p, wOff + o, nOut, bOff + o, y, o);
            o += 4 * L;
        }
        if (o + 2 * L <= nOut) {
            rowsTimesVectorTwo(value, index, n, p, wOff + o, nOut, bOff + o, y, o);
            o += 2 * L;
        }
        if (o + L <= nOut) {
            rowsTimesVectorOne(value, index, n, p, wOff + o, nOut, bOff + o, y, o);
            o += L;
        }
        for (; o < nOut; o++) {
            double s = p[bOff + o];
            for (int k = 0; k < n; k++) {
                s = Math.fma(value[k], p[wOff + index[k] * nOut + o], s);
            }
            y[o] = s;
        }
    }

    /** Eight vectors of outputs of {@link #rowsTimesVector} from {@code y[o]}. */
    private static void rowsTimesVectorEight(double[] value, int[] index, int n, double[] p, int w0, int nOut, int bias,
            double[] y, int o) {
        DoubleVector a0 = DoubleVector.fromArray(S, p, bias);
        DoubleVector a1 = DoubleVector.fromArray(S, p, bias + L);
        DoubleVector a2 = DoubleVector.fromArray(S, p, bias + 2 * L);
        DoubleVector a3 = DoubleVector.fromArray(S, p, bias + 3 * L);
        DoubleVector a4 = DoubleVector.fromArray(S, p, bias + 4 * L);
        DoubleVector a5 = DoubleVector.fromArray(S, p, bias + 5 * L);
        DoubleVector a6 = DoubleVector.fromArray(S, p, bias + 6 * L);
        DoubleVector a7 = DoubleVector.fromArray(S, p, bias + 7 * L);
        for (int k = 0; k < n; k++) {
            DoubleVector v = DoubleVector.broadcast(S, value[k]);
            int w = w0 + index[k] * nOut;
            a0 = DoubleVector.fromArray(S, p, w).fma(v, a0);
            a1 = DoubleVector.fromArray(S, p, w + L).fma(v, a1);
            a2 = DoubleVector.fromArray(S, p, w + 2 * L).fma(v, a2);
            a3 = DoubleVector.fromArray(S, p, w + 3 * L).fma(v, a3);
            a4 = DoubleVector.fromArray(S, p, w + 4 * L).fma(v, a4);
            a5 = DoubleVector.fromArray(S, p, w + 5 * L).fma(v, a5);
            a6 = DoubleVector.fromArray(S, p, w + 6 * L).fma(v, a6);
            a7 = DoubleVector.fromArray(S, p, w + 7 * L).fma(v, a7);
        }
        a0.intoArray(y, o);
        a1.intoArray(y, o + L);
        a2.intoArray(y, o + 2 * L);
        a3.intoArray(y, o + 3 * L);
        a4.intoArray(y, o + 4 * L);
        a5.intoArray(y, o + 5 * L);
        a6.intoArray(y, o + 6 * L);
        a7.intoArray(y, o + 7 * L);
    }

    /** Six vectors of outputs of {@link #rowsTimesVector} from {@code y[o]}. */
    private static void rowsTimesVectorSix(double[] value, int[] index, int n, double[] p, int w0, int nOut, int bias,
            double[] y, int o) {
        DoubleVector a0 = DoubleVector.fromArray(S, p, bias);
        DoubleVector a1 = DoubleVector.fromArray(S, p, bias + L);
        DoubleVector a2 = DoubleVector.fromArray(S, p, bias + 2 * L);
        DoubleVector a3 = DoubleVector.fromArray(S, p, bias + 3 * L);
        DoubleVector a4 = DoubleVector.fromArray(S, p, bias + 4 * L);
        DoubleVector a5 = DoubleVector.fromArray(S, p, bias + 5 * L);
        for (int k = 0; k < n; k++) {
            DoubleVector v = DoubleVector.broadcast(S, value[k]);
            int w = w0 + index[k] * nOut;
            a0 = DoubleVector.fromArray(S, p, w).fma(v, a0);
            a1 = DoubleVector.fromArray(S, p, w + L).fma(v, a1);
            a2 = DoubleVector.fromArray(S, p, w + 2 * L).fma(v, a2);
            a3 = DoubleVector.fromArray(S, p, w + 3 * L).fma(v, a3);
            a4 = DoubleVector.fromArray(S, p, w + 4 * L).fma(v, a4);
            a5 = DoubleVector.fromArray(S, p, w + 5 * L).fma(v, a5);
        }
        a0.intoArray(y, o);
        a1.intoArray(y, o + L);
        a2.intoArray(y, o + 2 * L);
        a3.intoArray(y, o + 3 * L);
        a4.intoArray(y, o + 4 * L);
        a5.intoArray(y, o + 5 * L);
    }

    /** Four vectors of outputs of {@link #rowsTimesVector} from {@code y[o]}. */
    private static void rowsTimesVectorFour(double[] value, int[] index, int n, double[] p, int w0, int nOut, int bias,
            double[] y, int o) {
        DoubleVector a0 = DoubleVector.fromArray(S, p, bias);
        DoubleVector a1 = DoubleVector.fromArray(S, p, bias + L);
        DoubleVector a2 = DoubleVector.fromArray(S, p, bias + 2 * L);
        DoubleVector a3 = DoubleVector.fromArray(S, p, bias + 3 * L);
        for (int k = 0; k < n; k++) {
            DoubleVector v = DoubleVector.broadcast(S, value[k]);
            int w = w0 + index[k] * nOut;
            a0 = DoubleVector.fromArray(S, p, w).fma(v, a0);
            a1 = DoubleVector.fromArray(S, p, w + L).fma(v, a1);
            a2 = DoubleVector.fromArray(S, p, w + 2 * L).fma(v, a2);
            a3 = DoubleVector.fromArray(S, p, w + 3 * L).fma(v, a3);
        }
        a0.intoArray(y, o);
        a1.intoArray(y, o + L);
        a2.intoArray(y, o + 2 * L);
        a3.intoArray(y, o + 3 * L);
    }

    /** Two vectors of outputs of {@link #rowsTimesVector} from {@code y[o]}. */
    private static void rowsTimesVectorTwo(double[] value, int[] index, int n, double[] p, int w0, int nOut, int bias,
            double[] y, int o) {
        DoubleVector a0 = DoubleVector.fromArray(S, p, bias);
        DoubleVector a1 = DoubleVector.fromArray(S, p, bias + L);
        for (int k = 0; k < n; k++) {
            DoubleVector v = DoubleVector.broadcast(S, value[k]);
            int w = w0 + index[k] * nOut;
            a0 = DoubleVector.fromArray(S, p, w).fma(v, a0);
            a1 = DoubleVector.fromArray(S, p, w + L).fma(v, a1);
        }
        a0.intoArray(y, o);
        a1.intoArray(y, o + L);
    }

    /**
     * One vector of outputs of {@link #rowsTimesVector} from {@code y[o]}: one chain of
     * multiply-adds per output, like the wider blocks (two chains over even and odd inputs would
     * hide more latency, but the outputs that land here depend on the vector width).
     */
    private static void rowsTimesVectorOne(double[] value, int[] index, int n, double[] p, int w0, int nOut, int bias,
            double[] y, int o) {
        DoubleVector a0 = DoubleVector.fromArray(S, p, bias);
        for (int k = 0; k < n; k++) {
            a0 = DoubleVector.fromArray(S, p, w0 + index[k] * nOut).fma(DoubleVector.broadcast(S, value[k]), a0);
        }
        a0.intoArray(y, o);
    }

    /**
     * Adds the dense weight gradient {@code Σ_b x[i][b] · dS[b][o]} to
     * {@code g[gOff + i · nOut + o]}: the inputs a block of the given stride, the deltas
     * sample-major (a {@link #toSampleMajor} of the delta block, row length {@code nOut}). With a row of ones as the
     * last input (see {@link #fillOnes}) the same pass adds the bias gradients, which follow the
     * weights. Vectorised along the outputs as sums of outer products: each accumulator collects
     * every sample before it is added to {@code g}, so no lanes are ever reduced.
     */
    public static void weightGradient(double[] x, int stride, int nIn, double[] dS, int batch, int nOut, double[] g,
            int gOff) {
        int o = 0;
        for (; o + 2 * L <= nOut; o += 2 * L) {
            int i = 0;
            for (; i + ROWS <= nIn; i += ROWS) {
                outerSixByTwo(x, stride, i, dS, batch, nOut, o, g, gOff + i * nOut + o);
            }
            for (; i + 1 < nIn; i += 2) {
                outerTwoByTwo(x, stride, i, dS, batch, nOut, o, g, gOff + i * nOut + o);
            }
            if (i < nIn) {
                outerOneByTwo(x, i * stride, dS, batch, nOut, o, g, gOff + i * nOut + o);
            }
        }
        for (; o + L <= nOut; o += L) {
            int i = 0;
            for (; i + ROWS <= nIn; i += ROWS) {
                outerSixByOne(x, stride, i, dS, batch, nOut, o, g, gOff + i * nOut + o);
            }
            for (; i + 1 < nIn; i += 2) {
                outerTwoByOne(x, stride, i, dS, batch, nOut, o, g, gOff + i * nOut + o);
            }
            if (i < nIn) {
                outerOne(x, i * stride, dS, batch, nOut, o, g, gOff + i * nOut + o);
            }
        }
        for (; o < nOut; o++) {
            outerScalar(x, stride, nIn, dS, batch, nOut, o, g, gOff + o);
        }
    }

    /**
     * Inputs {@code i … i+5} by outputs {@code o … o+2L} of {@link #weightGradient}: each delta
     * load serves six inputs (twelve accumulators).
     */
    private static void outerSixByTwo(double[] x, int stride, int i, double[] dS, int batch, int nOut, int o, double[] g,
            int w) {
        DoubleVector a0 = DoubleVector.zero(S);
        DoubleVector a1 = a0;
        DoubleVector a2 = a0;
        DoubleVector a3 = a0;
        DoubleVector a4 = a0;
        DoubleVector a5 = a0;
        DoubleVector e0 = a0;
        DoubleVector e1 = a0;
        DoubleVector e2 = a0;
        DoubleVector e3 = a0;
        DoubleVector e4 = a0;
        DoubleVector e5 = a0;
        int x0 = i * stride;
        for (int b = 0, d = o; b < batch; b++, d += nOut) {
            DoubleVector lo = DoubleVector.fromArray(S, dS, d);
            DoubleVector hi = DoubleVector.fromArray(S, dS, d + L);
            DoubleVector v = DoubleVector.broadcast(S, x[x0 + b]);
            a0 = lo.fma(v, a0);
            e0 = hi.fma(v, e0);
            v = DoubleVector.broadcast(S, x[x0 + stride + b]);
            a1 = lo.fma(v, a1);
            e1 = hi.fma(v, e1);
            v = DoubleVector.broadcast(S, x[x0 + 2 * stride + b]);
            a2 = lo.fma(v, a2);
            e2 = hi.fma(v, e2);
            v = DoubleVector.broadcast(S, x[x0 + 3 * stride + b]);
            a3 = lo.fma(v, a3);
            e3 = hi.fma(v, e3);
            v = DoubleVector.broadcast(S, x[x0 + 4 * stride + b]);
            a4 = lo.fma(v, a4);
            e4 = hi.fma(v, e4);
            v = DoubleVector.broadcast(S, x[x0 + 5 * stride + b]);
            a5 = lo.fma(v, a5);
            e5 = hi.fma(v, e5);
        }
        DoubleVector.fromArray(S, g, w).add(a0).intoArray(g, w);
        DoubleVector.fromArray(S, g, w + L).add(e0).intoArray(g, w + L);
        w += nOut;
        DoubleVector.fromArray(S, g, w).add(a1).intoArray(g, w);
        DoubleVector.fromArray(S, g, w + L).add(e1).intoArray(g, w + L);
        w += nOut;
        DoubleVector.fromArray(S, g, w).add(a2).intoArray(g, w);
        DoubleVector.fromArray(S, g, w + L).add(e2).intoArray(g, w + L);
        w += nOut;
        DoubleVector.fromArray(S, g, w).add(a3).intoArray(g, w);
        DoubleVector.fromArray(S, g, w + L).add(e3).intoArray(g, w + L);
        w += nOut;
        DoubleVector.fromArray(S, g, w).add(a4).intoArray(g, w);
        DoubleVector.fromArray(S, g, w + L).add(e4).intoArray(g, w + L);
        w += nOut;
        DoubleVector.fromArray(S, g, w).add(a5).intoArray(g, w);
        DoubleVector.fromArray(S, g, w + L).add(e5).intoArray(g, w + L);
    }

    /** Inputs {@code i, i+1} by outputs {@code o … o+2L} of {@link #weightGradient} (four accumulators). */
    private static void outerTwoByTwo(double[] x, int stride, int i, double[] dS, int batch, int nOut, int o, double[] g,
            int w) {
        DoubleVector a0 = DoubleVector.zero(S);
        DoubleVector a1 = a0;
        DoubleVector e0 = a0;
        DoubleVector e1 = a0;
        int x0 = i * stride;
        for (int b = 0, d = o; b < batch; b++, d += nOut) {
            DoubleVector lo = DoubleVector.fromArray(S, dS, d);
            DoubleVector hi = DoubleVector.fromArray(S, dS, d + L);
            DoubleVector v = DoubleVector.broadcast(S, x[x0 + b]);
            a0 = lo.fma(v, a0);
            e0 = hi.fma(v, e0);
            v = DoubleVector.broadcast(S, x[x0 + stride + b]);
            a1 = lo.fma(v, a1);
            e1 = hi.fma(v, e1);
        }
        DoubleVector.fromArray(S, g, w).add(a0).intoArray(g, w);
        DoubleVector.fromArray(S, g, w + L).add(e0).intoArray(g, w + L);
        w += nOut;
        DoubleVector.fromArray(S, g, w).add(a1).intoArray(g, w);
        DoubleVector.fromArray(S, g, w + L).add(e1).intoArray(g, w + L);
    }

    /** Inputs {@code i … i+5} by the vector of outputs from {@code o} of {@link #weightGradient} (six accumulators). */
    private static void outerSixByOne(double[] x, int stride, int i, double[] dS, int batch, int nOut, int o, double[] g,
            int w) {
        DoubleVector a0 = DoubleVector.zero(S);
        DoubleVector a1 = a0;
        DoubleVector a2 = a0;
        DoubleVector a3 = a0;
        DoubleVector a4 = a0;
        DoubleVector a5 = a0;
        int x0 = i * stride;
        for (int b = 0, d = o; b < batch; b++, d += nOut) {
            DoubleVector v = DoubleVector.fromArray(S, dS, d);
            a0 = v.fma(DoubleVector.broadcast(S, x[x0 + b]), a0);
            a1 = v.fma(DoubleVector.broadcast(S, x[x0 + stride + b]), a1);
            a2 = v.fma(DoubleVector.broadcast(S, x[x0 + 2 * stride + b]), a2);
            a3 = v.fma(DoubleVector.broadcast(S, x[x0 + 3 * stride + b]), a3);
            a4 = v.fma(DoubleVector.broadcast(S, x[x0 + 4 * stride + b]), a4);
            a5 = v.fma(DoubleVector.broadcast(S, x[x0 + 5 * stride + b]), a5);
        }
        DoubleVector.fromArray(S, g, w).add(a0).intoArray(g, w);
        w += nOut;
        DoubleVector.fromArray(S, g, w).add(a1).intoArray(g, w);
        w += nOut;
        DoubleVector.fromArray(S, g, w).add(a2).intoArray(g, w);
        w += nOut;
        DoubleVector.fromArray(S, g, w).add(a3).intoArray(g, w);
        w += nOut;
        DoubleVector.fromArray(S, g, w).add(a4).intoArray(g, w);
        w += nOut;
        DoubleVector.fromArray(S, g, w).add(a5).intoArray(g, w);
    }

    /** Input {@code i} by outputs {@code o … o+2L} of {@link #weightGradient} (two accumulators). */
    private static void outerOneByTwo(double[] x, int x0, double[] dS, int batch, int nOut, int o, double[] g, int w) {
        DoubleVector a0 = DoubleVector.zero(S);
        DoubleVector e0 = a0;
        for (int b = 0, d = o; b < batch; b++, d += nOut) {
            DoubleVector v = DoubleVector.broadcast(S, x[x0 + b]);
            a0 = DoubleVector.fromArray(S, dS, d).fma(v, a0);
            e0 = DoubleVector.fromArray(S, dS, d + L).fma(v, e0);
        }
        DoubleVector.fromArray(S, g, w).add(a0).intoArray(g, w);
        DoubleVector.fromArray(S, g, w + L).add(e0).intoArray(g, w + L);
    }

    /** Inputs {@code i, i+1} by the vector of outputs from {@code o} of {@link #weightGradient} (two accumulators). */
    private static void outerTwoByOne(double[] x, int stride, int i, double[] dS, int batch, int nOut, int o, double[] g,
            int w) {
        DoubleVector a0 = DoubleVector.zero(S);
        DoubleVector a1 = a0;
        int x0 = i * stride;
        for (int b = 0, d = o; b < batch; b++, d += nOut) {
            DoubleVector v = DoubleVector.fromArray(S, dS, d);
            a0 = v.fma(DoubleVector.broadcast(S, x[x0 + b]), a0);
            a1 = v.fma(DoubleVector.broadcast(S, x[x0 + stride + b]), a1);
        }
        DoubleVector.fromArray(S, g, w).add(a0).intoArray(g, w);
        DoubleVector.fromArray(S, g, w + nOut).add(a1).intoArray(g, w + nOut);
    }

    /**
     * Input row {@code x[x0…]} by the vector of outputs from {@code o} of {@link #weightGradient}:
     * one chain over the samples, like every other block (two chains over alternate samples
     * would hide latency, but which outputs land here depends on the vector width).
     */
    private static void outerOne(double[] x, int x0, double[] dS, int batch, int nOut, int o, double[] g, int w) {
        DoubleVector a0 = DoubleVector.zero(S);
        for (int b = 0, d = o; b < batch; b++, d += nOut) {
            a0 = DoubleVector.fromArray(S, dS, d).fma(DoubleVector.broadcast(S, x[x0 + b]), a0);
        }
        DoubleVector.fromArray(S, g, w).add(a0).intoArray(g, w);
    }

    /**
     * Output {@code o} (one of the last, fewer than a vector: a critic's one value) of
     * {@link #weightGradient} for every input, four inputs per pass.
     */
    private static void outerScalar(double[] x, int stride, int nIn, double[] dS, int batch, int nOut, int o, double[] g,
            int w) {
        int i = 0;
        for (; i + 3 < nIn; i += 4) {
            double t0 = 0;
            double t1 = 0;
            double t2 = 0;
            double t3 = 0;
            int x0 = i * stride;
            for (int b = 0; b < batch; b++) {
                double dv = dS[b * nOut + o];
                t0 = Math.fma(x[x0 + b], dv, t0);
                t1 = Math.fma(x[x0 + stride + b], dv, t1);
                t2 = Math.fma(x[x0 + 2 * stride + b], dv, t2);
                t3 = Math.fma(x[x0 + 3 * stride + b], dv, t3);
            }
            int at = w + i * nOut;
            g[at] += t0;
            g[at + nOut] += t1;
            g[at + 2 * nOut] += t2;
            g[at + 3 * nOut] += t3;
        }
        for (; i < nIn; i++) {
            double t0 = 0;
            int x0 = i * stride;
            for (int b = 0; b < batch; b++) {
                t0 = Math.fma(x[x0 + b], dS[b * nOut + o], t0);
            }
            g[w + i * nOut] += t0;
        }
    }

    /** {@code a = max(a, 0)} on {@code a[off, off + n)}. */
    public static void relu(double[] a, int off, int n) {
        int k = 0;
        for (; k + L <= n; k += L) {
            DoubleVector.fromArray(S, a, off + k).lanewise(VectorOperators.MAX, 0.0).intoArray(a, off + k);
        }
        for (; k < n; k++) {
            a[off + k] = Math.max(a[off + k], 0.0);
        }
    }

    /** {@code d = 0} where the ReLU output {@code y} is not positive, on {@code [off, off + n)}. */
    public static void reluDerivative(double[] y, double[] d, int off, int n) {
        int k = 0;
        for (; k + L <= n; k += L) {
            DoubleVector.fromArray(S, d, off + k)
                    .blend(0.0, DoubleVector.fromArray(S, y, off + k).compare(VectorOperators.LE, 0.0))
                    .intoArray(d, off + k);
        }
        for (; k < n; k++) {
            d[off + k] = y[off + k] > 0.0 ? d[off + k] : 0.0;
        }
    }
}
