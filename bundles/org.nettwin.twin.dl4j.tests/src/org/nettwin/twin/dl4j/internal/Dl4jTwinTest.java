package org.nettwin.twin.dl4j.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.testkit.EnvironmentConformance;
import org.nettwin.api.testkit.RecordingListener;
import org.nettwin.api.twin.TwinAccuracy;
import org.nettwin.twin.sequence.SequenceTwin;
import org.nettwin.twin.sequence.testkit.DriftEnvironment;
import org.nettwin.twin.sequence.testkit.Recorder;
import org.nettwin.twin.sequence.testkit.TwinExercise;

/** twin/dl4j-lstm learns like twin/lstm: error falls with data, beats persistence, calibrates, conforms, repeats itself. */
class Dl4jTwinTest {

    static final Dl4jTwinBuilder BUILDER = new Dl4jTwinBuilder();
    /** DL4J costs ~10x more per batch: fewer epochs keep the class well under a minute. */
    static final Map<String, Object> CONFIG = Map.of("epochs", 15);

    @Test
    void errorFallsWithMoreDataAndBeatsPersistence() {
        TwinExercise.LearningCurve c = TwinExercise.learningCurve(BUILDER, CONFIG, 300, 3000, 11);
        double small = c.small().meanOneStepError();
        double large = c.large().meanOneStepError();
        System.out.printf("twin/dl4j-lstm one-step RMSE: 300 -> %.4f, 3000 -> %.4f, persistence %.4f; reward %.4f -> %.4f%n", small, large,
                c.persistence(), c.small().rewardError(), c.large().rewardError());
        assertTrue(large < 0.8 * small, "one-step error falls with 10x data: " + small + " -> " + large);
        assertTrue(large < 0.5 * c.persistence(), "beats next-state = current-state: " + large + " vs " + c.persistence());
        assertTrue(c.large().rewardError() < c.small().rewardError(), "reward error falls too");
    }

    @Test
    void calibrationWithFreshDataLowersErrorOnShiftedDynamics() {
        TwinExercise.Calibration c = TwinExercise.calibration(BUILDER, CONFIG, 2000, 5);
        System.out.printf("twin/dl4j-lstm on shifted data: before %.4f, after calibration %.4f%n", c.before().meanOneStepError(),
                c.after().meanOneStepError());
        assertTrue(c.after().meanOneStepError() < 0.7 * c.before().meanOneStepError(), c.before().meanOneStepError() + " -> "
                + c.after().meanOneStepError());
    }

    @Test
    void conformingAndReproducible() {
        DriftEnvironment env = TwinExercise.environment();
        TransitionDataset data = Recorder.random(env, 600, 3);
        SequenceTwin a = BUILDER.build(EnvironmentSpec.of(env), data, TwinExercise.settings(Map.of("epochs", 3)), 3, new RecordingListener());
        SequenceTwin b = BUILDER.build(EnvironmentSpec.of(env), data, TwinExercise.settings(Map.of("epochs", 3)), 3, new RecordingListener());
        EnvironmentConformance.check(a, EnvironmentConformance.Options.DEFAULTS.withSteps(120));
        TransitionDataset heldOut = Recorder.random(env, 200, 4);
        TwinAccuracy x = a.evaluate(heldOut, 3);
        TwinAccuracy y = b.evaluate(heldOut, 3);
        assertArrayEquals(x.oneStepError(), y.oneStepError(), "same seed, same twin");
        assertArrayEquals(x.rolloutError(), y.rolloutError());
    }
}
