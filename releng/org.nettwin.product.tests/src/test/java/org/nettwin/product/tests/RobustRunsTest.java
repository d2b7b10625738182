package org.nettwin.product.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs that never hang, never collide, refuse bad input in words, and resume after a crash
 * (issue 12), checked on the real product as a user starts it.
 */
class RobustRunsTest {

    @TempDir
    Path work;

    Path plugins() throws Exception {
        return Files.createDirectories(work.resolve("plugins"));
    }

    /** A DQN on admission control: several seeds (units), a few seconds each. */
    static final String LEARNING = """
            {"name": "resumable", "scenario": {"id": "admission/Control-v1", "config": {"timeLimit": 100}},
             "algorithm": {"id": "rl/dqn", "config": {"learningStarts": 200, "hidden": [32]}},
             "budget": {"steps": 6000, "evalEpisodes": 2, "checkpointEvery": 1000}, "seeds": [1, 2, 3, 4]}
            """;

    @Test
    void anErrorEndsTheProcessWithAMessageAndLeavesNothing() throws Exception {
        Path exp = Files.writeString(work.resolve("big.json"), """
                {"name": "big", "scenario": {"id": "slicing/MultiCell-v1"},
                 "algorithm": {"id": "rl/td3", "config": {"bufferSize": 2000000}},
                 "budget": {"steps": 5000, "evalEpisodes": 1}}
                """);
        ProcessBuilder command = Runtime.command(work, plugins(), List.of("run", exp.toString(), "--out", "never"));
        command.command().add(1, "-Xmx64m");
        long start = System.nanoTime();
        Runtime.Result r = Runtime.run(work, command);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(1, r.status(), r.err());
        assertTrue(r.err().contains("out of memory") && r.err().contains("NETTWIN_JVM_OPTS"), r.err());
        assertTrue(seconds < 60, "it ends instead of hanging: " + seconds + " s");
        assertFalse(Files.exists(work.resolve("never")));
        try (Stream<Path> left = Files.list(work)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith(".never")), "no claim or staging folder left");
        }
    }

    @Test
    void aRunClaimsItsFolderAtOnceAndDefaultNamesNeverCollide() throws Exception {
        Path exp = Files.writeString(work.resolve("learning.json"), LEARNING);
        Process first = Runtime.command(work, plugins(), List.of("run", exp.toString(), "--out", "taken"))
                .redirectOutput(work.resolve("first.out").toFile()).redirectError(work.resolve("first.err").toFile()).start();
        try {
            awaitClaim(work.resolve(".taken.claim"), first);
            Runtime.Result second = Runtime.run(work, plugins(), "run", exp.toString(), "--out", "taken");
            assertEquals(2, second.status(), second.err());
            assertTrue(second.err().contains("is being written by another run (process " + first.pid()), second.err());
            assertTrue(first.waitFor(180, TimeUnit.SECONDS));
            assertEquals(0, first.exitValue(), Files.readString(work.resolve("first.err")));
            assertTrue(Files.isRegularFile(work.resolve("taken/metrics.csv")), "the first run's results are whole");
        } finally {
            first.destroyForcibly();
        }

        Path quick = Files.writeString(work.resolve("quick.json"), """
                {"name": "same", "scenario": {"id": "admission/Control-v1"}, "algorithm": {"id": "rl/random"},
                 "budget": {"steps": 200, "evalEpisodes": 1}}
                """);
        List<Process> together = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            together.add(Runtime.command(work, plugins(), List.of("run", quick.toString())).redirectErrorStream(true)
                    .redirectOutput(work.resolve("together-" + i + ".out").toFile()).start());
        }
        for (int i = 0; i < together.size(); i++) {
            assertTrue(together.get(i).waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, together.get(i).exitValue(), Files.readString(work.resolve("together-" + i + ".out")));
        }
        try (Stream<Path> runs = Files.list(work.resolve("runs"))) {
            List<String> names = runs.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("same-")).toList();
            assertEquals(2, names.size(), "two runs of one experiment started together get two folders: " + names);
        }
    }

    @Test
    void aRunKilledAtAnyPointResumesToTheSameBytesAndLeftoversAreCleaned() throws Exception {
        Path exp = Files.writeString(work.resolve("learning.json"), LEARNING);
        Runtime.Result reference = Runtime.run(work, plugins(), "run", exp.toString(), "--out", "reference");
        assertEquals(0, reference.status(), reference.err());
        byte[] expected = Files.readAllBytes(work.resolve("reference/metrics.csv"));

        Random random = new Random(12);
        for (int trial = 0; trial < 3; trial++) {
            String name = "killed-" + trial;
            List<String> args = List.of("run", exp.toString(), "--out", name);
            int kills = 0;
            while (!Files.exists(work.resolve(name))) {
                Process p = Runtime.command(work, plugins(), args).redirectErrorStream(true)
                        .redirectOutput(work.resolve(name + "-" + kills + ".log").toFile()).start();
                boolean finished = p.waitFor(2 + random.nextInt(9), TimeUnit.SECONDS);
                if (!finished) {
                    p.destroyForcibly(); // SIGKILL: no shutdown hook runs
                    p.waitFor();
                    kills++;
                    args = List.of("run", "--resume", name);
                } else {
                    assertEquals(0, p.exitValue(), Files.readString(work.resolve(name + "-" + kills + ".log")));
                }
                assertTrue(kills < 30, "the run finishes between kills");
            }
            assertArrayEquals(expected, Files.readAllBytes(work.resolve(name).resolve("metrics.csv")),
                    "killed " + kills + " times and resumed: the same bytes as the uninterrupted run");
        }

        // a run killed outright and not resumed: refused for a new run, reported and removed by clean
        Process p = Runtime.command(work, plugins(), List.of("run", exp.toString(), "--out", "abandoned")).start();
        awaitClaim(work.resolve(".abandoned.claim"), p);
        p.destroyForcibly();
        p.waitFor();
        Runtime.Result again = Runtime.run(work, plugins(), "run", exp.toString(), "--out", "abandoned");
        assertEquals(2, again.status());
        assertTrue(again.err().contains("stopped before it finished") && again.err().contains("--resume"), again.err());
        Runtime.Result clean = Runtime.run(work, plugins(), "clean", work.toString());
        assertEquals(0, clean.status(), clean.err());
        assertTrue(clean.out().contains("removed the unfinished run " + work.resolve("abandoned")), clean.out());
        try (Stream<Path> left = Files.list(work)) {
            assertTrue(left.noneMatch(f -> f.getFileName().toString().startsWith(".abandoned")), "claim and staging folder removed");
        }
    }

    private static void awaitClaim(Path claim, Process p) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!Files.exists(claim) && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(Files.exists(claim), "the run claimed its folder");
    }

    @Test
    void badInputIsRefusedInWordsWithExitStatusTwo() throws Exception {
        Path plugins = plugins();
        Path folder = Files.createDirectories(work.resolve("a-folder.json"));
        Runtime.Result r = Runtime.run(work, plugins, "run", folder.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains(folder + ": is a folder, not an experiment file"), r.err());

        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        String body = "{\"name\": \"bom\", \"scenario\": {\"id\": \"admission/Control-v1\"}, \"algorithm\": {\"id\": \"rl/random\"},"
                + " \"budget\": {\"steps\": 50, \"evalEpisodes\": 1}}";
        Path withBom = work.resolve("bom.json");
        Files.write(withBom, concat(bom, body.getBytes(StandardCharsets.UTF_8)));
        Runtime.Result b = Runtime.run(work, plugins, "run", withBom.toString(), "--out", "bom");
        assertEquals(0, b.status(), "a UTF-8 byte-order mark is accepted: " + b.err());

        Path open = Files.writeString(work.resolve("open.json"), "{\"name\": \"x\",\n  \"budget\": {\"steps\": 5,\n\n");
        Runtime.Result o = Runtime.run(work, plugins, "run", open.toString());
        assertEquals(2, o.status());
        assertTrue(o.err().contains(open + ":2:13: malformed JSON: the object '{' opened here is never closed"), o.err());

        Path nullSeeds = Files.writeString(work.resolve("null.json"), body.replace("}}", "}, \"seeds\": null}"));
        Runtime.Result n = Runtime.run(work, plugins, "run", nullSeeds.toString());
        assertEquals(2, n.status());
        assertTrue(n.err().contains("seeds: must be a non-empty array of whole numbers, got null"), n.err());

        Path nan = Files.writeString(work.resolve("nan.json"), body.replace("\"steps\": 50", "\"steps\": NaN"));
        Runtime.Result x = Runtime.run(work, plugins, "run", nan.toString());
        assertEquals(2, x.status());
        assertTrue(x.err().contains("NaN and Infinity are not JSON numbers") && !x.err().contains("Source") && !x.err().contains("JsonReadFeature"),
                "no parser internals: " + x.err());

        Runtime.Result serve = Runtime.run(work, plugins, "serve", "--plugins", work.resolve("typo").toString());
        assertEquals(2, serve.status());
        assertTrue(serve.err().contains("plugin folder " + work.resolve("typo") + " does not exist"), serve.err());
        assertFalse(Files.exists(work.resolve("typo")), "a mistyped plugin folder is not created");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void runFoldersAreReadableByOthersLikeAnyFolderTheUserMakes() throws Exception {
        Path exp = Files.writeString(work.resolve("perm.json"), """
                {"name": "perm", "scenario": {"id": "admission/Control-v1"}, "algorithm": {"id": "rl/random"},
                 "budget": {"steps": 50, "evalEpisodes": 1}}
                """);
        assertEquals(0, Runtime.run(work, plugins(), "run", exp.toString(), "--out", "perm").status());
        String mode = java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(work.resolve("perm")));
        assertNotEquals("rwx------", mode, "not the 0700 of a temporary folder");
    }
}
