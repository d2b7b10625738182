package org.nettwin.metric.bsm.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.nettwin.api.env.MdpTables;
import org.nettwin.api.similarity.Similarity;

/**
 * What a DT-BSM computation gives: the distance {@code d(s, m(s))} of every matched real state
 * {@code s} to its twin state, after {@code iterations} sweeps of the fixed-point operator whose
 * last sweep changed the distances by at most {@code change} (sup norm).
 *
 * <p>The iterates start at 0 and increase towards the fixed point {@code d*} (the operator is
 * monotone and a {@code γ}-contraction), so {@code d ≤ d* ≤ d + γ/(1−γ) · change}: the
 * {@code certified} value is an upper bound of the exact metric, which is what a bound may use.
 *
 * @param perState   {@code d(s, m(s))} for each real state {@code s}; {@code NaN} where not matched
 * @param iterations sweeps done
 * @param change     sup-norm change of the last sweep
 * @param gamma      the discount the metric was computed with
 * @param pairs      state pairs the fixed point ran over
 */
record StateDistances(double[] perState, int iterations, double change, double gamma, long pairs) {

    /** @return the DT-BSM: the largest distance over matched real states (the value the bound uses) */
    double max() {
        double max = 0;
        for (double d : perState) {
            if (!Double.isNaN(d)) {
                max = Math.max(max, d);
            }
        }
        return max;
    }

    /** @return the upper bound of the exact metric: {@link #max()} plus the fixed point's remaining tail */
    double certified() {
        return max() + gamma / (1 - gamma) * change;
    }

    /** @return the distance averaged over the real MDP's initial distribution (matched states) */
    double initialMean(MdpTables real) {
        double sum = 0;
        double weight = 0;
        for (int s = 0; s < perState.length; s++) {
            if (!Double.isNaN(perState[s])) {
                sum += real.initialProbability(s) * perState[s];
                weight += real.initialProbability(s);
            }
        }
        return weight == 0 ? Double.NaN : sum / weight;
    }

    /** @return the result as a similarity: distance = DT-BSM, details = the rest */
    Similarity similarity(MdpTables real, Map<String, Double> extra) {
        Map<String, Double> details = new LinkedHashMap<>();
        details.put("certified", certified());
        details.put("initialMean", initialMean(real));
        details.put("iterations", (double) iterations);
        details.put("change", change);
        details.put("pairs", (double) pairs);
        details.putAll(extra);
        return new Similarity(max(), details);
    }
}
