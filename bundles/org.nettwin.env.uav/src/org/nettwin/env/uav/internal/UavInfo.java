package org.nettwin.env.uav.internal;

import java.util.List;

/** The info values both forms of the scenario report every step, in this order. */
final class UavInfo {

    /** Mean and minimum user rate (Mbit/s), UAVs serving at least one user, Jain's fairness of the rates. */
    static final List<String> NAMES = List.of("mean_rate_mbps", "min_rate_mbps", "serving_uavs", "jain_fairness");

    private UavInfo() {
    }

    static void write(UavWorld world, double[] info) {
        info[0] = world.meanRate();
        info[1] = world.minRate();
        info[2] = world.servingUavs();
        info[3] = world.fairness();
    }
}
