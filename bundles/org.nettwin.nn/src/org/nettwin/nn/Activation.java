package org.nettwin.nn;

/**
 * Element-wise activation of a dense layer. Derivatives are computed from the layer's output
 * (ReLU: {@code y > 0}, tanh: {@code 1 - y²}, sigmoid: {@code y (1 - y)}), so backward needs no
 * pre-activation buffer.
 *
 * @since 0.1
 */
public enum Activation {
    /** Identity: {@code y = z}. */
    LINEAR(0),
    /** Rectified linear unit: {@code y = max(0, z)} (derivative 0 at 0). */
    RELU(1),
    /** Hyperbolic tangent. */
    TANH(2),
    /** Logistic sigmoid {@code 1 / (1 + e^-z)}. */
    SIGMOID(3);

    private final int code;

    Activation(int code) {
        this.code = code;
    }

    /** The stable number that stands for this activation in saved files (never the ordinal). */
    public int code() {
        return code;
    }

    /**
     * The activation saved as {@code code}.
     *
     * @throws IllegalArgumentException for an unknown code
     */
    public static Activation ofCode(int code) {
        for (Activation a : values()) {
            if (a.code == code) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown activation code " + code);
    }
}
