package org.nettwin.landscape;

import org.nettwin.api.SeededRandom;
import org.nettwin.api.Seeds;

/**
 * Filter-normalised random directions (Li et al., "Visualizing the loss landscape of neural
 * nets", NeurIPS 2018, Section 4): a direction {@code d} with independent standard normal
 * entries, zero where the parameter belongs to no filter (biases), and each filter rescaled,
 * {@code d_f ← d_f · ‖θ_f‖ / ‖d_f‖}, so that a step along {@code d} changes every filter in
 * proportion to its own size. That removes the scale invariance of ReLU networks from the
 * picture: curves of different networks become comparable.
 *
 * @since 0.1
 */
public final class Directions {

    private Directions() {
    }

    /**
     * @param theta   the trained parameters
     * @param filters per parameter its filter number (from 0), or -1 to leave it at zero
     * @param seed    the direction's seed (same seed, same direction)
     * @return the filter-normalised direction
     * @throws IllegalArgumentException if the arrays differ in length or a filter number is below -1
     */
    public static double[] filterNormalized(double[] theta, int[] filters, long seed) {
        if (theta.length != filters.length) {
            throw new IllegalArgumentException("filters has " + filters.length + " entries for " + theta.length + " parameters");
        }
        int count = 0;
        for (int i = 0; i < filters.length; i++) {
            if (filters[i] < -1) {
                throw new IllegalArgumentException("filters[" + i + "] = " + filters[i] + ": a filter number or -1");
            }
            count = Math.max(count, filters[i] + 1);
        }
        SeededRandom random = Seeds.generator(seed);
        double[] d = new double[theta.length];
        for (int i = 0; i < d.length; i++) {
            double g = random.nextGaussian(); // drawn for every parameter, so the stream does not depend on the filters
            d[i] = filters[i] < 0 ? 0 : g;
        }
        double[] thetaNorm = new double[count];
        double[] dNorm = new double[count];
        for (int i = 0; i < d.length; i++) {
            int f = filters[i];
            if (f >= 0) {
                thetaNorm[f] += theta[i] * theta[i];
                dNorm[f] += d[i] * d[i];
            }
        }
        for (int i = 0; i < d.length; i++) {
            int f = filters[i];
            if (f >= 0) {
                d[i] = dNorm[f] == 0 ? 0 : d[i] * Math.sqrt(thetaNorm[f] / dNorm[f]);
            }
        }
        return d;
    }
}
