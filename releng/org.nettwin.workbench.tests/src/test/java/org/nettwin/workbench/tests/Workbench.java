package org.nettwin.workbench.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Starts the materialised Workbench product as a process under a display, as {@code ./nettwin gui} does. */
final class Workbench {

    record Result(int status, String out, String err) {

        /** @return milliseconds from JVM start to a usable workbench, as the Workbench logs it, or -1 */
        long readyMillis() {
            Matcher m = Pattern.compile("workbench ready (\\d+) ms").matcher(err);
            return m.find() ? Long.parseLong(m.group(1)) : -1;
        }
    }

    static final Path PRODUCT = Path.of(System.getProperty("nettwin.workbench"));

    private Workbench() {
    }

    /**
     * Runs the product in {@code work} until it exits.
     *
     * @param extraBundle a bundle jar to add to the product's configuration (the test driver), or {@code null}
     * @param properties  {@code -Dkey=value} options
     */
    static Result run(Path work, Path extraBundle, List<String> properties, long timeoutSeconds) throws IOException, InterruptedException {
        Path config = Files.createDirectories(work.resolve("configuration"));
        Path installed = PRODUCT.resolve("configuration");
        Files.copy(installed.resolve("config.ini"), config.resolve("config.ini"));
        Path info = Files.createDirectories(config.resolve("org.eclipse.equinox.simpleconfigurator")).resolve("bundles.info");
        String bundles = Files.readString(installed.resolve("org.eclipse.equinox.simpleconfigurator/bundles.info"), StandardCharsets.UTF_8);
        if (extraBundle != null) {
            String version;
            try (JarFile jar = new JarFile(extraBundle.toFile())) {
                version = jar.getManifest().getMainAttributes().getValue("Bundle-Version");
            }
            bundles += "org.nettwin.ui.e2e," + version + "," + extraBundle.toUri() + ",4,true\n";
        }
        Files.writeString(info, bundles, StandardCharsets.UTF_8);

        List<String> cmd = new ArrayList<>(VirtualDisplay.prefix());
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of("-Xss4m", "-Djava.awt.headless=true", "--add-modules=jdk.incubator.vector"));
        if (Runtime.version().feature() >= 24) {
            cmd.addAll(List.of("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"));
        }
        cmd.add("-Dnettwin.plugins=" + Files.createDirectories(work.resolve("plugins")));
        cmd.add("-Dnettwin.runs=" + work.resolve("runs"));
        cmd.add("-Dnettwin.watchPlugins=true");
        cmd.addAll(properties);
        cmd.add("-jar");
        cmd.add(launcher().toString());
        cmd.addAll(List.of("-install", PRODUCT.toString(), "-configuration", config.toString(), "-data", work.resolve("data").toString()));
        Path out = work.resolve("stdout.txt");
        Path err = work.resolve("stderr.txt");
        Process p = new ProcessBuilder(cmd).directory(work.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("the Workbench did not exit within " + timeoutSeconds + " s; its output:\n" + Files.readString(out) + "\n"
                    + Files.readString(err));
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static Path launcher() throws IOException {
        try (var files = Files.list(PRODUCT.resolve("plugins"))) {
            return files.filter(f -> f.getFileName().toString().startsWith("org.eclipse.equinox.launcher_")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no launcher in " + PRODUCT + "; build the product first"));
        }
    }
}
