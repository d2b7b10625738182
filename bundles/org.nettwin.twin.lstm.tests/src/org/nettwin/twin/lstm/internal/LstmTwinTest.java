package org.nettwin.twin.lstm.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.env.Step;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.space.Box;
import org.nettwin.api.space.Discrete;
import org.nettwin.api.space.SpaceViolationException;
import org.nettwin.api.testkit.EnvironmentConformance;
import org.nettwin.api.testkit.RecordingListener;
import org.nettwin.api.twin.TwinAccuracy;
import org.nettwin.api.testkit.SteadyStateAllocation;
import org.nettwin.twin.sequence.SequenceTwin;
import org.nettwin.twin.sequence.TwinReport;
import org.nettwin.twin.sequence.TwinTrajectory;
import org.nettwin.twin.sequence.testkit.DriftEnvironment;
import org.nettwin.twin.sequence.testkit.Recorder;
import org.nettwin.twin.sequence.testkit.TwinExercise;

/** twin/lstm on the drift environment: it learns, improves with data, calibrates, conforms, repeats itself. */
class LstmTwinTest {

    static final LstmTwinBuilder BUILDER = new LstmTwinBuilder();

    static SequenceTwin twin(int transitions, long seed, RecordingListener listener) {
        DriftEnvironment env = TwinExercise.environment();
        return BUILDER.build(EnvironmentSpec.of(env), Recorder.random(env, transitions, seed), TwinExercise.settings(Map.of()), seed,
                listener);
    }

    @Test
    void errorFallsWithMoreDataAndBeatsPersistence() {
        TwinExercise.LearningCurve c = TwinExercise.learningCurve(BUILDER, Map.of(), 300, 3000, 11);
        double small = c.small().meanOneStepError();
        double large = c.large().meanOneStepError();
        System.out.printf("twin/lstm one-step RMSE: 300 -> %.4f, 3000 -> %.4f, persistence %.4f; reward %.4f -> %.4f; 5-step %.4f -> %.4f%n",
                small, large, c.persistence(), c.small().rewardError(), c.large().rewardError(), c.small().rolloutError()[4],
                c.large().rolloutError()[4]);
        assertTrue(large < 0.8 * small, "one-step error falls with 10x data: " + small + " -> " + large);
        assertTrue(large < 0.5 * c.persistence(), "beats next-state = current-state: " + large + " vs " + c.persistence());
        assertTrue(c.large().rewardError() < c.small().rewardError(), "reward error falls too");
        assertTrue(c.large().rolloutError()[4] < c.small().rolloutError()[4], "5-step rollout error falls too");
    }

    @Test
    void calibrationWithFreshDataLowersErrorOnShiftedDynamics() {
        TwinExercise.Calibration c = TwinExercise.calibration(BUILDER, Map.of(), 2000, 5);
        System.out.printf("twin/lstm on shifted data: before %.4f, after calibration %.4f%n", c.before().meanOneStepError(),
                c.after().meanOneStepError());
        assertTrue(c.after().meanOneStepError() < 0.7 * c.before().meanOneStepError(), c.before().meanOneStepError() + " -> "
                + c.after().meanOneStepError());
    }

    @Test
    void theTwinIsAConformingEnvironment() {
        SequenceTwin twin = twin(1000, 3, new RecordingListener());
        EnvironmentConformance.check(twin);
        twin.reset(1);
        SpaceViolationException e = assertThrows(SpaceViolationException.class, () -> twin.step(3));
        assertTrue(e.getMessage().contains("Discrete(3)"), e.getMessage());
        assertEquals(50, twin.episodeLength(), "default episode length = the data's median");
        int steps = 0;
        Step<double[]> s = twin.reset(2);
        while (!s.done()) {
            s = twin.step(1);
            steps++;
            assertTrue(twin.observationSpace().contains(s.observation()));
        }
        assertEquals(50, steps);
    }

    @Test
    void sameSeedSameTwinAndTrajectory() {
        SequenceTwin a = twin(800, 9, new RecordingListener());
        SequenceTwin b = twin(800, 9, new RecordingListener());
        TransitionDataset heldOut = Recorder.random(TwinExercise.environment(), 300, 99);
        TwinAccuracy x = a.evaluate(heldOut, 3);
        TwinAccuracy y = b.evaluate(heldOut, 3);
        assertArrayEquals(x.oneStepError(), y.oneStepError());
        assertArrayEquals(x.rolloutError(), y.rolloutError());
        a.reset(4);
        b.reset(4);
        for (int t = 0; t < 40; t++) {
            Step<double[]> sa = a.step(t % 3);
            Step<double[]> sb = b.step(t % 3);
            assertArrayEquals(sa.observation(), sb.observation());
            assertEquals(sa.reward(), sb.reward());
        }
    }

    @Test
    void reportsLossesPerEpochAndStopsEarly() {
        RecordingListener listener = new RecordingListener();
        twin(1500, 4, listener);
        for (String m : List.of("twin_state_train_loss", "twin_state_validation_loss", "twin_reward_train_loss", "twin_reward_validation_loss")) {
            assertTrue(listener.metricNames().contains(m), m + " in " + listener.metricNames());
        }
        double[] validation = listener.metricValues("twin_state_validation_loss");
        assertTrue(validation[validation.length - 1] < validation[0] || validation.length < 30, "validation loss falls");
        double[] train = listener.metricValues("twin_state_train_loss");
        assertTrue(train[train.length - 1] < 0.5 * train[0], "training loss falls: " + train[0] + " -> " + train[train.length - 1]);
    }

    @Test
    void refusesNonBoxObservationsAndMismatchedData() {
        EnvironmentSpec discrete = new EnvironmentSpec(List.of("agent"), List.of(new Discrete(5)), List.of(new Discrete(2)), false);
        String why = BUILDER.incompatibility(discrete, BUILDER.configSchema().defaults()).orElseThrow();
        assertTrue(why.contains("Box") && why.contains("Discrete(5)"), why);
        assertThrows(IllegalArgumentException.class, () -> BUILDER.build(discrete, new TransitionDataset(1, 1, Map.of()),
                TwinExercise.config(BUILDER, Map.of()), 1, new RecordingListener()));
        EnvironmentSpec other = new EnvironmentSpec(List.of("agent"), List.of(new Box(4, 0, 1)), List.of(new Discrete(3)), false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BUILDER.build(other, Recorder.random(TwinExercise.environment(), 100, 1), TwinExercise.config(BUILDER, Map.of()), 1,
                        new RecordingListener()));
        assertTrue(e.getMessage().contains("(4,)"), e.getMessage());
    }

    @Test
    void stepAllocatesNothing() {
        SequenceTwin twin = twin(500, 6, new RecordingListener());
        twin.reset(1);
        long allocated = SteadyStateAllocation.of(() -> {
            for (int i = 0; i < 5000; i++) {
                if (twin.step(i % 3).done()) {
                    twin.reset();
                }
            }
        }, 1024, Duration.ofSeconds(60));
        assertTrue(allocated < 1024, "5000 twin steps allocated " + allocated + " bytes once compiled");
    }

    @Test
    void writesTheTwinReport(@TempDir Path dir) throws Exception {
        SequenceTwin twin = twin(1000, 8, new RecordingListener());
        TransitionDataset heldOut = Recorder.random(TwinExercise.environment(), 200, 77);
        TwinAccuracy accuracy = twin.evaluate(heldOut, 4);
        List<String> named = List.of("level", "cos_phase", "sin_phase");
        assertEquals(named, TwinExercise.environment().observationFeatures());
        assertEquals(named, twin.observationFeatures(), "the twin names its features as the real environment does");
        assertEquals(named, accuracy.featureNames());
        TwinReport.writeAccuracy(dir, accuracy);
        TwinTrajectory trajectory = twin.compare(heldOut, 0, 20);
        assertEquals(20, trajectory.steps());
        assertArrayEquals(trajectory.real()[0], trajectory.twin()[0], "same start");
        double[][] predicted = twin.capability(org.nettwin.api.twin.TrajectoryPredictor.class).orElseThrow().predictOpenLoop(heldOut, 0, 20);
        assertEquals(21, predicted.length, "the API capability gives the same open-loop rows");
        for (int h = 0; h <= 20; h++) {
            assertArrayEquals(trajectory.twin()[h], predicted[h], "row " + h);
        }
        TwinReport.writeTrajectory(dir, trajectory, accuracy.featureNames(), 0, 1);
        String json = Files.readString(dir.resolve("twin-accuracy.json"));
        assertTrue(json.contains("\"one_step_rmse\"") && json.contains("\"rollout_rmse\"") && json.contains("\"reward_rmse\""), json);
        assertTrue(json.contains("\"level\": ") && json.contains("\"sin_phase\": "), json);
        assertEquals(1 + 3 + 4 + 1, Files.readAllLines(dir.resolve("twin-accuracy.csv")).size());
        assertEquals(1 + 2 * 21, Files.readAllLines(dir.resolve("twin-trajectory.csv")).size());
        for (String feature : List.of("level", "cos_phase")) {
            byte[] png = Files.readAllBytes(dir.resolve("twin-vs-real-" + feature + ".png"));
            assertTrue(png.length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "a PNG plot of " + feature);
        }
    }
}
