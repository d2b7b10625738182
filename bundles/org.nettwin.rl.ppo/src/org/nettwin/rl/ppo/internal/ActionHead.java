package org.nettwin.rl.ppo.internal;

import java.util.random.RandomGenerator;

import org.nettwin.api.space.Box;
import org.nettwin.api.space.Discrete;
import org.nettwin.api.space.MultiDiscrete;
import org.nettwin.api.space.Simplex;
import org.nettwin.api.space.Space;

/**
 * The action distribution an actor's outputs parameterise, for one action space. A "raw" action
 * is what the log-probability is taken of and what rollouts store: the category index of each
 * discrete component, the unclipped Gaussian sample of a {@code Box}, the Gaussian logits of a
 * {@code Simplex}. {@link #toAction} turns it into what the environment receives.
 *
 * <p>Every method works on caller-owned arrays at offsets plus a scratch row of its own, so a head
 * allocates nothing after construction; an instance is therefore not thread-safe.
 */
abstract sealed class ActionHead {

    private static final double LOG_2PI = Math.log(2 * Math.PI);

    /** @return the head for {@code space}, or throws saying why PPO cannot act in it */
    static ActionHead of(Space<?> space) {
        return switch (space) {
            case Discrete d -> new Categorical(new int[] {d.n()}, d.start(), false);
            case MultiDiscrete m -> new Categorical(m.nvec(), 0, true);
            case Box b -> new Gaussian(b);
            case Simplex s -> new SoftmaxGaussian(s.n());
            default -> throw new IllegalArgumentException("rl/ppo has no action distribution for " + space.describe()
                    + " (supported: Discrete, MultiDiscrete, Box, Simplex)");
        };
    }

    /** @return a head of the same kind with its own scratch buffers */
    abstract ActionHead copy();

    /** @return actor outputs the distribution reads (logits or means) */
    abstract int outputs();

    /** @return state-independent log standard deviations the distribution needs (0 for categorical ones) */
    abstract int logStdSize();

    /** @return doubles per raw action */
    abstract int rawSize();

    /** Draws a raw action into {@code raw} at {@code r}; returns its log-probability. */
    abstract double sample(double[] out, int o, double[] logStd, RandomGenerator random, double[] raw, int r);

    /** Writes the distribution's mode (arg-max, mean) as a raw action. */
    abstract void mode(double[] out, int o, double[] raw, int r);

    /** @return log π(raw | outputs) */
    abstract double logProb(double[] out, int o, double[] logStd, double[] raw, int r);

    /** @return the distribution's entropy */
    abstract double entropy(double[] out, int o, double[] logStd);

    /**
     * ADDS {@code wLogProb · ∂log π(raw)/∂θ + wEntropy · ∂H/∂θ} to the output gradient {@code dOut}
     * at {@code o} and to {@code dLogStd}, θ being the outputs and the log-stds.
     */
    abstract void backward(double[] out, int o, double[] logStd, double[] raw, int r, double wLogProb, double wEntropy, double[] dOut,
            double[] dLogStd);

    /**
     * @param reuse a value of the action type to overwrite (arrays), or {@code null} to allocate
     * @return the environment's action for the raw action
     */
    abstract Object toAction(double[] raw, int r, Object reuse);

    /**
     * Writes the raw action of a dataset's encoded action (the environment's compact form) for
     * the distribution with outputs {@code out}: indices for discrete spaces, the coordinates for
     * a box; a simplex's shares become logits {@code log s}, shifted so their mean equals the mean
     * of the policy's mean logits (softmax forgets such a shift).
     */
    abstract void rawOfEncoded(double[] encoded, int e, double[] out, int o, double[] raw, int r);

    /** Categorical distributions, one per component, from logits (one component for {@code Discrete}). */
    static final class Categorical extends ActionHead {
        private final int[] sizes;
        private final int start;
        private final boolean vector;
        private final int outputs;
        private final double[] probabilities;

        /** @param vector whether actions are {@code int[]} (MultiDiscrete) rather than one {@code Integer} offset by {@code start} */
        Categorical(int[] sizes, int start, boolean vector) {
            this.sizes = sizes.clone();
            this.start = start;
            this.vector = vector;
            int total = 0;
            for (int n : sizes) {
                total += n;
            }
            this.outputs = total;
            this.probabilities = new double[total];
        }

        @Override
        ActionHead copy() {
            return new Categorical(sizes, start, vector);
        }

        @Override
        int outputs() {
            return outputs;
        }

        @Override
        int logStdSize() {
            return 0;
        }

        @Override
        int rawSize() {
            return sizes.length;
        }

        /** Softmax of component {@code c}'s logits into the scratch row; returns their log-sum-exp. */
        private double softmax(double[] out, int o, int from, int n) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                max = Math.max(max, out[o + from + j]);
            }
            double sum = 0;
            for (int j = 0; j < n; j++) {
                double e = Math.exp(out[o + from + j] - max);
                probabilities[from + j] = e;
                sum += e;
            }
            double inv = 1.0 / sum;
            for (int j = 0; j < n; j++) {
                probabilities[from + j] *= inv;
            }
            return max + Math.log(sum);
        }

        @Override
        double sample(double[] out, int o, double[] logStd, RandomGenerator random, double[] raw, int r) {
            double logProb = 0;
            for (int c = 0, from = 0; c < sizes.length; from += sizes[c], c++) {
                double lse = softmax(out, o, from, sizes[c]);
                double u = random.nextDouble();
                int k = 0;
                double cumulative = probabilities[from];
                while (u >= cumulative && k < sizes[c] - 1) {
                    cumulative += probabilities[from + ++k];
                }
                raw[r + c] = k;
                logProb += out[o + from + k] - lse;
            }
            return logProb;
        }

        @Override
        void mode(double[] out, int o, double[] raw, int r) {
            for (int c = 0, from = 0; c < sizes.length; from += sizes[c], c++) {
                int best = 0;
                for (int j = 1; j < sizes[c]; j++) {
                    if (out[o + from + j] > out[o + from + best]) {
                        best = j;
                    }
                }
                raw[r + c] = best;
            }
        }

        @Override
        double logProb(double[] out, int o, double[] logStd, double[] raw, int r) {
            double logProb = 0;
            for (int c = 0, from = 0; c < sizes.length; from += sizes[c], c++) {
                logProb += out[o + from + (int) raw[r + c]] - softmax(out, o, from, sizes[c]);
            }
            return logProb;
        }

        @Override
        double entropy(double[] out, int o, double[] logStd) {
            double h = 0;
            for (int c = 0, from = 0; c < sizes.length; from += sizes[c], c++) {
                double lse = softmax(out, o, from, sizes[c]);
                for (int j = 0; j < sizes[c]; j++) {
                    double p = probabilities[from + j];
                    if (p > 0) {
                        h -= p * (out[o + from + j] - lse); // log p = z − lse, exact even where p underflows towards 0
                    }
                }
            }
            return h;
        }

        @Override
        void backward(double[] out, int o, double[] logStd, double[] raw, int r, double wLogProb, double wEntropy, double[] dOut,
                double[] dLogStd) {
            for (int c = 0, from = 0; c < sizes.length; from += sizes[c], c++) {
                double lse = softmax(out, o, from, sizes[c]);
                double h = 0;
                for (int j = 0; j < sizes[c]; j++) {
                    h -= probabilities[from + j] * (out[o + from + j] - lse);
                }
                int taken = (int) raw[r + c];
                for (int j = 0; j < sizes[c]; j++) {
                    double p = probabilities[from + j];
                    double logP = out[o + from + j] - lse;
                    // ∂log p_a/∂z_j = 1[j=a] − p_j ; ∂H/∂z_j = −p_j (log p_j + H)
                    double g = wLogProb * ((j == taken ? 1.0 : 0.0) - p) - wEntropy * p * (logP + h);
                    dOut[o + from + j] += g;
                }
            }
        }

        @Override
        Object toAction(double[] raw, int r, Object reuse) {
            if (!vector) {
                return start + (int) raw[r];
            }
            int[] a = reuse instanceof int[] v ? v : new int[sizes.length];
            for (int c = 0; c < sizes.length; c++) {
                a[c] = (int) raw[r + c];
            }
            return a;
        }

        @Override
        void rawOfEncoded(double[] encoded, int e, double[] out, int o, double[] raw, int r) {
            for (int c = 0; c < sizes.length; c++) {
                raw[r + c] = Math.round(encoded[e + c]) - start;
            }
        }
    }

    /** A diagonal Gaussian with means from the actor and state-independent learned log-stds. */
    static sealed class Gaussian extends ActionHead permits SoftmaxGaussian {
        final int dimension;
        private final Box box;

        Gaussian(Box box) {
            this(box.dimension(), box);
        }

        Gaussian(int dimension, Box box) {
            this.dimension = dimension;
            this.box = box;
        }

        @Override
        ActionHead copy() {
            return new Gaussian(dimension, box);
        }

        @Override
        final int outputs() {
            return dimension;
        }

        @Override
        final int logStdSize() {
            return dimension;
        }

        @Override
        final int rawSize() {
            return dimension;
        }

        @Override
        final double sample(double[] out, int o, double[] logStd, RandomGenerator random, double[] raw, int r) {
            for (int i = 0; i < dimension; i++) {
                raw[r + i] = out[o + i] + Math.exp(logStd[i]) * random.nextGaussian();
            }
            return logProb(out, o, logStd, raw, r);
        }

        @Override
        final void mode(double[] out, int o, double[] raw, int r) {
            System.arraycopy(out, o, raw, r, dimension);
        }

        @Override
        final double logProb(double[] out, int o, double[] logStd, double[] raw, int r) {
            double logProb = 0;
            for (int i = 0; i < dimension; i++) {
                double z = (raw[r + i] - out[o + i]) * Math.exp(-logStd[i]);
                logProb += -0.5 * z * z - logStd[i] - 0.5 * LOG_2PI;
            }
            return logProb;
        }

        @Override
        final double entropy(double[] out, int o, double[] logStd) {
            double h = 0;
            for (int i = 0; i < dimension; i++) {
                h += logStd[i] + 0.5 * (1 + LOG_2PI);
            }
            return h;
        }

        @Override
        final void backward(double[] out, int o, double[] logStd, double[] raw, int r, double wLogProb, double wEntropy, double[] dOut,
                double[] dLogStd) {
            for (int i = 0; i < dimension; i++) {
                double invSigma = Math.exp(-logStd[i]);
                double z = (raw[r + i] - out[o + i]) * invSigma;
                // ∂log π/∂μ = (x − μ)/σ² ; ∂log π/∂log σ = z² − 1 ; ∂H/∂log σ = 1
                dOut[o + i] += wLogProb * z * invSigma;
                dLogStd[i] += wLogProb * (z * z - 1) + wEntropy;
            }
        }

        @Override
        Object toAction(double[] raw, int r, Object reuse) {
            double[] a = reuse instanceof double[] v ? v : new double[dimension];
            System.arraycopy(raw, r, a, 0, dimension);
            box.clip(a); // the environment gets the clipped sample; the log-probability stays the unclipped one's
            return a;
        }

        @Override
        void rawOfEncoded(double[] encoded, int e, double[] out, int o, double[] raw, int r) {
            System.arraycopy(encoded, e, raw, r, dimension);
        }
    }

    /** Resource shares: a Gaussian over logits, mapped to shares by softmax. */
    static final class SoftmaxGaussian extends Gaussian {

        SoftmaxGaussian(int n) {
            super(n, null);
        }

        @Override
        ActionHead copy() {
            return new SoftmaxGaussian(dimension);
        }

        @Override
        Object toAction(double[] raw, int r, Object reuse) {
            double[] a = reuse instanceof double[] v ? v : new double[dimension];
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < dimension; i++) {
                max = Math.max(max, raw[r + i]);
            }
            double sum = 0;
            for (int i = 0; i < dimension; i++) {
                a[i] = Math.exp(raw[r + i] - max);
                sum += a[i];
            }
            for (int i = 0; i < dimension; i++) {
                a[i] /= sum;
            }
            return a;
        }

        @Override
        void rawOfEncoded(double[] encoded, int e, double[] out, int o, double[] raw, int r) {
            double meanLog = 0;
            double meanMu = 0;
            for (int i = 0; i < dimension; i++) {
                raw[r + i] = Math.log(Math.max(encoded[e + i], 1e-12));
                meanLog += raw[r + i] / dimension;
                meanMu += out[o + i] / dimension;
            }
            for (int i = 0; i < dimension; i++) {
                raw[r + i] += meanMu - meanLog;
            }
        }
    }
}
