package org.nettwin.api.similarity;

import java.util.Map;

/**
 * The result of comparing two subjects.
 *
 * @param distance the metric's value; 0 means indistinguishable
 * @param details  named by-products (e.g. a bound, iterations, a confidence radius)
 * @since 0.1
 */
public record Similarity(double distance, Map<String, Double> details) {

    /** Copies the details. */
    public Similarity {
        details = Map.copyOf(details);
    }
}
