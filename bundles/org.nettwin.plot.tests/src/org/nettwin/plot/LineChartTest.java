package org.nettwin.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineChartTest {

    /** Counts pixels within a small RGB distance of {@code colour} in rows [y0, y1) of the plot's columns. */
    static int pixelsNear(BufferedImage img, Color colour, int y0, int y1) {
        int n = 0;
        for (int y = y0; y < y1; y++) {
            // plot columns: from 70 to 640 - 20 - legend (40 + 7 px per character of "high")
            for (int x = 70; x < 552; x++) {
                int rgb = img.getRGB(x, y);
                int dr = ((rgb >> 16) & 255) - colour.getRed();
                int dg = ((rgb >> 8) & 255) - colour.getGreen();
                int db = (rgb & 255) - colour.getBlue();
                if (dr * dr + dg * dg + db * db < 12 * 12) {
                    n++;
                }
            }
        }
        return n;
    }

    private static LineChart twoFlatSeries() {
        double[] x = {0, 1, 2, 3, 4, 5};
        return new LineChart("two series", "x", "y").series("high", x, new double[] {10, 10, 10, 10, 10, 10})
                .series("low", x, new double[] {0, 0, 0, 0, 0, 0});
    }

    @Test
    void pngDecodesToTheRequestedSize() throws IOException {
        byte[] png = twoFlatSeries().toPng(640, 400);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4));
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(640, img.getWidth());
        assertEquals(400, img.getHeight());
    }

    @Test
    void eachSeriesAppearsInItsColourWhereItsValuesAre() throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(twoFlatSeries().toPng(640, 400)));
        Color high = LineChart.colour(0);
        Color low = LineChart.colour(1);
        assertFalse(high.equals(low));
        // plot area is rows 36..350; the high series is near its top, the low one near its bottom
        int upperHigh = pixelsNear(img, high, 36, 190);
        int lowerHigh = pixelsNear(img, high, 200, 352);
        int upperLow = pixelsNear(img, low, 36, 190);
        int lowerLow = pixelsNear(img, low, 200, 352);
        assertTrue(upperHigh > 300, "high series drawn across the upper half: " + upperHigh);
        assertTrue(lowerLow > 300, "low series drawn across the lower half: " + lowerLow);
        assertEquals(0, lowerHigh, "high series must not appear low");
        assertEquals(0, upperLow, "low series must not appear high");
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
        assertThrows(IllegalStateException.class, () -> chart.toPng(300, 200));
        assertThrows(IllegalArgumentException.class, () -> twoFlatSeries().toPng(10, 10));
    }

    @Test
    void constantAndSinglePointSeriesStillRender() throws IOException {
        byte[] png = new LineChart("flat", "x", "y").series("one", new double[] {3}, new double[] {7}).toPng(200, 150);
        assertEquals(200, ImageIO.read(new ByteArrayInputStream(png)).getWidth());
    }

    @Test
    void sameChartSameBytes() {
        assertArrayEquals(twoFlatSeries().toPng(400, 300), twoFlatSeries().toPng(400, 300));
    }
}
