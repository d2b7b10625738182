package org.nettwin.nn;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Per-feature standardisation {@code x' = (x - mean) / std} of network inputs, fitted once on a
 * sample and then frozen, so that value targets stay stationary. Features that do not vary in
 * the sample (one-hot columns never set, constants) pass through centred but unscaled. Applying
 * it allocates nothing. Unfitted, it is the identity.
 *
 * @since 0.1
 */
public final class Standardizer {

    private static final double MIN_STD = 1e-6;

    private final double[] mean;
    private final double[] invStd;
    private boolean fitted;

    /** The identity on {@code width} features until {@link #fit} is called. */
    public Standardizer(int width) {
        this.mean = new double[width];
        this.invStd = new double[width];
        Arrays.fill(invStd, 1.0);
    }

    /** @return the number of features */
    public int width() {
        return mean.length;
    }

    /** @return whether {@link #fit} (or a read) has set the statistics */
    public boolean fitted() {
        return fitted;
    }

    /** Fits mean and standard deviation on the first {@code rows} rows of {@code data} (row-major, {@code width} per row). */
    public void fit(double[] data, int rows) {
        if (rows < 1 || (long) rows * mean.length > data.length) {
            throw new IllegalArgumentException("cannot fit on " + rows + " rows of " + mean.length + " from " + data.length + " values");
        }
        int w = mean.length;
        Arrays.fill(mean, 0.0);
        double[] sq = invStd;
        Arrays.fill(sq, 0.0);
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < w; j++) {
                mean[j] += data[r * w + j];
            }
        }
        for (int j = 0; j < w; j++) {
            mean[j] /= rows;
        }
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < w; j++) {
                double d = data[r * w + j] - mean[j];
                sq[j] += d * d;
            }
        }
        for (int j = 0; j < w; j++) {
            double std = Math.sqrt(sq[j] / rows);
            invStd[j] = std < MIN_STD ? 1.0 : 1.0 / std;
        }
        fitted = true;
    }

    /** Standardises {@code rows} rows of {@code x} starting at {@code offset}, in place. */
    public void apply(double[] x, int offset, int rows) {
        int w = mean.length;
        for (int r = 0; r < rows; r++) {
            int base = offset + r * w;
            for (int j = 0; j < w; j++) {
                x[base + j] = (x[base + j] - mean[j]) * invStd[j];
            }
        }
    }

    /** Takes over {@code other}'s statistics. */
    public void copyFrom(Standardizer other) {
        if (other.width() != width()) {
            throw new IllegalArgumentException("standardizer of " + other.width() + " features cannot replace one of " + width());
        }
        System.arraycopy(other.mean, 0, mean, 0, mean.length);
        System.arraycopy(other.invStd, 0, invStd, 0, invStd.length);
        fitted = other.fitted;
    }

    /** Format: {@code u8} fitted, {@code i32} width, then width {@code f64} means and width {@code f64} inverse deviations. */
    public void write(DataOutputStream out) throws IOException {
        out.writeBoolean(fitted);
        out.writeInt(mean.length);
        for (double m : mean) {
            out.writeDouble(m);
        }
        for (double s : invStd) {
            out.writeDouble(s);
        }
    }

    /** Reads what {@link #write} wrote, for {@code width} features. */
    public static Standardizer read(DataInputStream in, int width) throws IOException {
        boolean fitted = in.readBoolean();
        int w = in.readInt();
        if (w != width) {
            throw new IOException("standardizer holds " + w + " features, " + width + " expected");
        }
        Standardizer s = new Standardizer(width);
        for (int j = 0; j < w; j++) {
            s.mean[j] = in.readDouble();
        }
        for (int j = 0; j < w; j++) {
            double v = in.readDouble();
            if (!(v > 0) || !Double.isFinite(v) || !Double.isFinite(s.mean[j])) {
                throw new IOException("corrupt standardizer: feature " + j + " has mean " + s.mean[j] + ", 1/std " + v);
            }
            s.invStd[j] = v;
        }
        s.fitted = fitted;
        return s;
    }
}
