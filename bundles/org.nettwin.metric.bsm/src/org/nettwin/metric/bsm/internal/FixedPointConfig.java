package org.nettwin.metric.bsm.internal;

import org.nettwin.api.config.Param;

/** The configuration of {@code metric/dt-bsm-wasserstein} and {@code metric/dt-bsm-tv}. */
public record FixedPointConfig(
        @Param(value = "0.9", doc = "discount γ of the metric (and of the bound it enters); in [0, 0.999]", min = 0, max = 0.999) double gamma,
        @Param(value = "1e-4", doc = "stop when the certified distance to the fixed point, γ/(1−γ)·(last change), is at most this",
                min = 1e-12, max = 1e6) double tolerance,
        @Param(value = "10000", doc = "a cap on fixed-point sweeps (the certified value stays an upper bound when it stops early)",
                min = 1, max = 10_000_000) int maxIterations,
        @Param(value = "200_000_000", doc = "Wasserstein form only: refuse MDPs whose pair couplings need more cells than this (memory: 4 bytes each)",
                min = 1, max = 2_000_000_000) long maxCells) {
}
