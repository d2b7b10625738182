package org.nettwin.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SeedCurvesTest {

    /**
     * Span [0, 10] in 5 buckets of width 2 (centres 1, 3, 5, 7, 9). Seed 0: points at 0, 1 (bucket 0,
     * mean of 2 and 4 = 3), 5 (bucket 2: 8), 10 (the last bucket, closed on the right: 20); buckets 1
     * and 3 carry the value before them. Seed 1: its first point is at 6.5 (bucket 3), so buckets 0-2
     * take that value.
     */
    @Test
    void bucketsAreMeanedAndEmptyOnesCarried() {
        SeedCurves c = SeedCurves.bucketed(new double[][] {{0, 1, 5, 10}, {6.5, 7.9}}, new double[][] {{2, 4, 8, 20}, {1, 3}}, 5);
        assertArrayEquals(new double[] {1, 3, 5, 7, 9}, c.x(), 1e-12);
        assertArrayEquals(new double[] {3, 3, 8, 8, 20}, c.y()[0], 1e-12);
        assertArrayEquals(new double[] {2, 2, 2, 2, 2}, c.y()[1], 1e-12);
    }

    @Test
    void unorderedPointsAndASingleBucket() {
        SeedCurves c = SeedCurves.bucketed(new double[][] {{4, 0, 2}}, new double[][] {{6, 0, 3}}, 1);
        assertArrayEquals(new double[] {2}, c.x(), 1e-12);
        assertArrayEquals(new double[] {3}, c.y()[0], 1e-12);
    }

    /** Runs of one episode per seed: one point per seed at that x (it was refused, and a train run's plot with it). */
    @Test
    void pointsThatShareOneXAreOneBucket() {
        SeedCurves c = SeedCurves.bucketed(new double[][] {{3, 3}, {3}}, new double[][] {{0, 1}, {5}}, 4);
        assertArrayEquals(new double[] {3}, c.x(), 1e-12);
        assertArrayEquals(new double[] {0.5}, c.y()[0], 1e-12);
        assertArrayEquals(new double[] {5}, c.y()[1], 1e-12);
        new LineChart("t", "x", "y").seriesOverSeeds("s", c.x(), c.y()).toPng(300, 200);
    }

    @Test
    void feedsAMeanWithABand() {
        SeedCurves c = SeedCurves.bucketed(new double[][] {{0, 4}, {1, 3}}, new double[][] {{0, 4}, {2, 6}}, 2);
        new LineChart("t", "x", "y").seriesOverSeeds("s", c.x(), c.y()).toPng(300, 200);
    }

    @Test
    void badInputIsRefusedWithItsPlace() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> SeedCurves.bucketed(new double[][] {{0, 1}, {2, 3}}, new double[][] {{0, 1}, {2}}, 4));
        assertTrue(e.getMessage().contains("seed 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> SeedCurves.bucketed(new double[][] {{0, Double.NaN}}, new double[][] {{0, 1}}, 4));
        assertTrue(e.getMessage().contains("seed 0 x[1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SeedCurves.bucketed(new double[][] {{0, 1}}, new double[][] {{0, 1}}, 0));
        assertTrue(e.getMessage().contains("buckets"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SeedCurves.bucketed(new double[0][], new double[0][], 3));
        assertTrue(e.getMessage().contains("at least 1"), e.getMessage());
    }
}
