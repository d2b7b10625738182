package org.nettwin.rl.ppo.internal;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nettwin.api.config.Config;
import org.nettwin.api.io.BinaryFormats;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.testkit.ParallelRandomWalkEnvironment;
import org.nettwin.api.testkit.RandomWalkEnvironment;
import org.nettwin.api.testkit.ResumeConformance;

/**
 * rl/ppo's {@code Resumable} state: a run stopped and resumed learns exactly as one that went on —
 * categorical and Gaussian heads (the log-stds and their Adam moments), MAPPO with shared and
 * separate networks and a centralised critic. Halves of 700 steps end mid-rollout (nSteps 256).
 */
class PpoResumeTest {

    final PpoProvider provider = new PpoProvider();

    Config config(Map<String, Object> values) {
        return provider.configSchema().validate(values, "");
    }

    @Test
    void categoricalPpoResumesToTheSameLearning() {
        Config c = config(Map.of("nSteps", 256, "minibatches", 4, "learningRateSchedule", "linear", "learningRateSteps", 4_000L));
        ResumeConformance.check(BinaryFormats.PPO_STATE, () -> provider.create(EnvironmentSpec.of(new RandomWalkEnvironment()), c, 21),
                () -> new Scenario.Single(new RandomWalkEnvironment()), 700, 700);
    }

    @Test
    void gaussianPpoResumesToTheSameLearning() {
        Config c = config(Map.of("nSteps", 256, "minibatches", 4));
        ResumeConformance.check(BinaryFormats.PPO_STATE, () -> provider.create(EnvironmentSpec.of(TargetEnvironment.box(2, 20)), c, 8),
                () -> new Scenario.Single(TargetEnvironment.box(2, 20)), 700, 700);
    }

    @Test
    void mappoResumesToTheSameLearningWithSharedAndSeparateNetworks() {
        for (boolean sharing : new boolean[] {true, false}) {
            Config c = config(Map.of("nSteps", 256, "minibatches", 4, "parameterSharing", sharing, "centralisedCritic", true));
            ResumeConformance.check(BinaryFormats.PPO_STATE,
                    () -> provider.create(EnvironmentSpec.of(new ParallelRandomWalkEnvironment(3, 6, 0.1, 50)), c, 9),
                    () -> new Scenario.Multi(new ParallelRandomWalkEnvironment(3, 6, 0.1, 50)), 700, 700);
        }
    }
}
