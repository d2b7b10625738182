package org.nettwin.rl.dqn.internal;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nettwin.api.config.Config;
import org.nettwin.api.io.BinaryFormats;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.testkit.RandomWalkEnvironment;
import org.nettwin.api.testkit.ResumeConformance;

/** rl/dqn's {@code Resumable} state: a run stopped and resumed learns exactly as one that went on. */
class DqnResumeTest {

    final DqnProvider provider = new DqnProvider();

    /** A replay smaller than the first half, so the saved ring has wrapped; updates and the standardiser fitted before the save. */
    @Test
    void aSavedStateResumesToTheSameLearningAndDamagedOrForeignFilesAreRefused() {
        Map<String, Object> values = new HashMap<>(DqnTest.FAST);
        values.put("bufferSize", 1_000);
        Config config = provider.configSchema().validate(values, "");
        ResumeConformance.check(BinaryFormats.DQN_STATE,
                () -> provider.create(EnvironmentSpec.of(new RandomWalkEnvironment(10, 0.1, 100)), config, 5),
                () -> new Scenario.Single(new RandomWalkEnvironment(10, 0.1, 100)), 1_500, 1_500);
    }
}
