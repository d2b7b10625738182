package org.nettwin.lab.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFilesTest {

    @TempDir
    Path dir;

    @Test
    void atomicFolderAppearsOnlyOnCommit() throws IOException {
        Path target = dir.resolve("run");
        try (AtomicFolder f = new AtomicFolder(target)) {
            Files.writeString(f.staging().resolve("a.txt"), "x");
            assertFalse(Files.exists(target));
            f.commit();
        }
        assertEquals("x", Files.readString(target.resolve("a.txt")));
        assertThrows(IOException.class, () -> new AtomicFolder(target), "an existing folder is never overwritten");
    }

    @Test
    void abortedFolderLeavesNothingBehind() throws IOException {
        Path target = dir.resolve("run2");
        try (AtomicFolder f = new AtomicFolder(target)) {
            Files.createDirectories(f.staging().resolve("sub"));
            Files.writeString(f.staging().resolve("sub/b.txt"), "y");
        }
        assertFalse(Files.exists(target));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.toList(), "no staging folder remains");
        }
    }

    @Test
    void ticksCoverTheRangeWithRoundSteps() {
        double[] t = SvgPlot.ticks(0.3, 9.7);
        assertTrue(t[0] <= 0.3 && t[t.length - 1] >= 9.7);
        assertArrayEquals(new double[] {0, 2, 4, 6, 8, 10}, t, 1e-12);
        String svg = new SvgPlot("t", "x", "y").line("a<b", new double[] {0, 1}, new double[] {1, 2}, false).render();
        assertTrue(svg.startsWith("<svg") && svg.contains("a&lt;b") && svg.contains("<polyline"));
    }

    @Test
    void tailMeanAndMovingMean() {
        assertEquals(5.0, DefaultExperimentRunner.tailMean(List.of(new double[] {1, 1}, new double[] {2, 5})));
        assertArrayEquals(new double[] {1, 1.5, 2.5}, DefaultExperimentRunner.movingMean(new double[] {1, 2, 3}, 2), 1e-12);
        assertTrue(Double.isNaN(DefaultExperimentRunner.tailMean(List.of())));
    }

    @Test
    void etaClockFormat() {
        assertEquals("0:07", ProgressReporter.clock(7));
        assertEquals("2:05", ProgressReporter.clock(125));
        assertEquals("1:00:01", ProgressReporter.clock(3601));
    }
}
