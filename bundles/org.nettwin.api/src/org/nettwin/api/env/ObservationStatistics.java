package org.nettwin.api.env;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Running mean and variance of observation coordinates (Welford's algorithm), and the
 * normalisation {@code clip((x − mean) / sqrt(var + 1e-8), ±clip)} that Gymnasium's
 * {@code NormalizeObservation} and SB3's {@code VecNormalize} apply. Allocation-free.
 *
 * @since 0.1
 */
public final class ObservationStatistics {

    private static final double EPSILON = 1e-8;

    private final double[] mean;
    private final double[] m2;
    private final double clip;
    private long count;

    /** @param size coordinates; {@code clip} the bound of normalised values (SB3: 10) */
    public ObservationStatistics(int size, double clip) {
        if (!(clip > 0)) {
            throw new IllegalArgumentException("clip must be positive, got " + clip);
        }
        this.mean = new double[size];
        this.m2 = new double[size];
        this.clip = clip;
    }

    /** @return the bound of normalised values */
    public double clip() {
        return clip;
    }

    /** @return observations seen */
    public long count() {
        return count;
    }

    /** Adds one observation. */
    public void update(double[] x) {
        count++;
        for (int i = 0; i < mean.length; i++) {
            double d = x[i] - mean[i];
            mean[i] += d / count;
            m2[i] += d * (x[i] - mean[i]);
        }
    }

    /** Writes the normalised {@code x} into {@code out}. */
    public void normalize(double[] x, double[] out) {
        for (int i = 0; i < mean.length; i++) {
            double var = count > 1 ? m2[i] / count : 1.0;
            double z = (x[i] - mean[i]) / Math.sqrt(var + EPSILON);
            out[i] = Math.max(-clip, Math.min(clip, z));
        }
    }

    /** Takes the statistics of {@code other} (same size), e.g. read back from a saved run. */
    public void set(ObservationStatistics other) {
        if (other.mean.length != mean.length) {
            throw new IllegalArgumentException("statistics of " + other.mean.length + " coordinates, not " + mean.length);
        }
        System.arraycopy(other.mean, 0, mean, 0, mean.length);
        System.arraycopy(other.m2, 0, m2, 0, m2.length);
        count = other.count;
    }

    /** @return an independent copy with the same statistics */
    public ObservationStatistics copy() {
        ObservationStatistics c = new ObservationStatistics(mean.length, clip);
        System.arraycopy(mean, 0, c.mean, 0, mean.length);
        System.arraycopy(m2, 0, c.m2, 0, m2.length);
        c.count = count;
        return c;
    }

    /** Writes size, clip, count, means and sums of squared deviations. */
    public void write(DataOutputStream out) throws IOException {
        out.writeInt(mean.length);
        out.writeDouble(clip);
        out.writeLong(count);
        for (int i = 0; i < mean.length; i++) {
            out.writeDouble(mean[i]);
            out.writeDouble(m2[i]);
        }
    }

    /** @throws IOException for a negative size or count, or non-finite values */
    public static ObservationStatistics read(DataInputStream in) throws IOException {
        int size = in.readInt();
        double clip = in.readDouble();
        long count = in.readLong();
        if (size < 0 || size > 1_000_000 || count < 0 || !(clip > 0) || Double.isInfinite(clip)) {
            throw new IOException("corrupt observation statistics (size " + size + ", count " + count + ", clip " + clip + ")");
        }
        ObservationStatistics s = new ObservationStatistics(size, clip);
        s.count = count;
        for (int i = 0; i < size; i++) {
            s.mean[i] = in.readDouble();
            s.m2[i] = in.readDouble();
            if (!Double.isFinite(s.mean[i]) || !(s.m2[i] >= 0) || Double.isInfinite(s.m2[i])) {
                throw new IOException("corrupt observation statistics at coordinate " + i);
            }
        }
        return s;
    }
}
