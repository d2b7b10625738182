package org.nettwin.metric.bsm.internal;

import org.nettwin.api.config.Param;

/** The configuration of {@code metric/dt-bsm-empirical}. */
public record EmpiricalConfig(
        @Param(value = "wasserstein", doc = "the DT-BSM form computed on the datasets' maximum-likelihood MDPs",
                choices = {"wasserstein", "tv"}) String form,
        @Param(value = "0.9", doc = "discount γ of the metric; in [0, 0.999]", min = 0, max = 0.999) double gamma,
        @Param(value = "1e-4", doc = "fixed-point tolerance (as for the exact forms)", min = 1e-12, max = 1e6) double tolerance,
        @Param(value = "10000", doc = "a cap on fixed-point sweeps", min = 1, max = 10_000_000) int maxIterations,
        @Param(value = "200_000_000", doc = "Wasserstein form: a cap on coupling cells", min = 1, max = 2_000_000_000) long maxCells,
        @Param(value = "0.05", doc = "δ of the confidence radius: the exact metric lies within the radius with probability at least 1 − δ",
                min = 1e-12, max = 0.5) double confidence) {

    /** @return the fixed-point settings of the chosen form */
    FixedPointConfig fixedPoint() {
        return new FixedPointConfig(gamma, tolerance, maxIterations, maxCells);
    }
}
