package org.nettwin.workbench.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A display for the Workbench under test: the session's own ({@code DISPLAY}) or a virtual one
 * started with {@code xvfb-run}. When Xvfb is missing, root installs it (as CI runs); anyone else is
 * told exactly what to install: the test never skips.
 */
final class VirtualDisplay {

    static final String PACKAGES = "xvfb libgtk-3-0 libxtst6 fonts-dejavu-core";

    private VirtualDisplay() {
    }

    /** @return the command prefix that gives the product a display (empty when there is one already) */
    static List<String> prefix() throws IOException, InterruptedException {
        if (System.getenv("DISPLAY") != null && !System.getenv("DISPLAY").isBlank()) {
            return List.of();
        }
        if (onPath("xvfb-run") == null) {
            install();
        }
        return List.of("xvfb-run", "-a", "-s", "-screen 0 1440x900x24");
    }

    private static void install() throws IOException, InterruptedException {
        boolean root = "root".equals(System.getProperty("user.name"));
        if (!root || onPath("apt-get") == null) {
            throw new AssertionError("The Workbench tests need a virtual display and GTK: install them with\n  sudo apt-get install -y " + PACKAGES
                    + "\n(or run the tests in a desktop session with DISPLAY set)");
        }
        System.err.println("workbench tests: installing " + PACKAGES + " with apt-get (root, no display)");
        Process p = new ProcessBuilder("sh", "-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq " + PACKAGES + " xauth")
                .inheritIO().start();
        if (!p.waitFor(15, TimeUnit.MINUTES) || p.exitValue() != 0 || onPath("xvfb-run") == null) {
            throw new AssertionError("installing " + PACKAGES + " with apt-get failed; install them by hand: apt-get install -y " + PACKAGES);
        }
    }

    private static Path onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, program);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
