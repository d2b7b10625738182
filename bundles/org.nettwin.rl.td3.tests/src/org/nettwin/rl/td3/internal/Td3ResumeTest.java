package org.nettwin.rl.td3.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.io.BinaryFormats;
import org.nettwin.api.rl.Algorithm;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.rl.OfflineLearner;
import org.nettwin.api.rl.Resumable;
import org.nettwin.api.run.TrainingListener;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.testkit.ResumeConformance;

/** rl/td3's {@code Resumable} state: online and offline (TD3+BC), a run stopped and resumed learns exactly as one that went on. */
class Td3ResumeTest {

    private static final Td3Provider PROVIDER = new Td3Provider();
    /** Small and quick; the replay is smaller than the first half, so the saved ring has wrapped, and updates started before the save. */
    private static final Map<String, Object> SMALL = Map.of("warmupSteps", 300, "bufferSize", 500, "batchSize", 16, "actorHidden",
            java.util.List.of(16), "criticHidden", java.util.List.of(16));

    @Test
    void onlineLearningResumesToTheSameLearning() {
        ResumeConformance.check(BinaryFormats.TD3_STATE,
                () -> PROVIDER.create(EnvironmentSpec.of(new ReachTargetEnvironment()), Td3Test.config(SMALL), 7),
                () -> new Scenario.Single(new ReachTargetEnvironment()), 600, 600);
    }

    @Test
    void offlineTd3PlusBcResumesToTheSamePolicy() throws IOException {
        TransitionDataset data = Td3Test.behaviourData(400, 5, 0.3, 0.1);
        Algorithm reference = td3BC();
        offline(reference).learnOffline(data, 200, TrainingListener.NONE);
        offline(reference).learnOffline(data, 200, TrainingListener.NONE);

        Algorithm killed = td3BC();
        offline(killed).learnOffline(data, 200, TrainingListener.NONE);
        ByteArrayOutputStream state = new ByteArrayOutputStream();
        killed.capability(Resumable.class).orElseThrow().saveState(state);
        Algorithm resumed = td3BC();
        resumed.capability(Resumable.class).orElseThrow().loadState(new ByteArrayInputStream(state.toByteArray()));
        offline(resumed).learnOffline(data, 200, TrainingListener.NONE);
        assertArrayEquals(policy(reference), policy(resumed), "the same actor after 200 + 200 updates, stopped in between or not");
    }

    private static Algorithm td3BC() {
        return PROVIDER.create(EnvironmentSpec.of(new ReachTargetEnvironment()), Td3Test.config(Map.of("offlineRegularisation", "bc",
                "batchSize", 16, "actorHidden", java.util.List.of(16), "criticHidden", java.util.List.of(16))), 3);
    }

    private static OfflineLearner offline(Algorithm a) {
        return a.capability(OfflineLearner.class).orElseThrow();
    }

    private static byte[] policy(Algorithm a) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        a.policy().save(out);
        return out.toByteArray();
    }
}
