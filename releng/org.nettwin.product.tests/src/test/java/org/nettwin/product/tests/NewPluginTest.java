package org.nettwin.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The SDK end to end, as a third party uses it: {@code ./nettwin new-plugin} writes a project of
 * each plugin kind outside the tree, which builds with its own {@code ./mvnw verify} against the
 * SDK repository alone (its kind's conformance test runs inside that build) and leaves its jar in
 * {@code target/}; the jars dropped into a plugins folder are listed, their example experiments
 * run, and the scenario plugin runs under {@code serve}.
 */
class NewPluginTest {

    static final Path ROOT = Path.of(System.getProperty("nettwin.root")).toAbsolutePath().normalize();

    @TempDir
    Path work;

    record Done(int status, String output) {
    }

    Done exec(Path dir, long timeoutSeconds, String... command) throws Exception {
        Path log = Files.createTempFile(work, "process", ".log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("MAVEN_OPTS", "--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow");
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s:\n" + Files.readString(log));
        }
        return new Done(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    Done newPlugin(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bash", ROOT.resolve("nettwin").toString(), "new-plugin"));
        cmd.addAll(List.of(args));
        return exec(work, 60, cmd.toArray(String[]::new));
    }

    /** Generates the project of {@code kind} and builds it with its own wrapper; returns the jar it left in target/. */
    Path generateAndBuild(String kind, String id, String folder, String bundle) throws Exception {
        Done made = newPlugin("--kind", kind, "--id", id, folder);
        assertEquals(0, made.status(), made.output());
        Path project = work.resolve(folder);
        assertTrue(Files.readString(project.resolve("sdk.target")).contains(ROOT.resolve("releng/org.nettwin.sdk.repository/target/repository")
                .toUri().toString()), "the target points at the SDK repository built here");
        // its own build, offline from what the NetTwin build already fetched: compile, the kind's conformance test, jar to target/
        Done built = exec(project, 900, "./mvnw", "-o", "-B", "verify");
        assertEquals(0, built.status(), kind + ":\n" + built.output());
        assertTrue(java.util.regex.Pattern.compile("Tests run: [1-9][0-9]*, Failures: 0, Errors: 0, Skipped: 0").matcher(built.output()).find(),
                kind + ": the conformance test ran:\n" + built.output());
        Path jar = project.resolve("target/" + bundle + "-1.0.0-SNAPSHOT.jar");
        assertTrue(Files.isRegularFile(jar), kind + ": no plugin jar in target/");
        return jar;
    }

    @Test
    void generatedPluginsOfEveryKindBuildOutsideTheTreeAreListedRunAndServe() throws Exception {
        Map<String, Path> jars = new LinkedHashMap<>();
        jars.put("scenarios", generateAndBuild("scenario", "ci/Tracker-v1", "tracker", "ci.tracker"));
        jars.put("algorithms", generateAndBuild("algorithm", "ci/greedy", "greedy", "ci.greedy"));
        jars.put("twins", generateAndBuild("twin", "ci/drift", "drift", "ci.drift"));
        jars.put("metrics", generateAndBuild("metric", "ci/one-step", "onestep", "ci.onestep"));
        jars.put("experiments", generateAndBuild("kind", "ci/rollouts", "rollouts", "ci.rollouts"));

        Path plugins = Files.createDirectories(work.resolve("plugins"));
        for (Path jar : jars.values()) {
            Files.copy(jar, plugins.resolve(jar.getFileName()));
        }
        Runtime.Result list = Runtime.run(work, plugins, "list", "--json");
        assertEquals(0, list.status(), list.err());
        JsonNode doc = new ObjectMapper().readTree(list.out());
        assertEquals(0, doc.get("failed").size(), list.out());
        Map<String, String> ids = Map.of("scenarios", "ci/Tracker-v1", "algorithms", "ci/greedy", "twins", "ci/drift", "metrics",
                "ci/one-step", "experiments", "ci/rollouts");
        for (Map.Entry<String, Path> e : jars.entrySet()) {
            String id = ids.get(e.getKey());
            boolean listed = false;
            for (JsonNode p : doc.get(e.getKey())) {
                listed |= id.equals(p.get("id").asText()) && e.getValue().getFileName().toString().startsWith(p.get("bundle").asText() + "-");
            }
            assertTrue(listed, id + " under " + e.getKey() + ": " + list.out());
        }

        // each example experiment runs (the metric has none: no shipped kind measures similarities yet)
        for (String project : List.of("tracker", "greedy", "rollouts", "drift")) {
            Runtime.Result run = Runtime.run(work, plugins, "run", work.resolve(project + "/experiment.json").toString(), "--out",
                    "ran-" + project);
            assertEquals(0, run.status(), project + ": " + run.err());
            assertTrue(Files.readString(work.resolve("ran-" + project + "/metrics.csv")).lines().count() > 2, project + ": metrics written");
        }

        Path watched = Files.createDirectories(work.resolve("watched"));
        Process p = Runtime.command(work, watched, List.of("serve", "--plugins", watched.toString())).redirectErrorStream(true).start();
        try (ServeTest.Console console = new ServeTest.Console(p)) {
            console.until("nettwin:list", out -> out.contains("rl/random"), "the console to answer");
            Files.copy(jars.get("scenarios"), watched.resolve("tracker.jar.part"));
            Files.move(watched.resolve("tracker.jar.part"), watched.resolve("tracker.jar"));
            console.until("nettwin:list", out -> out.contains("ci/Tracker-v1"), "the dropped-in plugin to be listed");
            String served = console.until("nettwin:run " + work.resolve("tracker/experiment.json") + " --out " + work.resolve("served"),
                    out -> out.contains("exit status"), "the run to finish");
            assertTrue(served.contains("exit status 0"), served);
            assertTrue(Files.exists(work.resolve("served/metrics.csv")));
        }
    }

    @Test
    void badUsageIsRefusedWithExitTwoAndWritesNothing() throws Exception {
        Done unknown = newPlugin("--kind", "widget", "--id", "ci/Thing-v1", "a");
        assertEquals(2, unknown.status(), unknown.output());
        assertTrue(unknown.output().contains("unknown kind 'widget'; one of scenario, algorithm, twin, metric, kind"), unknown.output());
        Done badId = newPlugin("--kind", "scenario", "--id", "CI/thing", "b");
        assertEquals(2, badId.status(), badId.output());
        assertTrue(badId.output().contains("--id 'CI/thing' must look like family/Name"), badId.output());
        Done unversioned = newPlugin("--kind", "scenario", "--id", "ci/Thing", "c");
        assertEquals(2, unversioned.status(), unversioned.output());
        assertTrue(unversioned.output().contains("a scenario id carries its version, e.g. ci/Thing-v1"), unversioned.output());
        Files.createDirectories(work.resolve("taken"));
        Done exists = newPlugin("--kind", "scenario", "--id", "ci/Thing-v1", "taken");
        assertEquals(2, exists.status(), exists.output());
        assertTrue(exists.output().contains("taken exists; give a new folder (nothing was written)"), exists.output());
        for (String never : List.of("a", "b", "c")) {
            assertFalse(Files.exists(work.resolve(never)), never);
        }
        try (var left = Files.list(work)) {
            assertTrue(left.noneMatch(f -> f.getFileName().toString().contains(".new-plugin-")), "no staging folder left");
        }
    }
}
