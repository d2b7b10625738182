package org.nettwin.product.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The one-shot commands of the real product: list, run, errors and exit statuses. */
class HeadlessProductTest {

    static final Path EXAMPLE_JAR = Path.of(System.getProperty("nettwin.examplePlugin"));

    @TempDir
    Path work;

    Path plugins(boolean withExample) throws IOException {
        Path dir = Files.createDirectories(work.resolve("plugins"));
        if (withExample) {
            Files.copy(EXAMPLE_JAR, dir.resolve(EXAMPLE_JAR.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        return dir;
    }

    static final String EXPERIMENT = """
            {
              "name": "e2e",
              "scenario": {"id": "example/ChannelAccess-v1", "config": {"channels": 5}},
              "algorithm": {"id": "rl/random"},
              "budget": {"steps": 3000, "evalEpisodes": 2},
              "seeds": [11]
            }
            """;

    @Test
    void listJsonHasEveryKindAndTheShippedPlugins() throws Exception {
        Runtime.Result r = Runtime.run(work, plugins(false), "list", "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        for (String key : List.of("scenarios", "algorithms", "twins", "metrics", "distillers", "transfers", "experiments", "failed")) {
            assertTrue(doc.get(key).isArray(), key);
        }
        List<String> kinds = new java.util.ArrayList<>();
        for (JsonNode k : doc.get("experiments")) {
            kinds.add(k.get("id").asText());
            assertTrue(k.get("bundle").asText().startsWith("org.nettwin.experiment."), k.toString());
            assertTrue(k.get("version").asText().startsWith("0.1.0"), k.toString());
        }
        assertEquals(List.of("collect", "distill", "offline", "train", "twin-loop"), kinds, "the shipped experiment kinds, as plugins");
        JsonNode random = null;
        for (JsonNode a : doc.get("algorithms")) {
            random = "rl/random".equals(a.get("id").asText()) ? a : random;
        }
        assertTrue(random != null, "rl/random is listed: " + r.out());
        assertEquals("org.nettwin.rl.baseline", random.get("bundle").asText());
        assertTrue(random.get("version").asText().startsWith("0.1.0"));
        assertEquals(0, doc.get("failed").size(), r.out());
    }

    @Test
    void aJarInThePluginFolderIsListedAndRuns() throws Exception {
        Path plugins = plugins(true);
        Runtime.Result list = Runtime.run(work, plugins, "list");
        assertEquals(0, list.status(), list.err());
        assertTrue(list.out().contains("example/ChannelAccess-v1"), list.out());
        Path exp = Files.writeString(work.resolve("e2e.json"), EXPERIMENT);
        Runtime.Result a = Runtime.run(work, plugins, "run", exp.toString(), "--out", "a");
        assertEquals(0, a.status(), a.err());
        assertTrue(a.err().contains("ETA"), "progress with an ETA on stderr: " + a.err());
        assertTrue(a.out().contains("seed 11: 3000 steps, 30 episodes"), a.out());
        Runtime.Result b = Runtime.run(work, plugins, "run", exp.toString(), "--out", "b");
        assertEquals(0, b.status(), b.err());
        assertArrayEquals(Files.readAllBytes(work.resolve("a/metrics.csv")), Files.readAllBytes(work.resolve("b/metrics.csv")),
                "same experiment and seed, same metrics.csv byte for byte");
        Runtime.Result c = Runtime.run(work, plugins, "run", exp.toString(), "--out", "c", "--seed", "12");
        assertEquals(0, c.status(), c.err());
        assertFalse(Files.readString(work.resolve("c/metrics.csv")).equals(Files.readString(work.resolve("a/metrics.csv"))),
                "--seed changes the numbers");
        assertTrue(Files.readString(work.resolve("c/experiment.json")).contains("\"seeds\" : [ 12 ]"));
        JsonNode runtime = new ObjectMapper().readTree(work.resolve("a/experiment.json").toFile()).get("runtime");
        for (String key : List.of("java", "os", "cpu", "vector_bits", "framework", "bundles")) {
            assertTrue(runtime.has(key), "experiment.json records the runtime's " + key + ": " + runtime);
        }
        assertTrue(runtime.get("vector_bits").asInt() >= 128, "the kernels' vector width: " + runtime);
        assertTrue(runtime.get("bundles").has("org.nettwin.experiment.train"), runtime.toString());
    }

    @Test
    void anExperimentKindDroppedIntoThePluginsFolderRunsAndAnUnknownTypeListsTheKnownOnes() throws Exception {
        Path plugins = plugins(true);
        Runtime.Result list = Runtime.run(work, plugins, "list", "--json");
        assertEquals(0, list.status(), list.err());
        JsonNode kind = null;
        for (JsonNode k : new ObjectMapper().readTree(list.out()).get("experiments")) {
            kind = "example/evaluate".equals(k.get("id").asText()) ? k : kind;
        }
        assertTrue(kind != null && kind.get("bundle").asText().equals("org.nettwin.example.channel"), list.out());
        Path exp = Files.writeString(work.resolve("evaluate.json"), """
                {"name": "evaluate", "type": "example/evaluate",
                 "scenario": {"id": "example/ChannelAccess-v1", "config": {"timeLimit": 20}},
                 "algorithm": {"id": "rl/random"}, "evaluate": {"episodes": 40, "stochastic": true}, "seeds": [1, 2]}
                """);
        Runtime.Result r = Runtime.run(work, plugins, "run", exp.toString(), "--out", "evaluated");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("seed 1: return ") && r.out().contains("over 40 episodes"), r.out());
        JsonNode summary = new ObjectMapper().readTree(work.resolve("evaluated/summary.json").toFile());
        assertEquals("example/evaluate", summary.get("type").asText());
        assertEquals(80, summary.get("all_seeds").get("episodes").asInt());
        double p5 = summary.get("all_seeds").get("p5").asDouble();
        double p95 = summary.get("all_seeds").get("p95").asDouble();
        assertTrue(p5 <= summary.get("all_seeds").get("median").asDouble() && p5 < p95, summary.toString());

        Path unknown = Files.writeString(work.resolve("unknown.json"), "{\"name\": \"u\",\n \"type\": \"evolve\"}");
        Runtime.Result u = Runtime.run(work, plugins, "run", unknown.toString(), "--out", "never");
        assertEquals(2, u.status(), u.err());
        assertTrue(u.err().contains(unknown + ":2:2: type: unknown experiment id 'evolve'; known: collect, distill, example/evaluate, "
                + "offline, train, twin-loop"), u.err());
        assertFalse(Files.exists(work.resolve("never")));
    }

    @Test
    void withoutTheVectorModuleANetworkRunFailsNamingTheOptionAndWritesNothing() throws Exception {
        Path exp = Files.writeString(work.resolve("dqn.json"), """
                {
                  "name": "no-vector-module",
                  "scenario": {"id": "urllc/ApSelection-v1"},
                  "algorithm": {"id": "rl/dqn"},
                  "budget": {"steps": 500, "evalEpisodes": 1},
                  "seeds": [1]
                }
                """);
        ProcessBuilder command = Runtime.command(work, plugins(false), List.of("run", exp.toString(), "--out", "never"));
        assertTrue(command.command().remove(Runtime.VECTOR_MODULE));
        Runtime.Result r = Runtime.run(work, command);
        assertEquals(1, r.status(), r.err());
        assertTrue(r.err().contains("needs the JVM option --add-modules jdk.incubator.vector"), r.err());
        assertFalse(Files.exists(work.resolve("never")), "no output folder after a failed run");
    }

    @Test
    void malformedExperimentExitsWithTwoAndNoOutput() throws Exception {
        Path bad = Files.writeString(work.resolve("bad.json"), "{\n  \"name\": \"x\",\n  \"budget\": {\"steps\": 5,,}\n}\n");
        Runtime.Result r = Runtime.run(work, plugins(false), "run", bad.toString(), "--out", "never");
        assertEquals(2, r.status(), r.out() + r.err());
        assertTrue(r.err().contains(bad + ":3:"), r.err());
        assertFalse(Files.exists(work.resolve("never")));
    }

    @Test
    void invalidFieldNamesFileLineAndPathAndUnknownIdsListKnownOnes() throws Exception {
        Path bad = Files.writeString(work.resolve("invalid.json"), EXPERIMENT.replace("\"channels\": 5", "\"channels\": 500")
                .replace("rl/random", "rl/unknown"));
        Runtime.Result r = Runtime.run(work, plugins(true), "run", bad.toString(), "--out", "never");
        assertEquals(2, r.status(), r.out() + r.err());
        assertTrue(r.err().contains(bad + ":3:") && r.err().contains("scenario.config.channels: must be in [2, 64], got 500"), r.err());
        assertTrue(r.err().contains("algorithm.id: unknown algorithm id 'rl/unknown'; known: ") && r.err().contains("rl/random"), r.err());
        assertFalse(Files.exists(work.resolve("never")));
    }

    @Test
    void unknownCommandAndMissingFileAreUsageErrors() throws Exception {
        assertEquals(2, Runtime.run(work, plugins(false), "frobnicate").status());
        Runtime.Result r = Runtime.run(work, plugins(false), "run", "nope.json");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("no such file"), r.err());
    }

    @Test
    void collectWritesDatasetsAndRefusesTrainingFiles() throws Exception {
        Path plugins = plugins(true);
        Path exp = Files.writeString(work.resolve("history.json"), """
                {"name": "history", "type": "collect",
                 "scenario": {"id": "example/ChannelAccess-v1"}, "algorithm": {"id": "rl/random"},
                 "collect": {"steps": 777, "format": "csv"}, "seeds": [2]}
                """);
        Runtime.Result r = Runtime.run(work, plugins, "collect", exp.toString(), "--out", "history");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("seed 2: 777 transitions"), r.out());
        List<String> lines = Files.readAllLines(work.resolve("history/dataset-2.csv"));
        assertEquals(777, lines.stream().filter(l -> !l.startsWith("#") && !l.startsWith("episode")).count());
        Path train = Files.writeString(work.resolve("train.json"), EXPERIMENT);
        Runtime.Result wrong = Runtime.run(work, plugins, "collect", train.toString(), "--out", "never");
        assertEquals(2, wrong.status());
        assertTrue(wrong.err().contains("needs an experiment of type \"collect\""), wrong.err());
        assertFalse(Files.exists(work.resolve("never")));
    }
}
