package org.nettwin.nn.internal;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The element-wise part of an LSTM step (gate order i, f, g, o): {@code c = f⊙c_{t−1} + i⊙g},
 * {@code h = o⊙tanh(c)} and its backward, vectorised over the batch (training) or over the
 * hidden units (batch-1 inference). The gates are activated in place by {@link Sigmoids} first.
 */
public final class LstmCells {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private LstmCells() {
    }

    /**
     * Hidden unit {@code k} over the batch. {@code z} is the gate block of one step (rows
     * {@code i | f | g | o}, {@code hidden} rows each, of the given stride): activates the unit's
     * gate rows in place ({@code i, f, o} by the sigmoid, {@code g} by tanh), then at row
     * {@code k} of {@code c} and {@code tc}: {@code c = f⊙cPrev + i⊙g} ({@code cPrev} null at the
     * first step), {@code tc = tanh(c)}; and {@code h[hOff…] = o⊙tc}.
     */
    public static void forward(double[] z, int hidden, int k, int stride, double[] cPrev, double[] c, double[] tc,
            double[] h, int hOff, int batch) {
        int i = k * stride;
        int f = (hidden + k) * stride;
        int g = (2 * hidden + k) * stride;
        int o = (3 * hidden + k) * stride;
        int ck = k * stride;
        Sigmoids.sigmoid(z, i, batch);
        Sigmoids.sigmoid(z, f, batch);
        Sigmoids.tanh(z, g, batch);
        Sigmoids.sigmoid(z, o, batch);
        if (cPrev != null) {
            cell(z, i, f, g, cPrev, ck, c, ck, tc, ck, batch);
        } else {
            cellFirst(z, i, g, c, ck, tc, ck, batch);
        }
        Sigmoids.tanh(tc, ck, batch);
        multiply(z, o, tc, ck, h, hOff, batch);
    }

    /**
     * Batch-1 step: {@code z} holds the pre-activation gates {@code [i | f | g | o]}, each
     * {@code hidden} long; updates the state {@code c} ({@code first}: no previous state) and
     * writes {@code h} at {@code h[hOff…]}. {@code tc} is scratch of {@code hidden} values.
     */
    public static void forward1(double[] z, int hidden, double[] c, boolean first, double[] tc, double[] h, int hOff) {
        Sigmoids.sigmoid(z, 0, hidden);
        Sigmoids.tanh(z, 2 * hidden, hidden);
        Sigmoids.sigmoid(z, 3 * hidden, hidden);
        if (first) {
            cellFirst(z, 0, 2 * hidden, c, 0, tc, 0, hidden);
        } else {
            Sigmoids.sigmoid(z, hidden, hidden);
            cell(z, 0, hidden, 2 * hidden, c, 0, c, 0, tc, 0, hidden);
        }
        Sigmoids.tanh(tc, 0, hidden);
        multiply(z, 3 * hidden, tc, 0, h, hOff, hidden);
    }

    /**
     * {@code c = f⊙cPrev + i⊙g} over {@code n} values, the gates in {@code z} at their offsets,
     * also copied into {@code tc} (to be squashed there). {@code c} may be {@code cPrev} (the
     * batch-1 state, updated in place).
     */
    private static void cell(double[] z, int i, int f, int g, double[] cPrev, int pOff, double[] c, int cOff, double[] tc,
            int tOff, int n) {
        int k = 0;
        for (; k + L <= n; k += L) {
            DoubleVector cv = DoubleVector.fromArray(S, z, f + k).fma(DoubleVector.fromArray(S, cPrev, pOff + k),
                    DoubleVector.fromArray(S, z, i + k).mul(DoubleVector.fromArray(S, z, g + k)));
            cv.intoArray(c, cOff + k);
            cv.intoArray(tc, tOff + k);
        }
        for (; k < n; k++) {
            double cv = Math.fma(z[f + k], cPrev[pOff + k], z[i + k] * z[g + k]);
            c[cOff + k] = cv;
            tc[tOff + k] = cv;
        }
    }

    /** {@code c = i⊙g} (no previous state), also copied into {@code tc}. */
    private static void cellFirst(double[] z, int i, int g, double[] c, int cOff, double[] tc, int tOff, int n) {
        int k = 0;
        for (; k + L <= n; k += L) {
            DoubleVector cv = DoubleVector.fromArray(S, z, i + k).mul(DoubleVector.fromArray(S, z, g + k));
            cv.intoArray(c, cOff + k);
            cv.intoArray(tc, tOff + k);
        }
        for (; k < n; k++) {
            double cv = z[i + k] * z[g + k];
            c[cOff + k] = cv;
            tc[tOff + k] = cv;
        }
    }

    /** {@code out[oOff + k] = a[aOff + k] · b[bOff + k]} for {@code k < n}. */
    private static void multiply(double[] a, int aOff, double[] b, int bOff, double[] out, int oOff, int n) {
        int k = 0;
        for (; k + L <= n; k += L) {
            DoubleVector.fromArray(S, a, aOff + k).mul(DoubleVector.fromArray(S, b, bOff + k)).intoArray(out, oOff + k);
        }
        for (; k < n; k++) {
            out[oOff + k] = a[aOff + k] * b[bOff + k];
        }
    }

    /**
     * Backward through {@link #forward} for hidden unit {@code k} over the batch, from the
     * activated gate block {@code z}, {@code tc = tanh(c)}, {@code cPrev} (null at the first
     * step), the incoming {@code dh} and the carried {@code dc} (all blocks of the given stride):
     * writes the unit's gate pre-activation gradients into the block {@code dz} and replaces its
     * row of {@code dc} by the gradient carried to the previous step, {@code dc_{t−1} = dc_t⊙f}.
     */
    public static void backward(double[] z, double[] tc, double[] cPrev, double[] dh, double[] dc, double[] dz, int hidden,
            int k, int stride, int batch) {
        int io = k * stride;
        int fo = (hidden + k) * stride;
        int go = (2 * hidden + k) * stride;
        int oo = (3 * hidden + k) * stride;
        int ck = k * stride;
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        int b = 0;
        for (; b + L <= batch; b += L) {
            DoubleVector i = DoubleVector.fromArray(S, z, io + b);
            DoubleVector f = DoubleVector.fromArray(S, z, fo + b);
            DoubleVector g = DoubleVector.fromArray(S, z, go + b);
            DoubleVector o = DoubleVector.fromArray(S, z, oo + b);
            DoubleVector tv = DoubleVector.fromArray(S, tc, ck + b);
            DoubleVector dhv = DoubleVector.fromArray(S, dh, ck + b);
            DoubleVector dcv = dhv.mul(o).mul(one.sub(tv.mul(tv))).add(DoubleVector.fromArray(S, dc, ck + b));
            dcv.mul(g).mul(i).mul(one.sub(i)).intoArray(dz, io + b);
            if (cPrev != null) {
                dcv.mul(DoubleVector.fromArray(S, cPrev, ck + b)).mul(f).mul(one.sub(f)).intoArray(dz, fo + b);
            } else {
                DoubleVector.zero(S).intoArray(dz, fo + b);
            }
            dcv.mul(i).mul(one.sub(g.mul(g))).intoArray(dz, go + b);
            dhv.mul(tv).mul(o).mul(one.sub(o)).intoArray(dz, oo + b);
            dcv.mul(f).intoArray(dc, ck + b);
        }
        for (; b < batch; b++) {
            double i = z[io + b];
            double f = z[fo + b];
            double g = z[go + b];
            double o = z[oo + b];
            double tv = tc[ck + b];
            double dhv = dh[ck + b];
            double dcv = dhv * o * (1.0 - tv * tv) + dc[ck + b];
            dz[io + b] = dcv * g * i * (1.0 - i);
            dz[fo + b] = cPrev != null ? dcv * cPrev[ck + b] * f * (1.0 - f) : 0.0;
            dz[go + b] = dcv * i * (1.0 - g * g);
            dz[oo + b] = dhv * tv * o * (1.0 - o);
            dc[ck + b] = dcv * f;
        }
    }
}
