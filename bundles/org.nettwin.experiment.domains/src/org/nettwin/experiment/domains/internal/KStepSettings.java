package org.nettwin.experiment.domains.internal;

import java.util.List;

import org.nettwin.api.config.Param;

/** The {@code study} section of a {@code k-step} experiment. */
public record KStepSettings(
        @Param(value = "[1, 2, 4, 8]", doc = "the values of k (prediction steps) to compare; k = 1 (plain DQN) is the reference and must "
                + "be among them", min = 1, max = 1000) List<Integer> predictionSteps,
        @Param(value = "1", doc = "D: domains averaged in the k sweep", min = 1, max = 256) int domains,
        @Param(value = "300", doc = "physical episodes per seed and arm", min = 1, max = 10_000_000) int episodes,
        @Param(value = "10", doc = "episodes of the trailing moving average (the paper's Fig. 5 uses 10)", min = 1, max = 1_000_000)
        int movingAverage,
        @Param(value = "0.1", doc = "share of the last episodes whose mean is the final return", min = 0.001, max = 1.0) double finalShare,
        @Param(value = "[]", doc = "the noise ablation (paper 001 §V-A): values of D compared at k = ablationK with domains from "
                + "ablationSource; empty = none", min = 1, max = 256) List<Integer> ablationDomains,
        @Param(value = "4", doc = "k of the ablation arms", min = 2, max = 1000) int ablationK,
        @Param(value = "twin", doc = "the ablation arms' domains: twin (the twin section) or copy "
                + "(perfect copies)", choices = {"copy", "twin"}) String ablationSource,
        @Param(value = "0.0", doc = "the ablation domains' observation noise (as domains.observationNoise; the k sweep uses that one)",
                min = 0.0, max = 10.0) double ablationObservationNoise,
        @Param(value = "0.0", doc = "the ablation domains' reward noise (as domains.rewardNoise)", min = 0.0, max = 1e6) double ablationRewardNoise) {
}
