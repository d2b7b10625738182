package org.nettwin.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeatMapTest {

    /** z = x + y on [0, 1]²: minimum bottom-left, maximum top-right. */
    private static HeatMap ramp(int n) {
        double[] xs = new double[n];
        double[] ys = new double[n];
        double[][] z = new double[n][n];
        for (int i = 0; i < n; i++) {
            xs[i] = i / (n - 1.0);
            ys[i] = i / (n - 1.0);
        }
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                z[j][i] = xs[i] + ys[j];
            }
        }
        return new HeatMap("ramp", "alpha", "beta", xs, ys, z);
    }

    private static double distance(int rgb, Color c) {
        int dr = ((rgb >> 16) & 255) - c.getRed();
        int dg = ((rgb >> 8) & 255) - c.getGreen();
        int db = (rgb & 255) - c.getBlue();
        return Math.sqrt(dr * dr + dg * dg + db * db);
    }

    @Test
    void cornersShowTheScaleEndsAtTheRightPlaces(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("ramp.png");
        ramp(21).writePng(file, 500, 400);
        BufferedImage img = ImageIO.read(file.toFile());
        assertEquals(500, img.getWidth());
        assertEquals(400, img.getHeight());
        // plot rectangle: x 70..(500-20-80)=400, y 36..350; sample just inside its corners
        int bottomLeft = img.getRGB(73, 347);
        int topRight = img.getRGB(397, 39);
        assertTrue(distance(bottomLeft, HeatMap.colourOf(0)) < 10, "minimum colour bottom-left");
        assertTrue(distance(topRight, HeatMap.colourOf(1)) < 10, "maximum colour top-right");
        int centre = img.getRGB((70 + 400) / 2 + 7, (36 + 350) / 2 + 7); // off the diagonal iso-line
        assertTrue(distance(centre, HeatMap.colourOf(0.5)) < 40, "middle value in the middle");
    }

    @Test
    void isoLinesAreDrawnWhenOnAndAbsentWhenOff() throws IOException {
        BufferedImage with = ImageIO.read(new ByteArrayInputStream(ramp(21).toPng(500, 400)));
        BufferedImage without = ImageIO.read(new ByteArrayInputStream(ramp(21).isoLines(0).toPng(500, 400)));
        int differing = 0;
        for (int y = 36; y < 350; y++) {
            for (int x = 70; x < 400; x++) {
                if (with.getRGB(x, y) != without.getRGB(x, y)) {
                    differing++;
                }
            }
        }
        // 8 diagonal iso-lines of a few hundred pixels each
        assertTrue(differing > 1000, "iso-lines change pixels: " + differing);
    }

    @Test
    void scaleIsOrderedFromDarkToBright() {
        double previous = -1;
        for (int k = 0; k <= 10; k++) {
            Color c = HeatMap.colourOf(k / 10.0);
            double luminance = 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
            assertTrue(luminance > previous, "luminance increases at " + k);
            previous = luminance;
        }
    }

    @Test
    void badShapesAreRefusedWithTheirNames() {
        double[] two = {0, 1};
        var e = assertThrows(IllegalArgumentException.class,
                () -> new HeatMap("t", "x", "y", two, two, new double[][] {{1, 2}}));
        assertTrue(e.getMessage().contains("one row per y"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new HeatMap("t", "x", "y", two, two, new double[][] {{1, 2}, {3}}));
        assertTrue(e.getMessage().contains("z[1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new HeatMap("t", "x", "y", new double[] {1, 0}, two, new double[][] {{1, 2}, {3, 4}}));
        assertTrue(e.getMessage().contains("xs must increase"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new HeatMap("t", "x", "y", two, two, new double[][] {{1, Double.NaN}, {3, 4}}));
        assertTrue(e.getMessage().contains("z[0][1]"), e.getMessage());
    }

    @Test
    void constantSurfaceStillRenders() throws IOException {
        double[] two = {0, 1};
        byte[] png = new HeatMap("flat", "x", "y", two, two, new double[][] {{5, 5}, {5, 5}}).toPng(300, 200);
        assertEquals(300, ImageIO.read(new ByteArrayInputStream(png)).getWidth());
    }
}
