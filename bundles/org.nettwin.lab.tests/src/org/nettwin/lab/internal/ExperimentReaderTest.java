package org.nettwin.lab.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nettwin.lab.Experiment;
import org.nettwin.lab.ExperimentException;

/** The fields every experiment file has; the sections are checked by the kinds' schemas (ExperimentFilesIT). */
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
    void readsTheCommonFieldsAndKeepsTheSectionsWithTheirLocations() throws IOException {
        Experiment e = ExperimentReader.read(write("""
                {"name": "a", "scenario": {"id": "s/X-v1", "config": {"k": 3}},
                 "algorithm": {"id": "rl/random"}, "budget": {"steps": 100}}
                """));
        assertEquals("a", e.name());
        assertEquals("train", e.type(), "a file without a type is a train experiment");
        assertEquals(List.of(1L), e.seeds());
        assertEquals(List.of("scenario", "algorithm", "budget"), List.copyOf(e.sections().keySet()));
        assertEquals(Map.of("k", 3L), ((Map<?, ?>) ((Map<?, ?>) e.sections().get("scenario")).get("config")));
        assertTrue(e.locate("scenario.config.k").endsWith(":1:55"), e.locate("scenario.config.k"));
        assertEquals(e.locate("scenario.config"), e.locate("scenario.config.nope"), "a missing field is located at its parent");
        Experiment typed = ExperimentReader.read(write("{\"name\": \"b\", \"type\": \"twin-loop\", \"seeds\": [3, 1]}"));
        assertEquals("twin-loop", typed.type());
        assertEquals(List.of(3L, 1L), typed.seeds());
        assertEquals(List.of(9L), typed.withSeed(9).seeds());
    }

    @Test
    void malformedJsonNamesLineAndColumn() throws IOException {
        List<String> p = problems("{\n  \"name\": \"a\",\n  \"budget\": {\"steps\": 10,}\n}");
        assertEquals(1, p.size());
        assertTrue(p.get(0).startsWith(dir.resolve("exp.json") + ":3:"), p.get(0));
        assertTrue(p.get(0).contains("malformed JSON"), p.get(0));
    }

    @Test
    void everyProblemOfTheCommonFieldsIsReportedWithItsFieldPath() throws IOException {
        List<String> p = problems("""
                {"name": "a b",
                 "type": 7,
                 "description": "",
                 "seeds": [1, "two", 1]}
                """);
        String all = String.join("\n", p);
        assertTrue(all.contains(":1:2: name: must be letters"), all);
        assertTrue(all.contains(":2:2: type: must be non-empty text, got 7"), all);
        assertTrue(all.contains(":3:2: description: must be non-empty text"), all);
        assertTrue(all.contains("seeds[1]: must be a whole number, got \"two\""), all);
        assertTrue(all.contains("seeds[2]: seed 1 is listed twice"), all);
        assertEquals(5, p.size(), all);
        assertTrue(String.join("\n", problems("{\"seeds\": []}")).contains("name: is required"));
        assertTrue(String.join("\n", problems("{\"name\": \"a\", \"seeds\": []}")).contains("seeds: must be a non-empty array"));
    }

    @Test
    void duplicateKeysEmptyAndNonObjectFilesAreRefused() throws IOException {
        List<String> dup = problems("{\"name\": \"a\", \"name\": \"b\"}");
        assertTrue(dup.get(0).contains(":1:") && dup.get(0).contains("Duplicate field 'name'"), dup.get(0));
        assertTrue(problems("").get(0).contains("the file is empty"));
        assertTrue(problems("[1, 2]").get(0).contains("must be a JSON object"));
    }
}
