package org.nettwin.rl.td3.internal;

import java.util.random.RandomGenerator;

import org.nettwin.api.space.Box;
import org.nettwin.api.space.Simplex;
import org.nettwin.api.space.Space;
import org.nettwin.nn.Activation;
import org.nettwin.nn.Mlp;

/**
 * How the actor's output becomes an action, and how noise is added to it. The networks, the
 * replay and the critics work in the head's <em>normalised</em> units: a {@code Box} action as
 * {@code u ∈ [−1, 1]^d} (tanh output, {@code a = low + (u + 1)(high − low)/2}), a {@code Simplex}
 * action as the shares themselves (softmax output). Noise is added in those units and the result
 * brought back into the set: clipped to {@code [−1, 1]} for a box, projected onto the simplex
 * ({@link Simplex#project}, the Euclidean projection) for shares — projection, unlike
 * re-normalising, keeps small noisy shares at exactly zero and moves every coordinate by the same
 * amount, so the noise stays isotropic on the simplex.
 */
abstract sealed class ActionHead {

    final int size;

    private ActionHead(int size) {
        this.size = size;
    }

    /** @return the head for {@code actions}; the provider has checked it is a bounded Box or a Simplex */
    static ActionHead of(Space<?> actions) {
        return switch (actions) {
            case Box b -> new BoxHead(b);
            case Simplex s -> new SimplexHead(s.n());
            default -> throw new IllegalArgumentException("TD3 needs a bounded Box or a Simplex action space, got " + actions.describe());
        };
    }

    /** Adds the actor's output layer (tanh, or linear + softmax). */
    abstract Mlp.Builder outputLayer(Mlp.Builder b);

    /** Brings {@code v[offset, offset + size)} back into the normalised action set, in place. */
    abstract void constrain(double[] v, int offset, double[] scratch);

    /** Writes a uniformly random normalised action into {@code out}. */
    abstract void uniform(RandomGenerator random, double[] out);

    /** Converts a normalised action into the environment's action {@code out}. */
    abstract void toEnvironment(double[] normalised, int offset, double[] out);

    /** Converts an environment action (a dataset's encoding) into normalised units. */
    abstract void fromEnvironment(double[] action, int offset, double[] out, int outOffset);

    /** {@code v += noise} with Gaussian noise of {@code sigma} clipped to {@code ±clip} ({@code clip} ≤ 0: unclipped), then constrained. */
    final void addNoise(double[] v, int offset, double sigma, double clip, RandomGenerator random, double[] scratch) {
        for (int j = 0; j < size; j++) {
            double e = sigma * random.nextGaussian();
            if (clip > 0) {
                e = Math.max(-clip, Math.min(clip, e));
            }
            v[offset + j] += e;
        }
        constrain(v, offset, scratch);
    }

    static final class BoxHead extends ActionHead {
        private final double[] low;
        private final double[] high;

        BoxHead(Box box) {
            super(box.dimension());
            this.low = new double[size];
            this.high = new double[size];
            for (int j = 0; j < size; j++) {
                low[j] = box.low(j);
                high[j] = box.high(j);
            }
        }

        @Override
        Mlp.Builder outputLayer(Mlp.Builder b) {
            return b.dense(size, Activation.TANH);
        }

        @Override
        void constrain(double[] v, int offset, double[] scratch) {
            for (int j = 0; j < size; j++) {
                v[offset + j] = Math.max(-1.0, Math.min(1.0, v[offset + j]));
            }
        }

        @Override
        void uniform(RandomGenerator random, double[] out) {
            for (int j = 0; j < size; j++) {
                out[j] = 2.0 * random.nextDouble() - 1.0;
            }
        }

        @Override
        void toEnvironment(double[] normalised, int offset, double[] out) {
            for (int j = 0; j < size; j++) {
                double u = Math.max(-1.0, Math.min(1.0, normalised[offset + j]));
                out[j] = Math.max(low[j], Math.min(high[j], low[j] + 0.5 * (u + 1.0) * (high[j] - low[j])));
            }
        }

        @Override
        void fromEnvironment(double[] action, int offset, double[] out, int outOffset) {
            for (int j = 0; j < size; j++) {
                double width = high[j] - low[j];
                out[outOffset + j] = width > 0 ? 2.0 * (action[offset + j] - low[j]) / width - 1.0 : 0.0;
            }
        }
    }

    static final class SimplexHead extends ActionHead {

        SimplexHead(int n) {
            super(n);
        }

        @Override
        Mlp.Builder outputLayer(Mlp.Builder b) {
            return b.dense(size, Activation.LINEAR).softmax();
        }

        @Override
        void constrain(double[] v, int offset, double[] scratch) {
            Simplex.project(v, offset, size, scratch);
        }

        /** Uniform on the simplex: normalised unit exponentials (a flat Dirichlet). */
        @Override
        void uniform(RandomGenerator random, double[] out) {
            double sum = 0;
            for (int j = 0; j < size; j++) {
                out[j] = -Math.log(1.0 - random.nextDouble());
                sum += out[j];
            }
            for (int j = 0; j < size; j++) {
                out[j] /= sum;
            }
        }

        @Override
        void toEnvironment(double[] normalised, int offset, double[] out) {
            System.arraycopy(normalised, offset, out, 0, size);
        }

        @Override
        void fromEnvironment(double[] action, int offset, double[] out, int outOffset) {
            System.arraycopy(action, offset, out, outOffset, size);
        }
    }
}
