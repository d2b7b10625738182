package org.nettwin.experiment.domains.internal;

import java.util.List;

import org.nettwin.api.config.Param;

/** The {@code study} section of an {@code n-trials} experiment. */
public record NTrialsSettings(
        @Param(value = "[1, 2, 3, 5]", doc = "the values of n (actions tried per state) to compare; n = 1 (plain Q-learning) is the "
                + "reference and must be among them", min = 1, max = 1024) List<Integer> trials,
        @Param(value = "3_000", doc = "physical episodes per seed and n", min = 1, max = 10_000_000) int episodes,
        @Param(value = "100", doc = "episodes of the trailing moving average (plots, episodes to target)", min = 1, max = 1_000_000)
        int movingAverage,
        @Param(value = "0.1", doc = "share of the last episodes whose mean is the final return", min = 0.001, max = 1.0) double finalShare) {
}
