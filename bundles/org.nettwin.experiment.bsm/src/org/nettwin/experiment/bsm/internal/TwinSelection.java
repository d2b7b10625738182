package org.nettwin.experiment.bsm.internal;

import java.util.Map;

/**
 * DT-BSM in use: among candidate twins, pick the one with the least empirical DT-BSM, the form
 * that needs only data from the real network and from each twin (no tables), so it applies to any
 * twin that can be stepped. Ties go to the earlier candidate; a NaN distance never wins.
 */
final class TwinSelection {

    private TwinSelection() {
    }

    /** @return whether a candidate at {@code distance} beats the best so far at {@code best} */
    static boolean better(double distance, double best) {
        return distance < best || (Double.isNaN(best) && !Double.isNaN(distance));
    }

    /** @return the name of the candidate with the least distance, or {@code null} if there is none */
    static String select(Map<String, Double> empiricalDistances) {
        String picked = null;
        double best = Double.NaN;
        for (Map.Entry<String, Double> e : empiricalDistances.entrySet()) {
            if (picked == null ? !Double.isNaN(e.getValue()) : better(e.getValue(), best)) {
                picked = e.getKey();
                best = e.getValue();
            }
        }
        return picked;
    }
}
