package org.nettwin.lab.tests;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nettwin.lab.ExperimentException;
import org.nettwin.lab.ExperimentRunner;

/**
 * The sections of experiment files, checked against the shipped kinds' declarations and the
 * plugins' schemas: every problem reported at once, located as FILE:LINE:COLUMN: field.path.
 */
class ExperimentFilesIT {

    @TempDir
    Path dir;

    ExperimentRunner runner;

    @BeforeEach
    void setUp() throws InterruptedException {
        runner = LabServices.runner();
        LabServices.catalogWith("train", "collect", "twin-loop", "offline", "distill", "admission/Control-v1", "rl/dqn", "twin/tabular");
    }

    private String problems(String json) throws IOException {
        Path f = Files.writeString(dir.resolve("exp.json"), json);
        ExperimentException e = assertThrows(ExperimentException.class, () -> runner.validate(runner.load(f)));
        return String.join("\n", e.problems());
    }

    @Test
    void trainSectionsAreCheckedWithTheirLocations() throws IOException {
        String all = problems("""
                {"name": "a",
                 "scenario": {"id": "admission/Control-v1", "config": {"bogus": 1}},
                 "algorithm": {"id": "rl/dqn", "colour": "red", "config": {"gamma": 7}},
                 "budget": {"steps": -5},
                 "loop": {}}
                """);
        assertTrue(all.contains(":2:56: scenario.config.bogus: unknown field"), all);
        assertTrue(all.contains(":3:32: algorithm.colour: unknown field; known fields: config, id"), all);
        assertTrue(all.contains("algorithm.config.gamma: must be in [0, 1], got 7"), all);
        assertTrue(all.contains(":4:13: budget.steps: must be in [1, 10000000000], got -5"), all);
        assertTrue(all.contains(":5:2: loop: unknown field for \"train\" experiments; known fields: algorithm, budget, description, name, "
                + "scenario, seeds, type"), all);
        String missing = problems("{\"name\": \"a\", \"scenario\": {\"config\": 3}}");
        assertTrue(missing.contains("scenario.id: is required"), missing);
        assertTrue(missing.contains("algorithm: is required for \"train\" experiments"), missing);
        assertTrue(missing.contains("budget: is required for \"train\" experiments"), missing);
    }

    @Test
    void collectAndTwinLoopSectionsAreCheckedAgainstTheirKinds() throws IOException {
        String collect = problems("""
                {"name": "c", "type": "collect", "scenario": {"id": "admission/Control-v1", "policy": "p.bin"},
                 "algorithm": {"id": "rl/random", "policy": "missing.bin"}, "budget": {"steps": 5},
                 "collect": {"steps": 0, "format": "parquet", "stochastic": "yes"}}
                """);
        assertTrue(collect.contains("scenario.policy: is not used by \"collect\" experiments"), collect);
        assertTrue(collect.contains("algorithm.policy: no such policy file: " + dir.resolve("missing.bin")), collect);
        assertTrue(collect.contains("budget: unknown field for \"collect\" experiments"), collect);
        assertTrue(collect.contains("collect.steps: must be in [1, 1000000000], got 0"), collect);
        assertTrue(collect.contains("collect.format: must be one of binary, csv, both, got \"parquet\""), collect);
        assertTrue(collect.contains("collect.stochastic: must be true or false"), collect);

        String loop = problems("""
                {"name": "l", "type": "twin-loop", "scenario": {"id": "admission/Control-v1"}, "algorithm": {"id": "rl/dqn"},
                 "loop": {"historySteps": 0, "realSteps": 5, "twinSteps": 1, "vanilla": "yes", "speed": 3},
                 "budget": {"steps": 5}}
                """);
        assertTrue(loop.contains("twin: is required for \"twin-loop\" experiments"), loop);
        assertTrue(loop.contains("loop.historySteps: must be in [1, 1000000000], got 0"), loop);
        assertTrue(loop.contains("loop.vanilla: must be true or false"), loop);
        assertTrue(loop.contains("loop.speed: unknown field"), loop);
        String behaviour = problems("""
                {"name": "l", "type": "twin-loop", "scenario": {"id": "admission/Control-v1"}, "algorithm": {"id": "rl/dqn"},
                 "twin": {"id": "twin/tabular"}, "loop": {"behaviour": "rl/nope", "historySteps": 10, "realSteps": 5, "twinSteps": 1},
                 "budget": {"steps": 50}, "landscape": {"network": "q", "points": 4}}
                """);
        assertTrue(behaviour.contains("loop.behaviour: unknown algorithm id 'rl/nope'; known: "), behaviour);
        assertTrue(behaviour.contains("landscape.points: must be odd"), behaviour);
    }

    @Test
    void anUnknownTypeListsTheInstalledKinds() throws IOException {
        String all = problems("{\"name\": \"e\", \"type\": \"evolve\"}");
        assertTrue(all.contains(":1:15: type: unknown experiment id 'evolve'; known: ") && all.contains("collect") && all.contains("twin-loop"),
                all);
    }
}
