package org.nettwin.lab.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nettwin.lab.Experiment;
import org.nettwin.lab.ExperimentException;
import org.nettwin.lab.ExperimentRunner;
import org.nettwin.lab.RunOptions;
import org.nettwin.lab.RunResult;

/** Experiments through the real runner service and the real plugin services. */
class ExperimentRunnerIT {

    @TempDir
    Path dir;

    ExperimentRunner runner;

    @BeforeEach
    void setUp() throws InterruptedException {
        runner = LabServices.runner();
        PluginCatalogIT.await(() -> {
            try {
                runner.validate(runner.load(write("probe.json", experiment("{}", 10, "[1]"))));
                return true;
            } catch (RuntimeException | IOException e) {
                return false;
            }
        }, "example scenario available to the runner");
    }

    static String experiment(String scenarioConfig, long steps, String seeds) {
        return """
                {
                  "name": "channel",
                  "scenario": {"id": "example/ChannelAccess-v1", "config": %s},
                  "algorithm": {"id": "rl/random"},
                  "budget": {"steps": %d, "evalEpisodes": 3},
                  "seeds": %s
                }
                """.formatted(scenarioConfig, steps, seeds);
    }

    Path write(String name, String json) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, json);
        return f;
    }

    @Test
    void sameExperimentAndSeedGiveTheSameMetricsByteForByte() throws IOException {
        Experiment e = runner.load(write("e.json", experiment("{\"channels\": 3}", 2000, "[4, 5]")));
        RunResult a = runner.run(e, new RunOptions(dir.resolve("a"), null));
        RunResult b = runner.run(e, new RunOptions(dir.resolve("b"), null));
        byte[] ma = Files.readAllBytes(a.folder().resolve("metrics.csv"));
        assertArrayEquals(ma, Files.readAllBytes(b.folder().resolve("metrics.csv")));
        List<?> perSeed = (List<?>) a.summary().get("per_seed");
        assertEquals(2, perSeed.size());
        assertEquals(2000L, ((Number) ((Map<?, ?>) perSeed.get(0)).get("steps")).longValue());
        assertEquals(20L, ((Number) ((Map<?, ?>) perSeed.get(0)).get("episodes")).longValue(), "100-slot episodes");
        assertEquals(List.of("seed 4: ", "seed 5: ", "mean evaluation return "), a.lines().stream().map(l -> l.replaceAll("(: |return ).*", "$1"))
                .toList(), a.lines().toString());
        for (String f : List.of("experiment.json", "summary.json", "reward.png", "metrics.csv")) {
            assertTrue(Files.size(a.folder().resolve(f)) > 0, f);
        }
        String resolved = Files.readString(a.folder().resolve("experiment.json"));
        assertTrue(resolved.contains("\"timeLimit\" : 100") && resolved.contains("org.nettwin.example.channel"), resolved);
        String csv = new String(ma);
        assertTrue(csv.startsWith("seed,step,metric,value\n4,100,episode_return,"), csv.substring(0, 60));
        assertTrue(csv.contains("\n5,2000,eval_return,"), "evaluation recorded");
        RunResult other = runner.run(e.withSeed(6), new RunOptions(dir.resolve("c"), null));
        assertNotEquals(new String(Files.readAllBytes(other.folder().resolve("metrics.csv"))).lines().skip(1).toList(),
                csv.lines().skip(1).limit(10).toList(), "another seed gives other numbers");
    }

    @Test
    void invalidPluginConfigurationIsLocatedAndWritesNothing() throws IOException {
        Path f = write("bad.json", experiment("{\"channels\": 1,\n  \"colour\": 2}", 100, "[1]"));
        ExperimentException e = assertThrows(ExperimentException.class, () -> runner.run(runner.load(f), new RunOptions(dir.resolve("out"), null)));
        String all = String.join("\n", e.problems());
        assertTrue(all.contains(f + ":3:") && all.contains("scenario.config.channels: must be in [2, 64], got 1"), all);
        assertTrue(all.contains(f + ":4:3: scenario.config.colour: unknown field; known fields: channels, goodToBad, badToGood, ageHorizon, timeLimit"), all);
        assertFalse(Files.exists(dir.resolve("out")), "no output folder for an invalid experiment");
    }

    @Test
    void unknownIdsListTheKnownOnes() throws IOException {
        Path f = write("unknown.json", experiment("{}", 100, "[1]").replace("rl/random", "rl/nope"));
        ExperimentException e = assertThrows(ExperimentException.class, () -> runner.validate(runner.load(f)));
        assertTrue(e.getMessage().contains(f + ":4:17: algorithm.id: unknown algorithm id 'rl/nope'; known: "), e.getMessage());
        assertTrue(e.getMessage().matches("(?s).*known: (.*, )?rl/random(, .*)?"), e.getMessage());
    }

    @Test
    void anExistingOutputFolderIsNeverOverwritten() throws IOException {
        Path out = Files.createDirectories(dir.resolve("taken"));
        Files.writeString(out.resolve("keep.txt"), "mine");
        Experiment e = runner.load(write("e.json", experiment("{}", 100, "[1]")));
        assertThrows(IOException.class, () -> runner.run(e, new RunOptions(out, null)));
        assertEquals("mine", Files.readString(out.resolve("keep.txt")));
    }
}
