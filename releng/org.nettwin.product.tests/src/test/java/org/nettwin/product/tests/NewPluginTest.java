package org.nettwin.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The SDK end to end, as a third party uses it: {@code ./nettwin new-plugin} writes a project
 * outside the tree, which builds with its own {@code ./mvnw verify} against the SDK repository
 * alone (its conformance test runs inside that build), leaves its jar in {@code target/}, and the
 * jar dropped into a plugins folder is listed, runs its example experiment, and runs under
 * {@code serve}.
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

    @Test
    void aGeneratedScenarioPluginBuildsOutsideTheTreeListsRunsAndServes() throws Exception {
        Done made = newPlugin("--kind", "scenario", "--id", "ci/Tracker-v1", "tracker");
        assertEquals(0, made.status(), made.output());
        Path project = work.resolve("tracker");
        assertTrue(Files.readString(project.resolve("sdk.target")).contains(ROOT.resolve("releng/org.nettwin.sdk.repository/target/repository")
                .toUri().toString()), "the target points at the SDK repository built here");

        // its own build, offline from what the NetTwin build already fetched: compile, conformance test, jar to target/
        Done built = exec(project, 900, "./mvnw", "-o", "-B", "verify");
        assertEquals(0, built.status(), built.output());
        assertTrue(built.output().contains("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0"), "the conformance test ran:\n" + built.output());
        Path jar;
        try (var files = Files.list(project.resolve("target"))) {
            jar = files.filter(f -> f.getFileName().toString().matches("ci\\.tracker-1\\.0\\.0-SNAPSHOT\\.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no plugin jar in target/"));
        }

        Path plugins = Files.createDirectories(work.resolve("plugins"));
        Files.copy(jar, plugins.resolve(jar.getFileName()));
        Runtime.Result list = Runtime.run(work, plugins, "list", "--json");
        assertEquals(0, list.status(), list.err());
        JsonNode listed = null;
        for (JsonNode s : new ObjectMapper().readTree(list.out()).get("scenarios")) {
            listed = "ci/Tracker-v1".equals(s.get("id").asText()) ? s : listed;
        }
        assertTrue(listed != null && "ci.tracker".equals(listed.get("bundle").asText()), list.out());

        Runtime.Result run = Runtime.run(work, plugins, "run", project.resolve("experiment.json").toString(), "--out", "ran");
        assertEquals(0, run.status(), run.err());
        assertTrue(Files.readString(work.resolve("ran/metrics.csv")).lines().count() > 10, "metrics written");

        Path watched = Files.createDirectories(work.resolve("watched"));
        Process p = Runtime.command(work, watched, List.of("serve", "--plugins", watched.toString())).redirectErrorStream(true).start();
        try (ServeTest.Console console = new ServeTest.Console(p)) {
            console.until("nettwin:list", out -> out.contains("rl/random"), "the console to answer");
            Files.copy(jar, watched.resolve("tracker.jar.part"));
            Files.move(watched.resolve("tracker.jar.part"), watched.resolve("tracker.jar"));
            console.until("nettwin:list", out -> out.contains("ci/Tracker-v1"), "the dropped-in plugin to be listed");
            String served = console.until("nettwin:run " + project.resolve("experiment.json") + " --out " + work.resolve("served"),
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
