package org.nettwin.experiment.distill.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.rl.Policy;
import org.nettwin.api.rl.Rollouts;
import org.nettwin.api.space.Box;
import org.nettwin.api.space.Discrete;
import org.nettwin.api.space.Space;
import org.nettwin.api.testkit.RandomWalkEnvironment;

/** The report's figures on a pair of rule policies whose disagreement is known. */
class DistillationReportTest {

    static Policy<double[], Integer> rule(String name, long parameters, java.util.function.ToIntFunction<double[]> rule) {
        RandomWalkEnvironment env = new RandomWalkEnvironment();
        return new Policy<>() {
            @Override
            public Space<double[]> observationSpace() {
                return env.observationSpace();
            }

            @Override
            public Space<Integer> actionSpace() {
                return env.actionSpace();
            }

            @Override
            public Integer act(double[] o) {
                return rule.applyAsInt(o);
            }

            @Override
            public long parameterCount() {
                return parameters;
            }

            @Override
            public void save(java.io.OutputStream out) throws IOException {
                throw new IOException(name);
            }
        };
    }

    /** Positions 1..9 of the default walk (length 10). */
    static TransitionDataset positions() {
        TransitionDataset d = new TransitionDataset(1, 1, Map.of());
        for (int p = 1; p <= 9; p++) {
            d.add(0, new double[] {p}, new double[] {1}, 0, new double[] {p}, false, false);
        }
        return d;
    }

    @Test
    void agreementErrorReturnsAndSizesAreWhatTheyShouldBe(@TempDir Path dir) throws IOException {
        Policy<double[], Integer> teacher = rule("teacher", 1000, o -> RandomWalkEnvironment.RIGHT);
        Policy<double[], Integer> student = rule("student", 100, o -> o[0] > 3 ? RandomWalkEnvironment.RIGHT : RandomWalkEnvironment.LEFT);
        RandomWalkEnvironment env = new RandomWalkEnvironment();
        DistillationReport r = DistillationReport.measure(teacher, student, positions(), env, 30, 5, 1000, 101);
        assertEquals(6.0 / 9, r.agreement(), 1e-12, "they agree at positions 4..9");
        assertEquals(3.0 / 9, r.meanAbsoluteError(), 1e-12, "actions 1 vs 0 at three positions");
        assertEquals(10, r.compressionRatio(), 0);
        assertEquals(Rollouts.meanReturn(new RandomWalkEnvironment(), teacher, 30, 5, 1000), r.teacherReturn(), 0);
        assertEquals(Rollouts.meanReturn(new RandomWalkEnvironment(), student, 30, 5, 1000), r.studentReturn(), 0);
        assertTrue(r.teacherReturn() > 0.5, "always right mostly wins: " + r.teacherReturn());
        assertEquals(r.studentReturn() / r.teacherReturn(), r.returnKept(), 0);
        assertTrue(r.teacherNanosPerAction() > 0 && r.studentNanosPerAction() > 0);

        Path file = dir.resolve("distillation.json");
        r.writeJson(file);
        String json = Files.readString(file);
        assertTrue(json.contains("\"agreement\": 0.666667") && json.contains("\"teacher_parameters\": 1000"), json);

        Policy<double[], Integer> loser = rule("loser", 10, o -> RandomWalkEnvironment.LEFT);
        DistillationReport negative = DistillationReport.measure(loser, loser, positions(), env, 10, 5, 1000, 11);
        assertTrue(Double.isNaN(negative.returnKept()), "no share of a non-positive return");
        assertTrue(negative.toJson().contains("\"return_kept\": null"), negative.toJson());
        assertEquals(1, negative.agreement(), 0);
    }

    @Test
    void mismatchedOrEmptyInputIsRefused() {
        Policy<double[], Integer> teacher = rule("teacher", 1, o -> 1);
        RandomWalkEnvironment env = new RandomWalkEnvironment();
        Policy<double[], Integer> otherSpaces = new Policy<>() {
            @Override
            public Space<double[]> observationSpace() {
                return new Box(2, 0, 1);
            }

            @Override
            public Space<Integer> actionSpace() {
                return new Discrete(2);
            }

            @Override
            public Integer act(double[] o) {
                return 0;
            }

            @Override
            public long parameterCount() {
                return 0;
            }

            @Override
            public void save(java.io.OutputStream out) {
            }
        };
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> DistillationReport.measure(teacher, otherSpaces, positions(), env, 1, 1, 10, 1)).getMessage().contains("student acts in"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DistillationReport.measure(teacher, teacher,
                new TransitionDataset(1, 1, Map.of()), env, 1, 1, 10, 1)).getMessage().contains("heldOut: the dataset is empty"));
        TransitionDataset wide = new TransitionDataset(3, 1, Map.of());
        wide.add(0, new double[3], new double[1], 0, new double[3], false, false);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DistillationReport.measure(teacher, teacher, wide, env, 1, 1, 10, 1))
                .getMessage().contains("observations have 3 values"));
        assertThrows(IllegalArgumentException.class, () -> DistillationReport.measure(teacher, teacher, positions(), env, 0, 1, 10, 1));
    }
}
