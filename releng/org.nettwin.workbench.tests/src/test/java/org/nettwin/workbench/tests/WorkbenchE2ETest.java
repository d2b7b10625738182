package org.nettwin.workbench.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Workbench under a virtual display: the smoke check ({@code ./nettwin gui --smoke}) and the
 * end-to-end walk of the driver bundle (every view, the wizard, an editor marker, a live run, the
 * finished run, a comparison), with screenshots under {@code target/screenshots}.
 */
class WorkbenchE2ETest {

    static final Path SCREENSHOTS = Path.of(System.getProperty("nettwin.screenshots"));

    @TempDir
    Path work;

    @Test
    void smokeOpensEveryViewAndWritesAScreenshot() throws IOException, InterruptedException {
        Path png = SCREENSHOTS.resolve("smoke.png");
        Files.deleteIfExists(png);
        Workbench.Result r = Workbench.run(work, null, List.of("-Dnettwin.smoke=" + png), 180);
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.err().contains("smoke: every view opened"), r.err());
        assertTrue(Files.size(png) > 10_000, "a real screenshot: " + Files.size(png) + " bytes");
        System.out.println("workbench smoke: ready " + r.readyMillis() + " ms after the JVM started");
    }

    @Test
    void aPersonCreatesRunsWatchesAndComparesExperiments() throws IOException, InterruptedException {
        Path driver = Path.of(System.getProperty("nettwin.e2eDriver"));
        Path shots = SCREENSHOTS.resolve("e2e");
        Workbench.Result r = Workbench.run(work, driver, List.of("-Dnettwin.e2e.out=" + shots, "-Dnettwin.e2e.plugin=" + System.getProperty("nettwin.examplePlugin")), 420);
        System.out.println(r.out());
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("E2E OK"), r.out() + r.err());
        for (String shot : List.of("view-plugins", "view-runs", "view-editor", "view-run", "view-live", "view-console", "plugins-dropped", "wizard", "editor-new",
                "editor-error", "live-running", "live-finished", "run-opened", "runs-compared")) {
            assertTrue(Files.size(shots.resolve(shot + ".png")) > 5_000, shot);
        }
        System.out.println("workbench e2e: ready " + r.readyMillis() + " ms after the JVM started");
    }
}
