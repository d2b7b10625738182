package org.nettwin.landscape;

/**
 * A 1-D loss landscape: {@code losses[k] = L(θ + alphas[k]·d)} along a filter-normalised
 * direction {@code d}; {@code alphas} are symmetric around 0 and contain 0, where the loss is
 * {@link #centreLoss()}.
 *
 * <p>Flatness figures (distances in units of {@code d}, i.e. of the filters' own norms):
 * <ul>
 * <li>{@link #meanIncrease()} = {@code (1/K) Σ_k (L(α_k) − L(0))}: the mean rise over the whole range;</li>
 * <li>{@link #sharpness(double)} = {@code max_{|α_k| ≤ ε} (L(α_k) − L(0)) / (1 + |L(0)|)}: the
 * largest relative rise within {@code ε} (the ε-sharpness of Keskar et al. 2017, on the
 * sampled points of this direction).</li>
 * </ul>
 * Smaller values mean a flatter minimum.
 *
 * @since 0.1
 */
public record Curve(String network, double[] alphas, double[] losses, double centreLoss) {

    public double meanIncrease() {
        double sum = 0;
        for (double l : losses) {
            sum += l - centreLoss;
        }
        return sum / losses.length;
    }

    public double sharpness(double epsilon) {
        double max = 0;
        for (int k = 0; k < alphas.length; k++) {
            if (Math.abs(alphas[k]) <= epsilon + 1e-12) {
                max = Math.max(max, losses[k] - centreLoss);
            }
        }
        return max / (1 + Math.abs(centreLoss));
    }

    /** @return the α of the lowest sampled loss (the first, if tied) */
    public double argminAlpha() {
        int best = 0;
        for (int k = 1; k < losses.length; k++) {
            if (losses[k] < losses[best]) {
                best = k;
            }
        }
        return alphas[best];
    }

    public double minLoss() {
        double m = Double.POSITIVE_INFINITY;
        for (double l : losses) {
            m = Math.min(m, l);
        }
        return m;
    }
}
