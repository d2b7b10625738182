package org.nettwin.lab.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class RunFilesTest {

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
