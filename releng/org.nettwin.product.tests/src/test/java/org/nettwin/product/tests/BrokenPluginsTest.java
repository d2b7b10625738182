package org.nettwin.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Jars in the plugins folder that do not become working plugins — not a bundle, a malformed
 * manifest, a version the framework refuses, a missing import, a component whose constructor
 * throws, a truncated zip, a copy of a product bundle — beside a good one: each is listed under
 * {@code failed} with one line that names its file and the cause, nothing waits on them, and the
 * good plugin still lists and runs.
 */
class BrokenPluginsTest {

    /**
     * How much longer {@code list} may take with the broken jars than with a clean folder. Generous
     * (JVM start-up varies by a second on a busy machine); the old launcher waited 10 s on a jar
     * that never installed.
     */
    static final long SLOWER_AT_MOST_MILLIS = 3_000;

    @TempDir
    Path work;

    record Timed(Runtime.Result result, long millis) {
    }

    Timed timed(Path plugins, String... args) throws Exception {
        long start = System.nanoTime();
        Runtime.Result r = Runtime.run(work, plugins, args);
        return new Timed(r, (System.nanoTime() - start) / 1_000_000);
    }

    Path folder(String name, boolean broken) throws Exception {
        Path dir = Files.createDirectories(work.resolve(name));
        Files.copy(HeadlessProductTest.EXAMPLE_JAR, dir.resolve("example.jar"), StandardCopyOption.REPLACE_EXISTING);
        if (broken) {
            BrokenJars.writeAll(dir, HeadlessProductTest.EXAMPLE_JAR);
        }
        return dir;
    }

    @Test
    void everyBrokenJarIsListedWithItsFileAndCauseWithinTheNormalListTime() throws Exception {
        Path clean = folder("clean", false);
        Path broken = folder("broken", true);

        Timed cleanList = timed(clean, "list");
        Timed text = timed(broken, "list");
        Timed json = timed(broken, "list", "--json");
        Timed verbose = timed(broken, "list", "--verbose");
        for (Timed t : List.of(cleanList, text, json, verbose)) {
            assertEquals(0, t.result().status(), t.result().err());
        }

        // text: one line per jar, naming the file and the cause
        String out = text.result().out();
        List<String> failedLines = out.substring(out.indexOf("failed (")).lines().skip(1).filter(l -> l.startsWith("  ")).toList();
        assertTrue(out.contains("failed (" + BrokenJars.EXPECTED.size() + ")"), out);
        for (Map.Entry<String, String> e : BrokenJars.EXPECTED.entrySet()) {
            assertTrue(failedLines.stream().anyMatch(l -> l.strip().startsWith(e.getValue())), "a line for " + e.getKey() + ":\n" + out);
        }
        assertTrue(failedLines.stream().anyMatch(l -> l.contains("random-copy.jar") && l.contains(
                "same Bundle-SymbolicName and Bundle-Version as the runtime's bundle org.nettwin.rl.baseline")), out);
        assertTrue(failedLines.stream().anyMatch(l -> l.contains("unresolvable.jar") && l.contains("com.example.nowhere")), out);
        assertFalse(out.contains("InvocationTargetException") || out.contains("\tat "), "no stack trace without --verbose:\n" + out);
        assertTrue(out.contains("example/ChannelAccess-v1") && out.contains("rl/random"), "the good plugins are listed:\n" + out);

        // --verbose: the trace behind the constructor's failure, under its line
        String v = verbose.result().out();
        String afterConstructor = v.substring(v.indexOf("broken-constructor.jar: "));
        assertTrue(afterConstructor.contains("java.lang.reflect.InvocationTargetException")
                && afterConstructor.contains("Caused by: java.lang.IllegalStateException: no licence file"), v);

        // --json: the existing keys, plus source (the jar) and detail (the trace)
        JsonNode doc = new ObjectMapper().readTree(json.result().out());
        Map<String, JsonNode> byFile = new HashMap<>();
        for (JsonNode f : doc.get("failed")) {
            for (String key : List.of("id", "version", "bundle", "error", "source", "detail")) {
                assertTrue(f.has(key), key + " in " + f);
            }
            byFile.put(Path.of(f.get("source").asText()).getFileName().toString(), f);
            assertTrue(Path.of(f.get("source").asText()).startsWith(broken), f.toString());
        }
        assertEquals(BrokenJars.EXPECTED.keySet(), byFile.keySet(), doc.get("failed").toString());
        JsonNode ctor = byFile.get("broken-constructor.jar");
        assertEquals("example/Broken-v1", ctor.get("id").asText());
        assertTrue(ctor.get("error").asText().startsWith("IllegalStateException: no licence file (in BrokenProvider.<init>)"), ctor.toString());
        assertTrue(ctor.get("detail").asText().contains("at example.broken.BrokenProvider.<init>"), ctor.toString());
        assertTrue(byFile.get("plain.jar").get("detail").isNull(), "nothing more to tell than the line");
        assertTrue(doc.get("scenarios").toString().contains("example/ChannelAccess-v1"), "the good jar's scenario is listed");

        // nothing waits on a jar that will never install
        long fastestBroken = Math.min(text.millis(), Math.min(json.millis(), verbose.millis()));
        String times = "list took " + cleanList.millis() + " ms with a clean folder, " + text.millis() + " / " + json.millis() + " / "
                + verbose.millis() + " ms (text / --json / --verbose) with the broken jars";
        System.out.println(times);
        assertTrue(fastestBroken - cleanList.millis() < SLOWER_AT_MOST_MILLIS, times);

        // and the good plugin beside them still runs
        Path exp = Files.writeString(work.resolve("e2e.json"), HeadlessProductTest.EXPERIMENT);
        Runtime.Result run = Runtime.run(work, broken, "run", exp.toString(), "--out", "beside-broken");
        assertEquals(0, run.status(), run.err());
        assertTrue(Files.exists(work.resolve("beside-broken/metrics.csv")));
    }
}
