package org.nettwin.landscape;

import java.util.Objects;

import org.nettwin.api.Seeds;
import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.rl.LossSurface;

/**
 * Samples a {@link LossSurface} network's training loss along filter-normalised random
 * directions ({@link Directions}): a line {@code L(θ + α d₁)} for {@code α ∈ [−a, a]} and a plane
 * {@code L(θ + α d₁ + β d₂)} on a grid. {@code d₁} is drawn from {@code Seeds.derive(seed,
 * "direction-1")} and {@code d₂} from {@code "direction-2"}, so the line is the plane's {@code β =
 * 0} row and the same seed gives the same numbers. The surface's trained parameters are never
 * changed (every probe passes its own parameter array).
 *
 * @since 0.1
 */
public final class LossLandscape {

    private LossLandscape() {
    }

    /**
     * @param range  {@code a}: α runs over [−a, a]
     * @param points samples, odd so that α = 0 is one of them (≥ 3)
     */
    public static Curve line(LossSurface surface, String network, TransitionDataset data, double range, int points, long seed) {
        double[] theta = checked(surface, network, data, range, points);
        double[] d = Directions.filterNormalized(theta, surface.filters(network), Seeds.derive(seed, "direction-1"));
        double[] alphas = grid(range, points);
        double[] losses = new double[points];
        double[] probe = new double[theta.length];
        for (int k = 0; k < points; k++) {
            for (int i = 0; i < theta.length; i++) {
                probe[i] = theta[i] + alphas[k] * d[i];
            }
            losses[k] = finite(surface.loss(network, probe, data), network, alphas[k], 0);
        }
        return new Curve(network, alphas, losses, losses[points / 2]);
    }

    /** As {@link #line}, on a {@code points × points} grid over [−a, a]². */
    public static Plane plane(LossSurface surface, String network, TransitionDataset data, double range, int points, long seed) {
        double[] theta = checked(surface, network, data, range, points);
        int[] filters = surface.filters(network);
        double[] d1 = Directions.filterNormalized(theta, filters, Seeds.derive(seed, "direction-1"));
        double[] d2 = Directions.filterNormalized(theta, filters, Seeds.derive(seed, "direction-2"));
        double[] axis = grid(range, points);
        double[][] losses = new double[points][points];
        double[] probe = new double[theta.length];
        for (int j = 0; j < points; j++) {
            for (int k = 0; k < points; k++) {
                for (int i = 0; i < theta.length; i++) {
                    probe[i] = theta[i] + axis[k] * d1[i] + axis[j] * d2[i];
                }
                losses[j][k] = finite(surface.loss(network, probe, data), network, axis[k], axis[j]);
            }
        }
        return new Plane(network, axis, axis.clone(), losses, losses[points / 2][points / 2]);
    }

    private static double[] checked(LossSurface surface, String network, TransitionDataset data, double range, int points) {
        Objects.requireNonNull(surface, "surface");
        Objects.requireNonNull(data, "data");
        if (!surface.networks().contains(network)) {
            throw new IllegalArgumentException("network '" + network + "' is not one of " + surface.networks());
        }
        if (data.size() == 0) {
            throw new IllegalArgumentException("data: the dataset is empty");
        }
        if (!(range > 0) || !Double.isFinite(range)) {
            throw new IllegalArgumentException("range must be positive and finite, got " + range);
        }
        if (points < 3 || points % 2 == 0) {
            throw new IllegalArgumentException("points must be odd and at least 3 (so that 0 is sampled), got " + points);
        }
        return surface.parameters(network);
    }

    /** {@code points} values from −a to a with 0 exactly in the middle. */
    static double[] grid(double range, int points) {
        double[] g = new double[points];
        int half = points / 2;
        for (int k = 0; k < points; k++) {
            g[k] = range * (k - half) / half;
        }
        return g;
    }

    private static double finite(double loss, String network, double alpha, double beta) {
        if (!Double.isFinite(loss)) {
            throw new IllegalStateException("loss of '" + network + "' is " + loss + " at alpha = " + alpha + ", beta = " + beta
                    + ": the range reaches parameters where the network overflows; use a smaller range");
        }
        return loss;
    }
}
