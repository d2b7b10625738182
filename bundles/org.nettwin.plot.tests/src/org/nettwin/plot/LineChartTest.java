package org.nettwin.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineChartTest {

    private static LineChart twoFlatSeries() {
        double[] x = {0, 1, 2, 3, 4, 5};
        return new LineChart("two series", "x", "y").series("high", x, new double[] {10, 10, 10, 10, 10, 10})
                .series("low", x, new double[] {0, 0, 0, 0, 0, 0});
    }

    /** The pixel column a point falls in (pixel k covers [k, k + 1)). */
    private static int px(double[] p) {
        return (int) Math.floor(p[0]);
    }

    private static int py(double[] p) {
        return (int) Math.floor(p[1]);
    }

    @Test
    void pngDecodesToTheRequestedSize() {
        byte[] png = twoFlatSeries().toPng(640, 400);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4));
        BufferedImage img = Pixels.decode(png);
        assertEquals(640, img.getWidth());
        assertEquals(400, img.getHeight());
    }

    @Test
    void eachSeriesAppearsInItsColourWhereItsValuesAre() {
        LineChart chart = twoFlatSeries();
        BufferedImage img = Pixels.decode(chart.toPng(640, 400));
        Color high = LineChart.colour(0);
        Color low = LineChart.colour(1);
        assertFalse(high.equals(low));
        // the plot's columns and rows: y = 10 and y = 0 are the series, y = 5 the middle
        int left = px(chart.pixelOf(0, 5, 640, 400));
        int right = px(chart.pixelOf(5, 5, 640, 400));
        int middle = py(chart.pixelOf(0, 5, 640, 400));
        int top = py(chart.pixelOf(0, 10.5, 640, 400)); // the top of the 5 % head room
        int bottom = py(chart.pixelOf(0, -0.5, 640, 400));
        assertTrue(left > 30 && right < 630 && top > 20 && bottom < 360, "a plot inside the image with room for labels");
        int upperHigh = Pixels.count(img, high, left, right, top, middle);
        int lowerHigh = Pixels.count(img, high, left, right, middle, bottom + 1);
        int upperLow = Pixels.count(img, low, left, right, top, middle);
        int lowerLow = Pixels.count(img, low, left, right, middle, bottom + 1);
        assertTrue(upperHigh > 0.9 * (right - left), "high series drawn across the upper half: " + upperHigh);
        assertTrue(lowerLow > 0.9 * (right - left), "low series drawn across the lower half: " + lowerLow);
        assertEquals(0, lowerHigh, "high series must not appear low");
        assertEquals(0, upperLow, "low series must not appear high");
        // the legend sits below the plot, so its swatches are outside the data
        assertTrue(Pixels.count(img, high, 0, 640, bottom + 20, 400) > 10, "legend swatch of 'high' below the plot");
    }

    @Test
    void distinctColoursForTenSeries() {
        for (int i = 0; i < 10; i++) {
            for (int j = i + 1; j < 10; j++) {
                assertFalse(LineChart.colour(i).equals(LineChart.colour(j)), i + " vs " + j);
            }
        }
    }

    @Test
    void writesAtomicallyAndLeavesNoTemporaryFiles(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("sub/chart.png");
        twoFlatSeries().writePng(file, 300, 200);
        twoFlatSeries().writePng(file, 320, 200); // overwrite in place
        BufferedImage img = ImageIO.read(file.toFile());
        assertEquals(320, img.getWidth());
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "only the chart remains");
        }
    }

    @Test
    void badInputIsRefusedWithTheSeriesNamed() {
        LineChart chart = new LineChart("t", "x", "y");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> chart.series("loss", new double[] {1, 2}, new double[] {1}));
        assertTrue(e.getMessage().contains("loss"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> chart.series("loss", new double[] {1, 2}, new double[] {1, Double.NaN}));
        assertTrue(e.getMessage().contains("y[1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> chart.scatter("pts", new double[] {}, new double[] {}));
        assertTrue(e.getMessage().contains("series 'pts' x"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> chart.seriesOverSeeds("dqn", new double[] {1, 2}, new double[][] {{1, 2}, {3}}));
        assertTrue(e.getMessage().contains("series 'dqn'") && e.getMessage().contains("ySeeds[1] has 1 values"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> chart.seriesOverSeeds("dqn", new double[] {1, 2}, new double[][] {{1, 2}, {3, Double.POSITIVE_INFINITY}}));
        assertTrue(e.getMessage().contains("ySeeds[1][1] is not finite"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> chart.seriesOverSeeds("dqn", new double[] {1}, new double[0][]));
        assertTrue(e.getMessage().contains("at least one seed"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> chart.cdf("lat", new double[] {1, Double.NaN}));
        assertTrue(e.getMessage().contains("series 'lat' sample[1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> chart.horizontalLine("target", Double.NaN));
        assertTrue(e.getMessage().contains("target"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> chart.toPng(300, 200));
        assertThrows(IllegalArgumentException.class, () -> twoFlatSeries().toPng(10, 10));
    }

    @Test
    void logAxesRefuseValuesAtOrBelowZeroNamingThem() {
        double[] x = {1, 10, 100};
        var e = assertThrows(IllegalArgumentException.class,
                () -> new LineChart("t", "x", "y").logY().series("time", x, new double[] {1, 0, 3}).toPng(300, 200));
        assertTrue(e.getMessage().contains("series 'time' y[1] = 0.0 is not positive"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new LineChart("t", "x", "y").logX().series("time", new double[] {-1, 1, 2}, x).toPng(300, 200));
        assertTrue(e.getMessage().contains("series 'time' x[0]"), e.getMessage());
        // a standard-deviation band dipping below zero cannot go on a log axis; min-max of positive seeds can
        double[][] seeds = {{1, 1, 1}, {1, 1, 100}};
        e = assertThrows(IllegalArgumentException.class,
                () -> new LineChart("t", "x", "y").logY().seriesOverSeeds("s", x, seeds).toPng(300, 200));
        assertTrue(e.getMessage().contains("band lower edge[2]"), e.getMessage());
        new LineChart("t", "x", "y").logY().seriesOverSeeds("s", x, seeds, Band.MIN_MAX).toPng(300, 200);
    }

    @Test
    void constantAndSinglePointSeriesStillRender() {
        byte[] png = new LineChart("flat", "x", "y").series("one", new double[] {3}, new double[] {7}).toPng(200, 150);
        assertEquals(200, Pixels.decode(png).getWidth());
    }

    @Test
    void sameChartSameBytes() {
        assertArrayEquals(twoFlatSeries().toPng(400, 300), twoFlatSeries().toPng(400, 300));
        assertArrayEquals(everyKind().toPng(640, 480), everyKind().toPng(640, 480));
    }

    private static LineChart everyKind() {
        double[] x = {1, 2, 4, 8, 16};
        return new LineChart("every kind", "x", "y").logX().logY().series("line", x, new double[] {1, 2, 3, 4, 5})
                .seriesOverSeeds("seeds", x, new double[][] {{2, 3, 4, 5, 6}, {3, 4, 5, 6, 9}}, Band.MIN_MAX)
                .scatter("points", x, new double[] {5, 4, 3, 2, 1}).steps("steps", x, new double[] {1, 1, 2, 2, 3})
                .ccdf("tail", new double[] {1, 2, 2, 3, 7}).referenceLine("bound", x, x).horizontalLine("target", 4);
    }

    /** Seeds 2, 4 and 6 (constant): mean 4, standard deviation 2, so the band spans [2, 6]. */
    @Test
    void bandOverSeedsLiesBetweenItsLowerAndUpperEdges() {
        double[] x = {0, 1, 2, 3, 4};
        double[][] seeds = {{2, 2, 2, 2, 2}, {4, 4, 4, 4, 4}, {6, 6, 6, 6, 6}};
        LineChart chart = new LineChart("band", "x", "y").seriesOverSeeds("mean", x, seeds).series("zero", x, new double[5]);
        int w = 640, h = 480;
        BufferedImage img = Pixels.decode(chart.toPng(w, h));
        Color band = Pixels.overWhite(LineChart.colour(0), LineChart.BAND_ALPHA);
        int column = px(chart.pixelOf(1.3, 0, w, h)); // between grid lines
        int upper = py(chart.pixelOf(0, 6, w, h));
        int lower = py(chart.pixelOf(0, 2, w, h));
        int mean = py(chart.pixelOf(0, 4, w, h));
        int inside = 0;
        for (int y = upper + 2; y <= lower - 2; y++) {
            if (Math.abs(y - mean) > 2 && Pixels.near(img, column, y, band, 14)) {
                inside++;
            }
        }
        int rows = lower - upper - 3 - 5;
        assertTrue(inside > 0.85 * rows, "band colour between the edges: " + inside + " of " + rows);
        assertTrue(Pixels.near(img, column, mean, LineChart.colour(0), 40), "the mean line in the series' colour");
        int above = Pixels.count(img, band, column, column + 1, py(chart.pixelOf(0, 6.5, w, h)) - 30, upper - 2);
        int below = Pixels.count(img, band, column, column + 1, lower + 2, py(chart.pixelOf(0, 0.5, w, h)));
        assertEquals(0, above, "no band above mean + sd");
        assertEquals(0, below, "no band below mean - sd");
    }

    /** Seeds 1, 2 and 9: the min-max band is [1, 9], wider above the mean (4) than below. */
    @Test
    void minMaxBandReachesTheExtremeSeeds() {
        double[] x = {0, 1, 2, 3, 4};
        double[][] seeds = {{1, 1, 1, 1, 1}, {2, 2, 2, 2, 2}, {9, 9, 9, 9, 9}};
        LineChart chart = new LineChart("band", "x", "y").seriesOverSeeds("mean", x, seeds, Band.MIN_MAX)
                .series("zero", x, new double[5]);
        int w = 640, h = 480;
        BufferedImage img = Pixels.decode(chart.toPng(w, h));
        Color band = Pixels.overWhite(LineChart.colour(0), LineChart.BAND_ALPHA);
        int column = px(chart.pixelOf(1.3, 0, w, h));
        assertTrue(Pixels.near(img, column, py(chart.pixelOf(0, 8.7, w, h)), band, 14), "band just below the maximum seed");
        assertTrue(Pixels.near(img, column, py(chart.pixelOf(0, 1.3, w, h)), band, 14), "band just above the minimum seed");
        assertFalse(Pixels.near(img, column, py(chart.pixelOf(0, 9.3, w, h)), band, 14), "no band above the maximum");
        assertFalse(Pixels.near(img, column, py(chart.pixelOf(0, 0.7, w, h)), band, 14), "no band below the minimum");
    }

    @Test
    void logAxisPlacesDecadesEvenlyWithGridLinesAndLabels() {
        double[] x = {1, 10, 100, 1000};
        LineChart chart = new LineChart("log", "|S|", "time").logX().logY().series("t", x, x);
        int w = 640, h = 480;
        BufferedImage img = Pixels.decode(chart.toPng(w, h));
        double[] one = chart.pixelOf(1, 1, w, h);
        double[] ten = chart.pixelOf(10, 10, w, h);
        double[] hundred = chart.pixelOf(100, 100, w, h);
        assertEquals(ten[0] - one[0], hundred[0] - ten[0], 1e-6, "decades equally wide on x");
        assertEquals(ten[1] - one[1], hundred[1] - ten[1], 1e-6, "decades equally tall on y");
        // a vertical grid line at x = 10 (a decade) and a fainter one at x = 3 (a minor tick), away from the data line
        int gridRow = py(chart.pixelOf(3, 450, w, h)); // between horizontal grid lines (400, 500)
        double major = darkestAround(img, px(ten), gridRow);
        double minor = darkestAround(img, px(chart.pixelOf(3, 1, w, h)), gridRow);
        double between = darkestAround(img, px(chart.pixelOf(1.5, 1, w, h)) + 8, gridRow);
        assertTrue(major > 40, "decade grid line at x = 10: " + major);
        assertTrue(minor > 10 && minor < major, "fainter grid line at x = 3: " + minor);
        assertTrue(between < 3, "white between grid lines: " + between);
        // tick labels: text just under the plot at each decade's column, none under x = 3
        int labelTop = (int) Math.ceil(chart.dataArea(w, h).getMaxY()) + 5;
        int minorColumn = px(chart.pixelOf(3, 1, w, h));
        for (double decade : x) {
            int column = px(chart.pixelOf(decade, 1, w, h));
            assertTrue(textPixels(img, column - 12, column + 12, labelTop, labelTop + 20) > 10, "a label under x = " + decade);
        }
        assertEquals(0, textPixels(img, minorColumn - 4, minorColumn + 4, labelTop, labelTop + 20), "no label under x = 3");
    }

    /** How far from white the darkest of three neighbouring pixels in a row is (a line may straddle two columns). */
    private static double darkestAround(BufferedImage img, int x, int y) {
        double d = 0;
        for (int dx = -1; dx <= 1; dx++) {
            d = Math.max(d, Pixels.distance(img.getRGB(x + dx, y), Color.WHITE));
        }
        return d;
    }

    private static int textPixels(BufferedImage img, int x0, int x1, int y0, int y1) {
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                n += Pixels.distance(img.getRGB(x, y), Color.WHITE) > 200 ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void scatterDrawsPointsWithoutLinesBetweenThem() {
        LineChart chart = new LineChart("scatter", "x", "y").scatter("p", new double[] {0, 10}, new double[] {0, 10})
                .series("frame", new double[] {-1, 11}, new double[] {11, -1}); // widens the axes, misses (10, 10)
        int w = 500, h = 400;
        BufferedImage img = Pixels.decode(chart.toPng(w, h));
        Color c = LineChart.colour(0);
        double[] p = chart.pixelOf(10, 10, w, h);
        assertTrue(Pixels.count(img, c, px(p) - 3, px(p) + 4, py(p) - 3, py(p) + 4) > 15, "a filled point at (10, 10)");
        double[] middle = chart.pixelOf(5, 5, w, h);
        assertEquals(0, Pixels.count(img, c, px(middle) - 20, px(middle) + 20, py(middle) - 20, py(middle) + 20),
                "nothing of the scatter series between its points");
    }

    @Test
    void referenceLinesAreDashed() {
        LineChart chart = new LineChart("ref", "x", "y").series("data", new double[] {0, 10}, new double[] {0, 10})
                .horizontalLine("target", 7.3);
        int w = 640, h = 400;
        BufferedImage img = Pixels.decode(chart.toPng(w, h));
        Color c = LineChart.colour(1);
        int row = py(chart.pixelOf(0, 7.3, w, h));
        int left = px(chart.pixelOf(0, 0, w, h));
        int right = px(chart.pixelOf(10, 0, w, h));
        int on = 0;
        int runs = 0;
        boolean previous = false;
        for (int x = left + 2; x < right - 2; x++) {
            boolean here = Pixels.near(img, x, row, c, 60);
            on += here ? 1 : 0;
            runs += here && !previous ? 1 : 0;
            previous = here;
        }
        int width = right - left - 4;
        assertTrue(on > 0.4 * width && on < 0.8 * width, "dashes and gaps across the plot: " + on + " of " + width);
        assertTrue(runs > width / 20, "many dashes: " + runs);
    }

    @Test
    void stepsHoldTheirValueUntilTheNextX() {
        LineChart chart = new LineChart("steps", "x", "y").steps("s", new double[] {0, 1, 2}, new double[] {0, 1, 2});
        int w = 500, h = 400;
        BufferedImage img = Pixels.decode(chart.toPng(w, h));
        Color c = LineChart.colour(0);
        double[] flat = chart.pixelOf(0.5, 0, w, h);
        double[] diagonal = chart.pixelOf(0.5, 0.5, w, h);
        double[] riser = chart.pixelOf(1, 0.5, w, h);
        assertTrue(Pixels.near(img, px(flat), py(flat), c, 30), "y = 0 holds over (0, 1)");
        assertFalse(Pixels.near(img, px(diagonal), py(diagonal), c, 60), "no straight line from (0, 0) to (1, 1)");
        assertTrue(Pixels.near(img, px(riser), py(riser), c, 30), "the jump at x = 1");
    }

    @Test
    void cdfStepsUpAtEachSampleValue() {
        LineChart chart = new LineChart("cdf", "x", "P").cdf("c", new double[] {2, 4, 4, 6}).series("frame",
                new double[] {1, 7}, new double[] {0.5, 0.5});
        int w = 500, h = 400;
        BufferedImage img = Pixels.decode(chart.toPng(w, h));
        Color c = LineChart.colour(0);
        double[][] on = {{2, 0.1}, {3, 0.25}, {4, 0.6}, {5, 0.75}, {6, 0.9}, {6.5, 1}};
        for (double[] p : on) {
            double[] at = chart.pixelOf(p[0], p[1], w, h);
            assertTrue(Pixels.near(img, px(at), py(at), c, 40), "CDF through (" + p[0] + ", " + p[1] + ")");
        }
        double[][] off = {{1.5, 0.1}, {3, 0.4}, {5, 0.9}};
        for (double[] p : off) {
            double[] at = chart.pixelOf(p[0], p[1], w, h);
            assertFalse(Pixels.near(img, px(at), py(at), c, 60), "no CDF at (" + p[0] + ", " + p[1] + ")");
        }
    }
}
