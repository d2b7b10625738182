package org.nettwin.rl.td3.internal;

import org.nettwin.api.space.Box;
import org.nettwin.api.space.Space;

/**
 * What the networks read: the flattened observation ({@link Space#flatten}), and for a
 * {@code Box} with finite bounds, each coordinate mapped linearly from {@code [low, high]} to
 * {@code [−1, 1]} (observations such as user counts and Mbit/s would otherwise saturate the first
 * layer). Unbounded coordinates are passed unchanged.
 */
final class ObservationScaling {

    private final Space<Object> space;
    private final double[] offset;
    private final double[] scale;

    @SuppressWarnings("unchecked")
    ObservationScaling(Space<?> space, boolean normalise) {
        this.space = (Space<Object>) space;
        int n = space.flatSize();
        this.offset = new double[n];
        this.scale = new double[n];
        for (int i = 0; i < n; i++) {
            scale[i] = 1.0;
        }
        if (normalise && space instanceof Box box) {
            for (int i = 0; i < n; i++) {
                double lo = box.low(i);
                double hi = box.high(i);
                if (Double.isFinite(lo) && Double.isFinite(hi) && hi > lo) {
                    scale[i] = 2.0 / (hi - lo);
                    offset[i] = -lo * scale[i] - 1.0;
                }
            }
        }
    }

    int size() {
        return scale.length;
    }

    /** Writes the network input for {@code observation} at {@code out[at..]}. */
    void encode(Object observation, double[] out, int at) {
        space.flatten(observation, out, at);
        for (int i = 0; i < scale.length; i++) {
            out[at + i] = out[at + i] * scale[i] + offset[i];
        }
    }
}
