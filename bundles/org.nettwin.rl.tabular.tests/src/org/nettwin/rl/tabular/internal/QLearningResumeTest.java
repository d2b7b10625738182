package org.nettwin.rl.tabular.internal;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nettwin.api.config.Config;
import org.nettwin.api.io.BinaryFormats;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.rl.Resumable;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.testkit.ParallelRandomWalkEnvironment;
import org.nettwin.api.testkit.RandomWalkEnvironment;
import org.nettwin.api.testkit.ResumeConformance;

/** rl/q-learning's {@code Resumable} state: a run stopped and resumed learns exactly as one that went on. */
class QLearningResumeTest {

    final QLearningProvider provider = new QLearningProvider();
    final Config config = provider.configSchema().validate(Map.of("epsilonSteps", 3_000L), "");

    @Test
    void aSingleAgentResumesToTheSameLearning() {
        ResumeConformance.check(BinaryFormats.Q_LEARNING_STATE,
                () -> provider.create(EnvironmentSpec.of(new RandomWalkEnvironment(10, 0.1, 100)), config, 3),
                () -> new Scenario.Single(new RandomWalkEnvironment(10, 0.1, 100)), 1_000, 1_000);
    }

    @Test
    void independentLearnersResumeToTheSameLearning() {
        ResumeConformance.check(BinaryFormats.Q_LEARNING_STATE,
                () -> provider.create(EnvironmentSpec.of(new ParallelRandomWalkEnvironment()), config, 4),
                () -> new Scenario.Multi(new ParallelRandomWalkEnvironment()), 1_000, 1_000);
    }

    @Test
    void aStateOfOtherSpacesIsRefusedNamingThem() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        provider.create(EnvironmentSpec.of(new RandomWalkEnvironment(10, 0.1, 100)), config, 3).capability(Resumable.class).orElseThrow()
                .saveState(out);
        Resumable other = provider.create(EnvironmentSpec.of(new RandomWalkEnvironment(12, 0.1, 100)), config, 3).capability(Resumable.class)
                .orElseThrow();
        String message = assertThrows(IOException.class, () -> other.loadState(new ByteArrayInputStream(out.toByteArray()))).getMessage();
        assertTrue(message.startsWith("the rl/q-learning state's agent 0 learned "), message);
    }
}
