package org.nettwin.nn;

/**
 * Gradient utilities: norms and global-norm clipping (as {@code torch.nn.utils.clip_grad_norm_}).
 *
 * @since 0.1
 */
public final class Gradients {

    private Gradients() {
    }

    /** Euclidean norm of {@code g}. */
    public static double norm(double[] g) {
        return Math.sqrt(sumOfSquares(g));
    }

    /** {@code Σ g²}: add these over several arrays to clip them under one global norm. */
    public static double sumOfSquares(double[] g) {
        // four accumulators: independent chains the CPU can overlap
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int n = g.length;
        int k = 0;
        for (; k + 3 < n; k += 4) {
            s0 += g[k] * g[k];
            s1 += g[k + 1] * g[k + 1];
            s2 += g[k + 2] * g[k + 2];
            s3 += g[k + 3] * g[k + 3];
        }
        for (; k < n; k++) {
            s0 += g[k] * g[k];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Multiplies every element of {@code g} by {@code factor}. */
    public static void scale(double[] g, double factor) {
        for (int k = 0; k < g.length; k++) {
            g[k] *= factor;
        }
    }

    /**
     * Scales {@code g} so its norm is at most {@code maxNorm}; returns the norm before clipping.
     */
    public static double clipGlobalNorm(double[] g, double maxNorm) {
        double norm = norm(g);
        if (norm > maxNorm) {
            scale(g, maxNorm / (norm + 1e-12));
        }
        return norm;
    }

    /**
     * Clips two gradient arrays under one global norm (for example actor and log-std, or two
     * networks trained by one loss); returns the joint norm before clipping.
     */
    public static double clipGlobalNorm(double[] a, double[] b, double maxNorm) {
        double norm = Math.sqrt(sumOfSquares(a) + sumOfSquares(b));
        if (norm > maxNorm) {
            double f = maxNorm / (norm + 1e-12);
            scale(a, f);
            scale(b, f);
        }
        return norm;
    }
}
