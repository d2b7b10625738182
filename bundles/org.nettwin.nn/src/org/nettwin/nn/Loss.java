package org.nettwin.nn;

import org.nettwin.nn.internal.Sigmoids;

/**
 * Losses over flat row-major batches. Each returns the loss value, a MEAN over the batch, and
 * writes dLoss/d(prediction) into {@code grad} (same layout as the prediction), ready for a
 * network's {@code backward}. Nothing allocates.
 *
 * @since 0.1
 */
public final class Loss {

    private Loss() {
    }

    /**
     * Mean squared error over {@code n} values: {@code L = (1/n) Σ (p − t)²},
     * {@code grad = 2 (p − t) / n}.
     */
    public static double mse(double[] prediction, double[] target, int n, double[] grad) {
        double sum = 0.0;
        double scale = 2.0 / n;
        for (int k = 0; k < n; k++) {
            double e = prediction[k] - target[k];
            sum += e * e;
            grad[k] = scale * e;
        }
        return sum / n;
    }

    /**
     * Huber loss over {@code n} values, mean: {@code ½e²} for {@code |e| ≤ δ}, else
     * {@code δ(|e| − ½δ)}; its gradient is the error clipped to {@code [−δ, δ]} divided by {@code n}.
     */
    public static double huber(double[] prediction, double[] target, int n, double delta, double[] grad) {
        double sum = 0.0;
        double inv = 1.0 / n;
        for (int k = 0; k < n; k++) {
            double e = prediction[k] - target[k];
            double a = Math.abs(e);
            if (a <= delta) {
                sum += 0.5 * e * e;
                grad[k] = e * inv;
            } else {
                sum += delta * (a - 0.5 * delta);
                grad[k] = Math.copySign(delta, e) * inv;
            }
        }
        return sum * inv;
    }

    /**
     * Squared error on one chosen column per row (a DQN's Q of the taken action), mean over the
     * batch; the other columns get gradient 0.
     */
    public static double mseSelected(double[] prediction, int[] columns, double[] target, int batch, int width, double[] grad) {
        java.util.Arrays.fill(grad, 0, batch * width, 0.0);
        double sum = 0.0;
        for (int b = 0; b < batch; b++) {
            int k = b * width + columns[b];
            double e = prediction[k] - target[b];
            sum += e * e;
            grad[k] = 2.0 * e / batch;
        }
        return sum / batch;
    }

    /** {@link #huber} on one chosen column per row, mean over the batch. */
    public static double huberSelected(double[] prediction, int[] columns, double[] target, int batch, int width,
            double delta, double[] grad) {
        java.util.Arrays.fill(grad, 0, batch * width, 0.0);
        double sum = 0.0;
        for (int b = 0; b < batch; b++) {
            int k = b * width + columns[b];
            double e = prediction[k] - target[b];
            double a = Math.abs(e);
            if (a <= delta) {
                sum += 0.5 * e * e;
                grad[k] = e / batch;
            } else {
                sum += delta * (a - 0.5 * delta);
                grad[k] = Math.copySign(delta, e) / batch;
            }
        }
        return sum / batch;
    }

    /**
     * Softmax cross-entropy from LOGITS with integer labels, mean over the batch:
     * {@code L = −(1/B) Σ log softmax(z)_label}, computed as log-sum-exp minus the label logit
     * (stable for any logits); {@code grad = (softmax(z) − onehot) / B}.
     */
    public static double softmaxCrossEntropy(double[] logits, int[] labels, int batch, int classes, double[] grad) {
        double sum = 0.0;
        for (int b = 0; b < batch; b++) {
            int r = b * classes;
            double lse = softmaxInto(logits, r, classes, grad);
            int label = labels[b];
            if (label < 0 || label >= classes) {
                throw new IllegalArgumentException("label " + label + " outside 0.." + (classes - 1));
            }
            sum += lse - logits[r + label];
            grad[r + label] -= 1.0;
            for (int j = 0; j < classes; j++) {
                grad[r + j] /= batch;
            }
        }
        return sum / batch;
    }

    /**
     * Softmax cross-entropy from LOGITS against target distributions (rows of {@code targets}
     * summing to 1), mean over the batch: {@code L = −(1/B) Σ_b Σ_j t_j log softmax(z)_j};
     * {@code grad = (softmax(z) − t) / B}.
     */
    public static double softmaxCrossEntropy(double[] logits, double[] targets, int batch, int classes, double[] grad) {
        double sum = 0.0;
        for (int b = 0; b < batch; b++) {
            int r = b * classes;
            double lse = softmaxInto(logits, r, classes, grad);
            double tsum = 0.0;
            for (int j = 0; j < classes; j++) {
                double t = targets[r + j];
                sum += t * (lse - logits[r + j]);
                tsum += t;
            }
            for (int j = 0; j < classes; j++) {
                // the tsum factor keeps the gradient exact when a target row does not sum to 1
                grad[r + j] = (tsum * grad[r + j] - targets[r + j]) / batch;
            }
        }
        return sum / batch;
    }

    /** Writes softmax of row {@code logits[r..r+n)} into {@code out} at {@code r}; returns log-sum-exp. */
    private static double softmaxInto(double[] logits, int r, int n, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            max = Math.max(max, logits[r + j]);
        }
        double s = 0.0;
        for (int j = 0; j < n; j++) {
            double e = Sigmoids.exp(logits[r + j] - max);
            out[r + j] = e;
            s += e;
        }
        double inv = 1.0 / s;
        for (int j = 0; j < n; j++) {
            out[r + j] *= inv;
        }
        return max + StrictMath.log(s);
    }
}
