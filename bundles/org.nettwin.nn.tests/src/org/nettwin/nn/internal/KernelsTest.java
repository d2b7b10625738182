package org.nettwin.nn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * Every vector kernel against a plain triple loop, over all the shapes that select its register
 * blocks and tails: widths 1–27 around the vector and block sizes, batches 1–34 (full vector
 * pairs, a single vector, scalar tails), offsets inside the parameter array. The dense kernels
 * must equal, bit for bit, one chain of {@link Math#fma} per output over its terms in ascending
 * order: the layout that makes every vector width give the same bits (see {@link Kernels}).
 */
class KernelsTest {

    private static final int[] WIDTHS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 13, 16, 17, 23, 24, 25, 27};
    private static final int[] BATCHES = {1, 3, 4, 7, 8, 9, 13, 16, 31, 32, 34};
    private static final int STRIDE = 34;
    private static final int P_OFF = 5;

    private static double[] random(SplittableRandom rnd, int n) {
        double[] a = new double[n];
        for (int k = 0; k < n; k++) {
            a[k] = rnd.nextDouble(-1, 1);
        }
        return a;
    }

    private static void assertBits(double expected, double actual, String what) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                () -> what + ": expected " + expected + ", got " + actual);
    }

    @Test
    void denseForwardAndInputGradientMatchLoops() {
        SplittableRandom rnd = new SplittableRandom(1);
        for (int nIn : WIDTHS) {
            for (int nOut : WIDTHS) {
                double[] p = random(rnd, P_OFF + nIn * nOut + nOut);
                int bOff = P_OFF + nIn * nOut;
                for (int batch : BATCHES) {
                    double[] x = random(rnd, nIn * STRIDE);
                    double[] y = new double[nOut * STRIDE];
                    Kernels.denseForward(x, STRIDE, nIn, p, P_OFF, bOff, y, nOut, batch);
                    double[] d = random(rnd, nOut * STRIDE);
                    double[] t = new double[nIn * STRIDE];
                    Kernels.denseInputGradient(d, STRIDE, nOut, p, P_OFF, t, nIn, batch);
                    for (int b = 0; b < batch; b++) {
                        for (int o = 0; o < nOut; o++) {
                            double s = p[bOff + o];
                            for (int i = 0; i < nIn; i++) {
                                s = Math.fma(x[i * STRIDE + b], p[P_OFF + i * nOut + o], s);
                            }
                            assertBits(s, y[o * STRIDE + b], "forward " + nIn + "→" + nOut + " batch " + batch);
                        }
                        for (int i = 0; i < nIn; i++) {
                            double s = 0;
                            for (int o = 0; o < nOut; o++) {
                                s = Math.fma(d[o * STRIDE + b], p[P_OFF + i * nOut + o], s);
                            }
                            assertBits(s, t[i * STRIDE + b], "input gradient " + nIn + "→" + nOut + " batch " + batch);
                        }
                    }
                }
            }
        }
    }

    @Test
    void weightGradientMatchesLoopsAndAddsToWhatIsThere() {
        SplittableRandom rnd = new SplittableRandom(2);
        for (int nIn : WIDTHS) {
            for (int nOut : WIDTHS) {
                for (int batch : BATCHES) {
                    double[] x = random(rnd, nIn * STRIDE);
                    double[] d = random(rnd, nOut * STRIDE);
                    double[] dS = new double[STRIDE * nOut];
                    Kernels.toSampleMajor(d, 0, STRIDE, nOut, batch, dS, 0);
                    double[] g = random(rnd, P_OFF + nIn * nOut);
                    double[] before = g.clone();
                    Kernels.weightGradient(x, STRIDE, nIn, dS, batch, nOut, g, P_OFF);
                    for (int i = 0; i < nIn; i++) {
                        for (int o = 0; o < nOut; o++) {
                            double s = 0.0;
                            for (int b = 0; b < batch; b++) {
                                s = Math.fma(x[i * STRIDE + b], d[o * STRIDE + b], s);
                            }
                            assertBits(before[P_OFF + i * nOut + o] + s, g[P_OFF + i * nOut + o], "weight gradient " + nIn + "→" + nOut + " batch " + batch);
                        }
                    }
                    for (int k = 0; k < P_OFF; k++) {
                        assertEquals(before[k], g[k], 0.0, "nothing before the offset is touched");
                    }
                }
            }
        }
    }

    @Test
    void batchOneForwardMatchesLoopsWithAndWithoutGathering() {
        SplittableRandom rnd = new SplittableRandom(3);
        int[] wide = {1, 3, 4, 5, 8, 15, 16, 17, 24, 25, 32, 33, 40, 64, 72, 256};
        for (int nIn : WIDTHS) {
            for (int nOut : wide) {
                double[] p = random(rnd, P_OFF + nIn * nOut + nOut);
                int bOff = P_OFF + nIn * nOut;
                double[] x = random(rnd, nIn + 2);
                for (int i = 0; i < nIn; i += 2) {
                    x[2 + i] = 0.0; // ReLU-like zeros for the gathering path
                }
                double[] sparse = new double[nOut];
                Kernels.denseForward1(x, 2, nIn, p, P_OFF, bOff, sparse, nOut, new int[nIn], new double[nIn]);
                double[] dense = new double[nOut];
                Kernels.denseForward1Dense(java.util.Arrays.copyOfRange(x, 2, 2 + nIn), nIn, p, P_OFF, bOff, dense, nOut,
                        Kernels.identity(nIn));
                for (int o = 0; o < nOut; o++) {
                    double s = p[bOff + o];
                    for (int i = 0; i < nIn; i++) {
                        s = Math.fma(x[2 + i], p[P_OFF + i * nOut + o], s);
                    }
                    assertBits(s, sparse[o], "batch-1 gathered " + nIn + "→" + nOut);
                    assertBits(s, dense[o], "batch-1 dense " + nIn + "→" + nOut);
                }
            }
        }
    }

    @Test
    void activationsMatchTheirScalarForms() {
        SplittableRandom rnd = new SplittableRandom(4);
        for (int n : BATCHES) {
            double[] a = random(rnd, n + 3);
            for (int k = 0; k < a.length; k++) {
                a[k] *= 30; // saturated tails too
            }
            double[] s = a.clone();
            double[] t = a.clone();
            double[] r = a.clone();
            Sigmoids.sigmoid(s, 3, n);
            Sigmoids.tanh(t, 3, n);
            Kernels.relu(r, 3, n);
            double[] d = random(rnd, n + 3);
            double[] dr = d.clone();
            Kernels.reluDerivative(r, dr, 3, n);
            for (int k = 0; k < 3; k++) {
                assertEquals(a[k], s[k], 0.0, "before the offset untouched");
            }
            for (int k = 3; k < n + 3; k++) {
                assertEquals(1.0 / (1.0 + Math.exp(-a[k])), s[k], 1e-15, "sigmoid");
                assertEquals(Math.tanh(a[k]), t[k], 1e-15, "tanh");
                // the vector lanes and the scalar tails are the same operations: the same bits
                assertEquals(Sigmoids.sigmoid(a[k]), s[k], 0.0, "sigmoid lanes = scalar form");
                assertEquals(Sigmoids.tanh(a[k]), t[k], 0.0, "tanh lanes = scalar form");
                assertEquals(Math.max(a[k], 0.0), r[k], 0.0, "relu");
                assertEquals(r[k] > 0 ? d[k] : 0.0, dr[k], 0.0, "relu derivative");
            }
        }
    }

    @Test
    void expIsWithinOneUlpOfMathExpAndKeepsNaN() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int i = 0; i < 200_000; i++) {
            double x = rnd.nextDouble(-708, 709);
            double m = Math.exp(x);
            assertEquals(m, Sigmoids.exp(x), Math.ulp(m), "exp(" + x + ")");
        }
        assertEquals(1.0, Sigmoids.exp(0.0), 0.0);
        assertTrue(Double.isNaN(Sigmoids.exp(Double.NaN)));
        assertEquals(Math.exp(709.0), Sigmoids.exp(1e6), Math.ulp(Math.exp(709.0)), "clamped above");
        assertEquals(Math.exp(-708.0), Sigmoids.exp(-1e6), Math.ulp(Math.exp(-708.0)), "clamped below");
    }
}
