package org.nettwin.nn;

import java.util.Arrays;

/**
 * Adam (Kingma and Ba, 2015) with bias correction:
 * {@code m ← β₁m + (1−β₁)g}, {@code v ← β₂v + (1−β₂)g²},
 * {@code θ ← θ − lr · m̂ / (√v̂ + ε)} with {@code m̂ = m/(1−β₁ᵗ)}, {@code v̂ = v/(1−β₂ᵗ)}.
 * The same update PyTorch's {@code torch.optim.Adam} (without weight decay) makes.
 *
 * @since 0.1
 */
public final class Adam implements Optimizer {

    private final double[] m;
    private final double[] v;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private double learningRate;
    private long t;

    /** Adam with β₁ = 0.9, β₂ = 0.999, ε = 1e-8. */
    public Adam(int size, double learningRate) {
        this(size, learningRate, 0.9, 0.999, 1e-8);
    }

    /** Adam with every hyper-parameter given. */
    public Adam(int size, double learningRate, double beta1, double beta2, double epsilon) {
        if (size < 0 || !(learningRate > 0) || !(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(epsilon > 0)) {
            throw new IllegalArgumentException("invalid Adam settings: size " + size + ", lr " + learningRate
                    + ", beta1 " + beta1 + ", beta2 " + beta2 + ", eps " + epsilon);
        }
        this.m = new double[size];
        this.v = new double[size];
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    /** Adam sized for {@code network}. */
    public static Adam of(Network network, double learningRate) {
        return new Adam(network.parameterCount(), learningRate);
    }

    @Override
    public void step(double[] params, double[] grads) {
        t++;
        double b1 = beta1;
        double b2 = beta2;
        double c1 = 1.0 - b1;
        double c2 = 1.0 - b2;
        // bias corrections folded into a step size and an epsilon, as in the paper's section 2
        double bc1 = 1.0 - StrictMath.pow(b1, t);
        double bc2 = 1.0 - StrictMath.pow(b2, t);
        double stepSize = learningRate / bc1;
        double invSqrtBc2 = 1.0 / Math.sqrt(bc2);
        double eps = epsilon;
        double[] mm = m;
        double[] vv = v;
        int n = mm.length;
        for (int k = 0; k < n; k++) {
            double g = grads[k];
            double mk = b1 * mm[k] + c1 * g;
            double vk = b2 * vv[k] + c2 * g * g;
            mm[k] = mk;
            vv[k] = vk;
            params[k] -= stepSize * mk / (Math.sqrt(vk) * invSqrtBc2 + eps);
        }
    }

    @Override
    public int size() {
        return m.length;
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    @Override
    public void setLearningRate(double learningRate) {
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
        }
        this.learningRate = learningRate;
    }

    @Override
    public void reset() {
        Arrays.fill(m, 0.0);
        Arrays.fill(v, 0.0);
        t = 0;
    }

    /** β₁. */
    public double beta1() {
        return beta1;
    }

    /** β₂. */
    public double beta2() {
        return beta2;
    }

    /** ε. */
    public double epsilon() {
        return epsilon;
    }

    /** Steps taken since construction or {@link #reset()}. */
    public long stepCount() {
        return t;
    }

    /** The live first-moment array (for saving and inspection). */
    public double[] firstMoments() {
        return m;
    }

    /** The live second-moment array. */
    public double[] secondMoments() {
        return v;
    }

    /**
     * Takes over {@code other}'s moments and step count (e.g. a checkpoint read back, or an
     * agent handing its learning state to another); the hyper-parameters stay this optimizer's.
     *
     * @throws IllegalArgumentException if the sizes differ
     */
    public void copyStateFrom(Adam other) {
        if (other.m.length != m.length) {
            throw new IllegalArgumentException("Adam state of " + other.m.length + " parameters cannot replace one of " + m.length);
        }
        restore(other.t, other.m, other.v);
    }

    void restore(long steps, double[] first, double[] second) {
        System.arraycopy(first, 0, m, 0, m.length);
        System.arraycopy(second, 0, v, 0, v.length);
        this.t = steps;
    }
}
