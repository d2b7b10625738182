package org.nettwin.rl.baseline.internal;

import org.junit.jupiter.api.Test;
import org.nettwin.api.config.ConfigSchema;
import org.nettwin.api.io.BinaryFormats;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.testkit.ParallelRandomWalkEnvironment;
import org.nettwin.api.testkit.RandomWalkEnvironment;
import org.nettwin.api.testkit.ResumeConformance;

/** rl/random's {@code Resumable} state (the fixed-policy baselines' format): the counters and each policy's random stream. */
class RandomResumeTest {

    private final RandomAlgorithmProvider provider = new RandomAlgorithmProvider();

    @Test
    void oneAgentResumesToTheSameEpisodes() {
        ResumeConformance.check(BinaryFormats.FIXED_POLICY_STATE,
                () -> provider.create(EnvironmentSpec.of(new RandomWalkEnvironment()), ConfigSchema.EMPTY.defaults(), 6),
                () -> new Scenario.Single(new RandomWalkEnvironment()), 500, 500);
    }

    @Test
    void aTeamResumesToTheSameEpisodes() {
        ResumeConformance.check(BinaryFormats.FIXED_POLICY_STATE,
                () -> provider.create(EnvironmentSpec.of(new ParallelRandomWalkEnvironment()), ConfigSchema.EMPTY.defaults(), 6),
                () -> new Scenario.Multi(new ParallelRandomWalkEnvironment()), 500, 500);
    }
}
