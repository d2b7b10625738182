package org.nettwin.lab.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nettwin.lab.Experiment;
import org.nettwin.lab.ExperimentException;

class ExperimentReaderTest {

    @TempDir
    Path dir;

    private Path write(String json) throws IOException {
        Path f = dir.resolve("exp.json");
        Files.writeString(f, json);
        return f;
    }

    private List<String> problems(String json) throws IOException {
        Path f = write(json);
        return assertThrows(ExperimentException.class, () -> ExperimentReader.read(f)).problems();
    }

    @Test
    void readsAValidFileWithDefaults() throws IOException {
        Experiment e = ExperimentReader.read(write("""
                {"name": "a", "scenario": {"id": "s/X-v1", "config": {"k": 3}},
                 "algorithm": {"id": "rl/random"}, "budget": {"steps": 100}}
                """));
        assertEquals("a", e.name());
        assertEquals(3L, e.scenario().config().get("k"));
        assertEquals(100, e.budget().steps());
        assertEquals(10, e.budget().evalEpisodes());
        assertEquals(List.of(1L), e.seeds());
        assertTrue(e.locate("scenario.config.k").endsWith(":1:55"), e.locate("scenario.config.k"));
    }

    @Test
    void malformedJsonNamesLineAndColumn() throws IOException {
        List<String> p = problems("{\n  \"name\": \"a\",\n  \"budget\": {\"steps\": 10,}\n}");
        assertEquals(1, p.size());
        assertTrue(p.get(0).startsWith(dir.resolve("exp.json") + ":3:"), p.get(0));
        assertTrue(p.get(0).contains("malformed JSON"), p.get(0));
    }

    @Test
    void everyStructuralProblemIsReportedWithItsFieldPath() throws IOException {
        List<String> p = problems("""
                {"name": "a b",
                 "scenario": {"id": 7},
                 "algorithm": {"id": "rl/random", "colour": "red"},
                 "budget": {"steps": -5},
                 "seeds": [1, "two", 1]}
                """);
        String all = String.join("\n", p);
        assertTrue(all.contains(":1:2: name: must be letters"), all);
        assertTrue(all.contains(":2:15: scenario.id: must be non-empty text, got 7"), all);
        assertTrue(all.contains(":3:35: algorithm.colour: unknown field; known fields: config, id"), all);
        assertTrue(all.contains(":4:13: budget.steps: must be a whole number in [1, 10000000000], got -5"), all);
        assertTrue(all.contains("seeds[1]: must be a whole number, got \"two\""), all);
        assertTrue(all.contains("seeds[2]: seed 1 is listed twice"), all);
        assertEquals(6, p.size(), all);
    }

    @Test
    void missingSectionsAndDuplicateKeysAreErrors() throws IOException {
        String all = String.join("\n", problems("{\"name\": \"a\"}"));
        assertTrue(all.contains("scenario: is required"), all);
        assertTrue(all.contains("algorithm: is required"), all);
        assertTrue(all.contains("budget: is required"), all);
        List<String> dup = problems("{\"name\": \"a\", \"name\": \"b\"}");
        assertTrue(dup.get(0).contains(":1:") && dup.get(0).contains("Duplicate field 'name'"), dup.get(0));
    }

    @Test
    void emptyAndNonObjectFilesAreRefused() throws IOException {
        assertTrue(problems("").get(0).contains("the file is empty"));
        assertTrue(problems("[1, 2]").get(0).contains("must be a JSON object"));
    }

    @Test
    void collectExperimentsNeedACollectSectionAndNoBudget() throws IOException {
        Experiment e = ExperimentReader.read(write("""
                {"name": "c", "type": "collect", "scenario": {"id": "s/X-v1"},
                 "algorithm": {"id": "rl/random"}, "collect": {"steps": 500, "format": "both"}}
                """));
        assertEquals(Experiment.Type.COLLECT, e.type());
        assertEquals(new Experiment.Collection(500, Experiment.Format.BOTH, true), e.collection());
        String all = String.join("\n", problems("""
                {"name": "c", "type": "collect", "scenario": {"id": "s/X-v1", "policy": "p.bin"},
                 "algorithm": {"id": "rl/random", "policy": "missing.bin"}, "budget": {"steps": 5},
                 "collect": {"steps": 0, "format": "parquet", "stochastic": "yes"}}
                """));
        assertTrue(all.contains("scenario.policy: unknown field"), all);
        assertTrue(all.contains("algorithm.policy: no such policy file: " + dir.resolve("missing.bin")), all);
        assertTrue(all.contains("budget: is not used by \"collect\" experiments"), all);
        assertTrue(all.contains("collect.steps: must be a whole number in [1, 1000000000], got 0"), all);
        assertTrue(all.contains("collect.format: must be \"binary\", \"csv\" or \"both\", got \"parquet\""), all);
        assertTrue(all.contains("collect.stochastic: must be true or false"), all);
        assertTrue(String.join("\n", problems("{\"name\": \"c\", \"type\": \"evolve\"}")).contains("type: must be one of \"train\", \"collect\", \"twin-loop\", \"offline\", \"distill\"; got \"evolve\""));
    }

    @Test
    void twinLoopExperimentsNeedATwinAndLoopSettings() throws IOException {
        Experiment e = ExperimentReader.read(write("""
                {"name": "l", "type": "twin-loop", "scenario": {"id": "s/X-v1"}, "algorithm": {"id": "rl/dqn"},
                 "twin": {"id": "twin/lstm", "config": {"window": 4}},
                 "loop": {"historySteps": 1000, "realSteps": 500, "twinSteps": 20000},
                 "budget": {"steps": 5000, "evalEvery": 500}}
                """));
        assertEquals(Experiment.Type.TWIN_LOOP, e.type());
        assertEquals("twin/lstm", e.twin().id());
        assertEquals(4L, e.twin().config().get("window"));
        assertEquals(new Experiment.Loop("rl/random", 1000, 500, 20000, 20000, 250, 5, true, 1.0), e.loop(), "defaults filled in");
        assertEquals(500, e.budget().evalEvery());
        String all = String.join("\n", problems("""
                {"name": "l", "type": "twin-loop", "scenario": {"id": "s/X-v1"}, "algorithm": {"id": "rl/dqn"},
                 "loop": {"historySteps": 0, "realSteps": 5, "twinSteps": 1, "vanilla": "yes", "speed": 3},
                 "budget": {"steps": 5}}
                """));
        assertTrue(all.contains("twin: is required"), all);
        assertTrue(all.contains("loop.historySteps: must be a whole number in [1, 1000000000], got 0"), all);
        assertTrue(all.contains("loop.vanilla: must be true or false"), all);
        assertTrue(all.contains("loop.speed: unknown field"), all);
        String train = String.join("\n", problems("""
                {"name": "t", "scenario": {"id": "s/X-v1"}, "algorithm": {"id": "rl/dqn"}, "budget": {"steps": 5},
                 "twin": {"id": "twin/lstm"}, "loop": {}}
                """));
        assertTrue(train.contains("twin: is not used by \"train\" experiments"), train);
        assertTrue(train.contains("loop: is not used by \"train\" experiments"), train);
        String missing = String.join("\n", problems("""
                {"name": "l", "type": "twin-loop", "scenario": {"id": "s/X-v1"}, "algorithm": {"id": "rl/dqn"},
                 "twin": {"id": "twin/lstm"}, "budget": {"steps": 5}}
                """));
        assertTrue(missing.contains("loop: is required for \"twin-loop\" experiments"), missing);
    }
}
