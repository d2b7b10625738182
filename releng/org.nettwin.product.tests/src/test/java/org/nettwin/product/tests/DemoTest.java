package org.nettwin.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code nettwin demo --quick} in the real product: both shipped quick experiments (DQN with the
 * org.nettwin.nn LSTM twin on the single cell, TD3 with the deeplearning4j LSTM twin on one cell
 * of the multi-cell network) run both arms and write the comparison the README promises.
 */
class DemoTest {

    @TempDir
    Path work;

    @Test
    void quickDemoWritesTheComparisonForBothScenarios() throws Exception {
        // the demo reads examples/demo/quick/ below nettwin.home, which defaults to the working folder
        Path source = Path.of(System.getProperty("nettwin.root", "../..")).resolve("examples/demo/quick");
        Path quick = Files.createDirectories(work.resolve("examples/demo/quick"));
        try (Stream<Path> files = Files.list(source)) {
            for (Path f : files.toList()) {
                Files.copy(f, quick.resolve(f.getFileName()));
            }
        }
        Runtime.Result r = Runtime.run(work, Files.createDirectories(work.resolve("plugins")), "demo", "--quick", "--out", "demo");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("slicing-single-cell-quick: vanilla needs"), r.out());
        JsonNode summary = new ObjectMapper().readTree(work.resolve("demo/summary.json").toFile());
        for (String key : List.of("vanilla_real_steps", "twin_real_steps", "real_steps_ratio", "per_seed", "runs", "twin_one_step_rmse_mean")) {
            assertTrue(summary.has(key), key + " in " + summary);
        }
        assertEquals(2, summary.get("per_seed").size());
        JsonNode runs = summary.get("runs");
        assertEquals(List.of("slicing-single-cell-quick", "slicing-multi-cell-one-cell-quick"), List.copyOf(iterable(runs)));
        assertEquals("twin/dl4j-lstm", runs.get("slicing-multi-cell-one-cell-quick").get("twin").asText());
        for (String run : iterable(runs)) {
            assertTrue(runs.get(run).has("landscape"), run + " has loss landscapes of both arms");
            for (String file : List.of("summary.json", "metrics.csv", "experiment.json", "reward.png", "twin-error.png", "twin-vs-real.png",
                    "landscape/landscape-1d.png")) {
                assertTrue(Files.isRegularFile(work.resolve("demo").resolve(run).resolve(file)), run + "/" + file);
            }
        }
        assertFalse(Files.exists(work.resolve(".demo.partial")), "no staging folder left behind");
    }

    static List<String> iterable(JsonNode object) {
        List<String> names = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
