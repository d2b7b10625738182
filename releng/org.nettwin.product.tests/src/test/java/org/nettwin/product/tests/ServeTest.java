package org.nettwin.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nettwin serve}: a plugin jar dropped into the watched folder of the running runtime
 * registers its services without a restart, is usable in a run from the Gogo console, and
 * removing it unregisters them; a broken jar dropped in is listed under {@code failed} and never
 * takes the runtime down.
 */
class ServeTest {

    @TempDir
    Path work;

    /** Collects the runtime's console output in the background. */
    static final class Console implements AutoCloseable {
        final StringBuffer text = new StringBuffer();
        final Process process;
        final Writer in;
        final Thread reader;

        Console(Process process) {
            this.process = process;
            this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            this.reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        text.append(line).append('\n');
                    }
                } catch (java.io.IOException e) {
                    text.append("[reader stopped: ").append(e).append("]\n");
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        void send(String command) throws java.io.IOException {
            in.write(command + "\n");
            in.flush();
        }

        /** Repeats {@code command} until the output after it contains {@code expected} (or fails after 30 s). */
        String until(String command, java.util.function.Predicate<String> expected, String what) throws Exception {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (System.nanoTime() < deadline) {
                int mark = text.length();
                send(command);
                Thread.sleep(700);
                String after = text.substring(mark);
                if (expected.test(after)) {
                    return after;
                }
            }
            throw new AssertionError("timed out waiting for " + what + "; console:\n" + text);
        }

        @Override
        public void close() throws Exception {
            if (process.isAlive()) {
                send("stop 0");
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        }
    }

    @Test
    void droppedInPluginRegistersRunsAndUnregisters() throws Exception {
        Path plugins = Files.createDirectories(work.resolve("watched"));
        Path exp = Files.writeString(work.resolve("served.json"), HeadlessProductTest.EXPERIMENT);
        Process p = Runtime.command(work, plugins, List.of("serve", "--plugins", plugins.toString())).redirectErrorStream(true).start();
        try (Console console = new Console(p)) {
            console.until("nettwin:list", out -> out.contains("rl/random"), "the console to answer");
            assertTrue(!console.text.toString().contains("example/ChannelAccess-v1"), "not there before the drop");

            Path jar = plugins.resolve("example.jar");
            Files.copy(HeadlessProductTest.EXAMPLE_JAR, plugins.resolve("example.jar.part"));
            Files.move(plugins.resolve("example.jar.part"), jar); // appear whole, as an operator's copy should
            console.until("nettwin:list", out -> out.contains("example/ChannelAccess-v1"), "the dropped-in scenario to be listed");

            String ran = console.until("nettwin:run " + exp + " --out " + work.resolve("served-run"), out -> out.contains("exit status"),
                    "the run to finish");
            assertTrue(ran.contains("exit status 0"), ran);
            assertTrue(Files.exists(work.resolve("served-run/metrics.csv")));

            // the jar's experiment kind runs under serve too
            Path evaluate = Files.writeString(work.resolve("evaluate.json"), """
                    {"name": "served-kind", "type": "example/evaluate", "scenario": {"id": "example/ChannelAccess-v1"},
                     "algorithm": {"id": "rl/random"}, "evaluate": {"episodes": 10}, "seeds": [4]}
                    """);
            String evaluated = console.until("nettwin:run " + evaluate + " --out " + work.resolve("served-kind"),
                    out -> out.contains("exit status"), "the dropped-in kind's run to finish");
            assertTrue(evaluated.contains("exit status 0") && evaluated.contains("seed 4: return"), evaluated);
            assertTrue(Files.exists(work.resolve("served-kind/summary.json")));

            Files.delete(jar);
            console.until("nettwin:list", out -> out.contains("rl/random") && !out.contains("example/ChannelAccess-v1"),
                    "the scenario to be unregistered after removing the jar");

            console.send("stop 0");
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), "stop 0 shuts the runtime down");
            assertEquals(0, p.exitValue(), console.text.toString());
        }
    }

    @Test
    void brokenJarsDroppedInAreReportedTheRuntimeStaysUpAndAFixedJarInstalls() throws Exception {
        Path plugins = Files.createDirectories(work.resolve("watched"));
        Process p = Runtime.command(work, plugins, List.of("serve", "--plugins", plugins.toString())).redirectErrorStream(true).start();
        try (Console console = new Console(p)) {
            console.until("nettwin:list", out -> out.contains("rl/random"), "the console to answer");
            for (String name : List.of("plain.jar", "broken-constructor.jar", "truncated.jar")) {
                BrokenJars.write(plugins, name, HeadlessProductTest.EXAMPLE_JAR);
            }
            String listed = console.until("nettwin:list", out -> out.contains("failed (3)") && out.contains("broken-constructor.jar: "),
                    "the dropped-in broken jars to be listed as failed");
            for (String name : List.of("plain.jar", "broken-constructor.jar", "truncated.jar")) {
                assertTrue(listed.contains("  " + BrokenJars.EXPECTED.get(name)), name + ":\n" + listed);
            }
            assertTrue(listed.contains("rl/random"), "the runtime's own plugins still work:\n" + listed);

            // the plain jar replaced by a real plugin installs; a removed broken jar is forgotten
            BrokenJars.replace(plugins, "plain.jar", HeadlessProductTest.EXAMPLE_JAR);
            Files.delete(plugins.resolve("broken-constructor.jar"));
            String fixed = console.until("nettwin:list", out -> out.contains("example/ChannelAccess-v1") && out.contains("failed (1)"),
                    "the fixed jar to install and the removed one to be forgotten");
            assertTrue(fixed.contains("truncated.jar: not a readable jar") && !fixed.contains("plain.jar: "), fixed);

            console.send("stop 0");
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), "stop 0 shuts the runtime down");
            assertEquals(0, p.exitValue(), console.text.toString());
        }
    }
}
