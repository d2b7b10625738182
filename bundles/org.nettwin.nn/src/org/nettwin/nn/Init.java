package org.nettwin.nn;

/**
 * How dense weights are drawn at construction (biases always start at 0). All draws come from
 * the network's seed through a SplitMix64 generator, layer by layer in parameter order, so the
 * same seed and architecture give the same weights on every JVM.
 *
 * @since 0.1
 */
public enum Init {
    /** {@link #HE} for ReLU layers, {@link #XAVIER} for the others (the default). */
    AUTO,
    /** He (Kaiming) normal: {@code N(0, 2 / fanIn)}, which keeps ReLU activations' variance constant. */
    HE,
    /** Xavier (Glorot) uniform: {@code U(-a, a)}, {@code a = sqrt(6 / (fanIn + fanOut))}, for tanh, sigmoid and linear layers. */
    XAVIER
}
