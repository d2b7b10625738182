package org.nettwin.metric.bsm.internal;

import org.nettwin.api.env.MdpTables;

/**
 * Which twin state stands for which real state. The metric services compare tables whose matched
 * states share indices: real state {@code s} is twin state {@code s} for
 * {@code s < min(|S|, |Ŝ|)} (the caller aligns the twin's numbering through observations, as
 * the DT-BSM study does); further twin states are unmatched but may still carry probability mass.
 */
final class Matching {

    private Matching() {
    }

    /** @return for each real state its twin state, or -1 */
    static int[] byIndex(MdpTables real, MdpTables twin) {
        if (real.actionCount() != twin.actionCount()) {
            throw new IllegalArgumentException("the real MDP has " + real.actionCount() + " actions and the twin " + twin.actionCount()
                    + "; a bisimulation metric compares the same actions");
        }
        int[] m = new int[real.stateCount()];
        for (int s = 0; s < m.length; s++) {
            m[s] = s < twin.stateCount() ? s : -1;
        }
        return m;
    }
}
