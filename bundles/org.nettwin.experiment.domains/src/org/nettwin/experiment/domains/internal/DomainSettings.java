package org.nettwin.experiment.domains.internal;

import org.nettwin.api.config.Param;

/** The {@code domains} section: what the digital domains are. */
public record DomainSettings(
        @Param(value = "copy", doc = "copy: perfect copies of the scenario (Snapshottable or Copyable); twin: a learned twin of the "
                + "scenario (the twin section's builder, learned from recorded random-policy data)", choices = {"copy", "twin"}) String source,
        @Param(value = "0.0", doc = "standard deviation of the Gaussian error on each reported observation coordinate, as a fraction of "
                + "its range (an imperfect twin); 0 = none", min = 0.0, max = 10.0) double observationNoise,
        @Param(value = "0.0", doc = "standard deviation of the Gaussian error on each reported reward; 0 = none", min = 0.0, max = 1e6)
        double rewardNoise,
        @Param(value = "8", doc = "real steps of the episode kept to synchronise a learned twin (its history window)", min = 1, max = 4096)
        int history,
        @Param(value = "20_000", doc = "physical steps of uniformly random actions recorded to learn the twin (source twin; counted in "
                + "the cost)", min = 1, max = 100_000_000) long twinDataSteps) {
}
