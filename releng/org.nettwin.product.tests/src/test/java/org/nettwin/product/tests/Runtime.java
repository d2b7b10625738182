package org.nettwin.product.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts the materialised headless product as a process, as the nettwin script does. */
final class Runtime {

    record Result(int status, String out, String err) {
    }

    static final Path PRODUCT = Path.of(System.getProperty("nettwin.product"));

    /** The JVM option org.nettwin.nn's kernels need, as ./nettwin passes it. */
    static final String VECTOR_MODULE = "--add-modules=jdk.incubator.vector";

    private Runtime() {
    }

    static Path launcher() throws IOException {
        try (var files = Files.list(PRODUCT.resolve("plugins"))) {
            return files.filter(f -> f.getFileName().toString().startsWith("org.eclipse.equinox.launcher_")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no launcher in " + PRODUCT + "; build the product first"));
        }
    }

    static ProcessBuilder command(Path work, Path plugins, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add(VECTOR_MODULE);
        cmd.add("-Dnettwin.headless=true");
        cmd.add("-Dnettwin.plugins=" + plugins);
        cmd.add("-jar");
        cmd.add(launcher().toString());
        cmd.add("-install");
        cmd.add(PRODUCT.toString());
        cmd.add("-configuration");
        cmd.add(Files.createTempDirectory(work, "config").toString());
        cmd.addAll(args);
        return new ProcessBuilder(cmd).directory(work.toFile());
    }

    static Result run(Path work, Path plugins, String... args) throws IOException, InterruptedException {
        return run(work, command(work, plugins, List.of(args)));
    }

    /** Runs a prepared {@link #command} (changed by the caller) to its end. */
    static Result run(Path work, ProcessBuilder command) throws IOException, InterruptedException {
        Path out = work.resolve("stdout.txt");
        Path err = work.resolve("stderr.txt");
        Process p = command.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("runtime did not exit within 120 s: " + command.command());
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
