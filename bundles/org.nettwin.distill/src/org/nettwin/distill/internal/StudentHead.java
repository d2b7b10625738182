package org.nettwin.distill.internal;

import org.nettwin.api.space.Box;
import org.nettwin.api.space.DictSpace;
import org.nettwin.api.space.Simplex;
import org.nettwin.api.space.Space;
import org.nettwin.api.space.TableIndex;
import org.nettwin.nn.Activation;
import org.nettwin.nn.Loss;

/**
 * How a student's output layer stands for an action space, what it is trained to match, and how
 * an output becomes an action:
 * <ul>
 * <li>{@link Classes} (Discrete, MultiDiscrete: the joint actions of a {@link TableIndex}): linear
 * logits, softmax cross-entropy to the teacher's action as a class label; act = argmax.</li>
 * <li>{@link BoundedBox}: a tanh layer {@code y ∈ (−1, 1)} per coordinate fitted by MSE to the
 * teacher's action mapped to {@code u = (a − mid) / half} (mid and half-width of the bounds); act =
 * {@code mid + half·y}, clipped to the bounds.</li>
 * <li>{@link FreeBox} (a Box with an infinite bound): linear outputs fitted by MSE to the action.</li>
 * <li>{@link Shares} (Simplex): linear logits, softmax cross-entropy against the teacher's shares
 * as a soft target distribution; act = softmax(logits).</li>
 * </ul>
 * The loss methods write dL/d(output) into {@code grad} and allocate nothing.
 */
abstract sealed class StudentHead {

    /** Largest number of joint discrete actions a student's softmax may have. */
    static final long MAX_CLASSES = 4096;

    /** @return the head for {@code actions}, or an exception naming the space */
    static StudentHead of(Space<?> actions) {
        return switch (actions) {
            case Box b -> b.isBounded() ? new BoundedBox(b) : new FreeBox(b);
            case Simplex s -> new Shares(s);
            case DictSpace d -> throw new IllegalArgumentException("distill/policy cannot distil actions in the composite space "
                    + d.describe() + ": give the student a Discrete, MultiDiscrete, Box or Simplex action space");
            default -> new Classes(actions, TableIndex.of(actions, 1, MAX_CLASSES));
        };
    }

    /** @return the code stored in the student's file */
    abstract int code();

    abstract int outputs();

    abstract Activation outputActivation();

    /** @return values per target row */
    abstract int targetWidth();

    /** Writes the training target for the teacher's {@code action} at {@code out[offset..]}. */
    abstract void target(Object action, double[] out, int offset);

    /** @return the mean loss of {@code batch} output rows against their targets; dL/dy into {@code grad} */
    abstract double loss(double[] output, double[] targets, int batch, double[] grad);

    /** @return the action for one output row (a fresh value the caller owns) */
    abstract Object action(double[] output);

    /** A softmax over discrete (joint) actions. */
    static final class Classes extends StudentHead {
        private final Space<Object> space;
        private final TableIndex index;
        private final Object[] values;
        private int[] labels = new int[0];

        @SuppressWarnings("unchecked")
        Classes(Space<?> space, TableIndex index) {
            this.space = (Space<Object>) space;
            this.index = index;
            this.values = new Object[index.size()];
            for (int k = 0; k < values.length; k++) {
                values[k] = index.value(k);
            }
        }

        @Override
        int code() {
            return 1;
        }

        @Override
        int outputs() {
            return index.size();
        }

        @Override
        Activation outputActivation() {
            return Activation.LINEAR;
        }

        @Override
        int targetWidth() {
            return 1;
        }

        @Override
        void target(Object action, double[] out, int offset) {
            out[offset] = index.index(action);
        }

        @Override
        double loss(double[] output, double[] targets, int batch, double[] grad) {
            if (labels.length < batch) {
                labels = new int[batch]; // once, at the largest batch
            }
            for (int b = 0; b < batch; b++) {
                labels[b] = (int) targets[b];
            }
            return Loss.softmaxCrossEntropy(output, labels, batch, values.length, grad);
        }

        @Override
        Object action(double[] output) {
            return space.copy(values[argmax(output, 0, values.length)]);
        }
    }

    /** Tanh outputs scaled to a Box's finite bounds. */
    static final class BoundedBox extends StudentHead {
        private final Box box;
        private final double[] mid;
        private final double[] half;

        BoundedBox(Box box) {
            this.box = box;
            int n = box.dimension();
            this.mid = new double[n];
            this.half = new double[n];
            for (int i = 0; i < n; i++) {
                mid[i] = (box.high(i) + box.low(i)) / 2;
                half[i] = (box.high(i) - box.low(i)) / 2;
            }
        }

        @Override
        int code() {
            return 2;
        }

        @Override
        int outputs() {
            return box.dimension();
        }

        @Override
        Activation outputActivation() {
            return Activation.TANH;
        }

        @Override
        int targetWidth() {
            return box.dimension();
        }

        @Override
        void target(Object action, double[] out, int offset) {
            double[] a = (double[]) action;
            for (int i = 0; i < a.length; i++) {
                out[offset + i] = half[i] == 0 ? 0 : (a[i] - mid[i]) / half[i];
            }
        }

        @Override
        double loss(double[] output, double[] targets, int batch, double[] grad) {
            return Loss.mse(output, targets, batch * box.dimension(), grad);
        }

        @Override
        Object action(double[] output) {
            double[] a = new double[box.dimension()];
            for (int i = 0; i < a.length; i++) {
                a[i] = mid[i] + half[i] * output[i];
            }
            box.clip(a); // tanh's rounding may touch the bounds from outside
            return a;
        }
    }

    /** Linear outputs for a Box with an infinite bound. */
    static final class FreeBox extends StudentHead {
        private final Box box;

        FreeBox(Box box) {
            this.box = box;
        }

        @Override
        int code() {
            return 3;
        }

        @Override
        int outputs() {
            return box.dimension();
        }

        @Override
        Activation outputActivation() {
            return Activation.LINEAR;
        }

        @Override
        int targetWidth() {
            return box.dimension();
        }

        @Override
        void target(Object action, double[] out, int offset) {
            System.arraycopy((double[]) action, 0, out, offset, box.dimension());
        }

        @Override
        double loss(double[] output, double[] targets, int batch, double[] grad) {
            return Loss.mse(output, targets, batch * box.dimension(), grad);
        }

        @Override
        Object action(double[] output) {
            double[] a = java.util.Arrays.copyOf(output, box.dimension());
            box.clip(a);
            return a;
        }
    }

    /** A softmax over the shares of a Simplex, fitted to the teacher's shares. */
    static final class Shares extends StudentHead {
        private final int n;

        Shares(Simplex simplex) {
            this.n = simplex.n();
        }

        @Override
        int code() {
            return 4;
        }

        @Override
        int outputs() {
            return n;
        }

        @Override
        Activation outputActivation() {
            return Activation.LINEAR;
        }

        @Override
        int targetWidth() {
            return n;
        }

        @Override
        void target(Object action, double[] out, int offset) {
            System.arraycopy((double[]) action, 0, out, offset, n);
        }

        @Override
        double loss(double[] output, double[] targets, int batch, double[] grad) {
            return Loss.softmaxCrossEntropy(output, targets, batch, n, grad);
        }

        @Override
        Object action(double[] output) {
            double max = output[argmax(output, 0, n)];
            double[] shares = new double[n];
            double sum = 0;
            for (int j = 0; j < n; j++) {
                shares[j] = Math.exp(output[j] - max);
                sum += shares[j];
            }
            for (int j = 0; j < n; j++) {
                shares[j] /= sum;
            }
            return shares;
        }
    }

    static int argmax(double[] v, int offset, int n) {
        int best = 0;
        for (int k = 1; k < n; k++) {
            if (v[offset + k] > v[offset + best]) {
                best = k;
            }
        }
        return best;
    }
}
