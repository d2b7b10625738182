package org.nettwin.env.slicing.internal;

/**
 * A rule that maps an observation of a slicing scenario to target shares of the slices. The
 * rules have no parameters, so a policy is fully described by its rule and spaces.
 */
enum SlicingRule {

    /**
     * The traffic-aware baseline of paper 004 (Section V): shares proportional to each slice's
     * traffic demand, read from the observation's demand block; equal shares when no slice has
     * traffic.
     */
    TRAFFIC_AWARE("baseline/traffic-aware"),

    /** Equal shares, whatever the traffic: the static configuration. */
    EQUAL_SPLIT("baseline/equal-split");

    private final String id;

    SlicingRule(String id) {
        this.id = id;
    }

    /** @return the algorithm id the rule is registered under */
    String id() {
        return id;
    }

    /** Writes the target shares (summing to 1) for {@code observation} into {@code shares}. */
    void shares(double[] observation, double[] shares) {
        int n = shares.length;
        double total = 0;
        if (this == TRAFFIC_AWARE) {
            int offset = SlicingLayout.DEMAND_BLOCK * n;
            for (int i = 0; i < n; i++) {
                shares[i] = Math.max(0.0, observation[offset + i]);
                total += shares[i];
            }
        }
        if (!(total > 0) || !Double.isFinite(total)) {
            java.util.Arrays.fill(shares, 1.0 / n);
            return;
        }
        for (int i = 0; i < n; i++) {
            shares[i] /= total;
        }
    }
}
