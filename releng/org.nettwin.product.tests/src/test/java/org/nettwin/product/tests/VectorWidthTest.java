package org.nettwin.product.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The same experiment and seed give the same {@code metrics.csv} on every x86-64 machine, whatever
 * its vector width (issue 10): small learning runs of the product under
 * {@code -XX:MaxVectorSize=16} (SSE-wide vectors, 2 doubles), {@code 32} (AVX2, 4) and the
 * machine's default (8 with AVX-512) — the option {@code NETTWIN_JVM_OPTS} hands to the JVM of
 * {@code ./nettwin run} — write the same bytes, and each run's {@code experiment.json} records
 * the width it ran with.
 */
class VectorWidthTest {

    @TempDir
    Path work;

    /** DQN on URLLC access-point selection, a few thousand steps of batch-32 updates. */
    static final String DQN = """
            {"name": "dqn-width", "scenario": {"id": "urllc/ApSelection-v1"},
             "algorithm": {"id": "rl/dqn", "config": {"learningStarts": 300}},
             "budget": {"steps": 3000, "evalEpisodes": 2}, "seeds": [1]}
            """;

    /** TD3 on one MultiCell cell: actor and twin critics, target smoothing, delayed policy updates. */
    static final String TD3 = """
            {"name": "td3-width", "scenario": {"id": "slicing/MultiCell-v1", "config": {"controlledCell": 1}},
             "algorithm": {"id": "rl/td3", "config": {"warmupSteps": 300}},
             "budget": {"steps": 2000, "evalEpisodes": 1}, "seeds": [1]}
            """;

    @Test
    void dqnWritesTheSameMetricsAtEveryVectorWidth() throws Exception {
        sameBytesAtEveryWidth("dqn", DQN);
    }

    @Test
    void td3WritesTheSameMetricsAtEveryVectorWidth() throws Exception {
        sameBytesAtEveryWidth("td3", TD3);
    }

    private void sameBytesAtEveryWidth(String name, String experiment) throws Exception {
        Path exp = Files.writeString(work.resolve(name + ".json"), experiment);
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        List<String> options = new ArrayList<>(List.of("-XX:MaxVectorSize=16", "-XX:MaxVectorSize=32", ""));
        byte[] reference = null;
        String referenceRun = null;
        List<Integer> widths = new ArrayList<>();
        for (String option : options) {
            String out = name + "-" + (option.isEmpty() ? "default" : option.substring(option.indexOf('=') + 1));
            ProcessBuilder command = Runtime.command(work, plugins, List.of("run", exp.toString(), "--out", out));
            if (!option.isEmpty()) {
                command.command().add(1, option);
            }
            Runtime.Result r = Runtime.run(work, command);
            assertEquals(0, r.status(), out + ": " + r.err());
            int bits = new ObjectMapper().readTree(work.resolve(out).resolve("experiment.json").toFile()).get("runtime")
                    .get("vector_bits").asInt();
            widths.add(bits);
            byte[] metrics = Files.readAllBytes(work.resolve(out).resolve("metrics.csv"));
            if (reference == null) {
                reference = metrics;
                referenceRun = out + " (" + bits + "-bit vectors)";
            } else {
                assertArrayEquals(reference, metrics, out + " (" + bits + "-bit vectors) writes the bytes of " + referenceRun);
            }
        }
        assertEquals(128, widths.get(0), "experiment.json records the width under MaxVectorSize=16");
        assertEquals(256, widths.get(1), "experiment.json records the width under MaxVectorSize=32");
    }
}
