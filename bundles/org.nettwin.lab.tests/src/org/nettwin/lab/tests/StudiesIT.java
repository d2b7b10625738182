package org.nettwin.lab.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nettwin.lab.ExperimentException;
import org.nettwin.lab.ExperimentRunner;
import org.nettwin.lab.RunOptions;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The offline-RL and distillation experiment types through the real runner and plugins. */
class StudiesIT {

    @TempDir
    Path dir;

    ExperimentRunner runner;

    @BeforeEach
    void setUp() throws InterruptedException {
        runner = LabServices.runner();
        LabServices.catalogWith("slicing/MultiCell-v1", "admission/Control-v1", "rl/td3", "rl/dqn", "distill/policy", "baseline/traffic-aware");
    }

    @Test
    @SuppressWarnings("unchecked")
    void offlineVariantsLearnFromOneDatasetAndAreComparedWithTheBehaviour() throws IOException {
        Path f = Files.writeString(dir.resolve("offline.json"), """
                {"name": "offline", "type": "offline",
                 "scenario": {"id": "slicing/MultiCell-v1", "config": {"controlledCell": 1, "timeLimit": 100}},
                 "algorithm": {"id": "rl/td3", "config": {"bcAlpha": 0.1}},
                 "offline": {"behaviour": "rl/random", "datasetSteps": 1500, "updates": 600, "evaluations": 2,
                             "variants": {"td3+bc": {"offlineRegularisation": "bc"}, "naive": {"offlineRegularisation": "none"}}},
                 "budget": {"evalEpisodes": 1},
                 "seeds": [7]}
                """);
        runner.run(runner.load(f), new RunOptions(dir.resolve("a"), null));
        runner.run(runner.load(f), new RunOptions(dir.resolve("b"), null));
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/metrics.csv")), Files.readAllBytes(dir.resolve("b/metrics.csv")));
        Map<String, Object> summary = new ObjectMapper().readValue(dir.resolve("a/summary.json").toFile(), Map.class);
        Map<String, Object> variants = (Map<String, Object>) summary.get("variants");
        assertEquals(java.util.Set.of("td3+bc", "naive"), variants.keySet());
        assertTrue(summary.get("behaviour_eval_return_mean") instanceof Number, summary.toString());
        String csv = Files.readString(dir.resolve("a/metrics.csv"));
        assertTrue(csv.contains("7,300,td3+bc/eval_return,") && csv.contains("7,600,naive/eval_return,"), "evaluated at 300 and 600 updates");
        assertNotNull(ImageIO.read(dir.resolve("a/offline.png").toFile()));

        Path dqn = Files.writeString(dir.resolve("bad.json"), """
                {"name": "bad", "type": "offline", "scenario": {"id": "admission/Control-v1"}, "algorithm": {"id": "rl/dqn"},
                 "offline": {"datasetSteps": 100, "updates": 10, "variants": {"td3+bc": {"offlineRegularisation": "bc"}}}}
                """);
        ExperimentException e = assertThrows(ExperimentException.class, () -> runner.validate(runner.load(dqn)));
        assertTrue(String.join("\n", e.problems()).contains("offline.variants.td3+bc"), "td3 options are not dqn's: " + e.problems());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTrainedTeacherIsDistilledIntoAMuchSmallerStudent() throws IOException {
        Path f = Files.writeString(dir.resolve("distill.json"), """
                {"name": "distill", "type": "distill",
                 "scenario": {"id": "admission/Control-v1"},
                 "algorithm": {"id": "rl/dqn", "config": {"learningStarts": 200, "epsilonSteps": 2000}},
                 "distill": {"id": "distill/policy", "config": {"hidden": [8], "epochs": 20}, "datasetSteps": 1500, "heldOutSteps": 300,
                             "timingCalls": 500},
                 "budget": {"steps": 4000, "evalEpisodes": 3},
                 "seeds": [2]}
                """);
        runner.run(runner.load(f), new RunOptions(dir.resolve("d"), null));
        Map<String, Object> summary = new ObjectMapper().readValue(dir.resolve("d/summary.json").toFile(), Map.class);
        Map<String, Object> seed = ((List<Map<String, Object>>) summary.get("per_seed")).get(0);
        long teacher = ((Number) seed.get("teacher_parameters")).longValue();
        long student = ((Number) seed.get("student_parameters")).longValue();
        assertTrue(teacher > 5 * student, teacher + " vs " + student);
        assertTrue(((Number) seed.get("agreement")).doubleValue() > 0.5, seed.toString());
        for (String file : List.of("distillation-2.json", "teacher-2.policy", "student-2.policy", "metrics.csv", "experiment.json")) {
            assertTrue(Files.isRegularFile(dir.resolve("d").resolve(file)), file);
        }
    }
}
