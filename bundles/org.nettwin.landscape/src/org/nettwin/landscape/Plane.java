package org.nettwin.landscape;

/**
 * A 2-D loss landscape: {@code losses[j][i] = L(θ + alphas[i]·d₁ + betas[j]·d₂)} over a grid
 * symmetric around and containing (0, 0), where the loss is {@link #centreLoss()} (rows per β,
 * as {@code org.nettwin.plot.HeatMap} reads them).
 *
 * <p>Flatness figures (distances {@code ρ = √(α² + β²)} in units of the directions):
 * <ul>
 * <li>{@link #meanIncreaseWithin(double)} = the mean of {@code L − L(0,0)} over grid points with {@code ρ ≤ r};</li>
 * <li>{@link #sharpness(double)} = {@code max_{ρ ≤ ε} (L − L(0,0)) / (1 + |L(0,0)|)}.</li>
 * </ul>
 *
 * @since 0.1
 */
public record Plane(String network, double[] alphas, double[] betas, double[][] losses, double centreLoss) {

    public double meanIncreaseWithin(double radius) {
        double sum = 0;
        int n = 0;
        for (int j = 0; j < betas.length; j++) {
            for (int i = 0; i < alphas.length; i++) {
                if (Math.hypot(alphas[i], betas[j]) <= radius + 1e-12) {
                    sum += losses[j][i] - centreLoss;
                    n++;
                }
            }
        }
        return sum / n; // n >= 1: the centre is on the grid
    }

    public double sharpness(double epsilon) {
        double max = 0;
        for (int j = 0; j < betas.length; j++) {
            for (int i = 0; i < alphas.length; i++) {
                if (Math.hypot(alphas[i], betas[j]) <= epsilon + 1e-12) {
                    max = Math.max(max, losses[j][i] - centreLoss);
                }
            }
        }
        return max / (1 + Math.abs(centreLoss));
    }

    public double minLoss() {
        double m = Double.POSITIVE_INFINITY;
        for (double[] row : losses) {
            for (double l : row) {
                m = Math.min(m, l);
            }
        }
        return m;
    }
}
