package org.nettwin.plot;

import java.util.Arrays;

import org.nettwin.plot.internal.Values;

/**
 * Curves of several seeds on one common x grid, ready for {@link LineChart#seriesOverSeeds}:
 * {@code y()[s][b]} is seed {@code s}'s value at {@code x()[b]}.
 *
 * @since 0.1
 */
public final class SeedCurves {

    private final double[] x;
    private final double[][] y;

    private SeedCurves(double[] x, double[][] y) {
        this.x = x;
        this.y = y;
    }

    /**
     * Puts curves sampled at different x (say, episode returns at the steps where each seed's
     * episodes ended) onto one grid. The rule:
     * <ol>
     * <li>the span from the smallest to the largest x of all seeds is cut into {@code buckets} equal
     * buckets, each closed on the left and open on the right (the last also closed on the right);
     * the grid's x is each bucket's centre;</li>
     * <li>a seed's value in a bucket is the mean of its points in that bucket;</li>
     * <li>a bucket without points of that seed carries the seed's value of the bucket before it
     * forward; buckets before the seed's first point take the value of its first non-empty bucket.</li>
     * </ol>
     *
     * @param xSeeds {@code xSeeds[s]} the x values of seed {@code s} (any order)
     * @param ySeeds {@code ySeeds[s]} its y values, as many as {@code xSeeds[s]}
     * When all x are equal (every seed ran one episode, say) the grid is that one x, each seed's
     * value the mean of its points.
     *
     * @throws IllegalArgumentException if there is no seed, a seed's arrays are empty, differ in
     *         length or hold NaN/infinity, or {@code buckets < 1}
     */
    public static SeedCurves bucketed(double[][] xSeeds, double[][] ySeeds, int buckets) {
        if (xSeeds == null || ySeeds == null || xSeeds.length == 0 || xSeeds.length != ySeeds.length) {
            throw new IllegalArgumentException("xSeeds and ySeeds must hold the same number (at least 1) of seeds, got "
                    + (xSeeds == null ? "null" : xSeeds.length) + " and " + (ySeeds == null ? "null" : ySeeds.length));
        }
        if (buckets < 1) {
            throw new IllegalArgumentException("buckets must be at least 1, got " + buckets);
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < xSeeds.length; s++) {
            Values.requirePairs("seed " + s, xSeeds[s], ySeeds[s]);
            lo = Math.min(lo, Values.min(xSeeds[s]));
            hi = Math.max(hi, Values.max(xSeeds[s]));
        }
        if (!(hi > lo)) {
            // every seed's points share one x (e.g. runs of one episode each): one bucket there, each
            // seed's value the mean of its points — a curve of one point, not an error
            double[][] y = new double[xSeeds.length][1];
            for (int s = 0; s < xSeeds.length; s++) {
                double sum = 0;
                for (double v : ySeeds[s]) {
                    sum += v;
                }
                y[s][0] = sum / ySeeds[s].length;
            }
            return new SeedCurves(new double[] {lo}, y);
        }
        double width = (hi - lo) / buckets;
        double[] x = new double[buckets];
        for (int b = 0; b < buckets; b++) {
            x[b] = lo + (b + 0.5) * width;
        }
        double[][] y = new double[xSeeds.length][buckets];
        double[] sum = new double[buckets];
        int[] count = new int[buckets];
        for (int s = 0; s < xSeeds.length; s++) {
            Arrays.fill(sum, 0);
            Arrays.fill(count, 0);
            for (int k = 0; k < xSeeds[s].length; k++) {
                int b = Math.min(buckets - 1, (int) Math.floor((xSeeds[s][k] - lo) / width));
                sum[b] += ySeeds[s][k];
                count[b]++;
            }
            int first = 0;
            while (count[first] == 0) {
                first++;
            }
            double carried = sum[first] / count[first];
            for (int b = 0; b < buckets; b++) {
                if (count[b] > 0) {
                    carried = sum[b] / count[b];
                }
                y[s][b] = carried;
            }
        }
        return new SeedCurves(x, y);
    }

    /** @return the grid: the buckets' centres, increasing */
    public double[] x() {
        return x.clone();
    }

    /** @return {@code y()[s][b]}: seed {@code s} at {@code x()[b]} */
    public double[][] y() {
        double[][] copy = new double[y.length][];
        for (int s = 0; s < y.length; s++) {
            copy[s] = y[s].clone();
        }
        return copy;
    }
}
