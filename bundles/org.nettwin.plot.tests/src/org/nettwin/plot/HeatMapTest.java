package org.nettwin.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

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

    private static int[] pixel(HeatMap map, double x, double y, int w, int h) {
        double[] p = map.pixelOf(x, y, w, h);
        return new int[] {(int) Math.floor(p[0]), (int) Math.floor(p[1])};
    }

    @Test
    void cornersShowTheScaleEndsAtTheRightPlaces(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("ramp.png");
        HeatMap map = ramp(21);
        map.writePng(file, 500, 400);
        BufferedImage img = ImageIO.read(file.toFile());
        assertEquals(500, img.getWidth());
        assertEquals(400, img.getHeight());
        // the grid points (0, 0) and (1, 1) sit at the centres of the corner cells
        int[] bottomLeft = pixel(map, 0, 0, 500, 400);
        int[] topRight = pixel(map, 1, 1, 500, 400);
        assertTrue(bottomLeft[0] < topRight[0] && bottomLeft[1] > topRight[1], "y grows upwards");
        assertTrue(Pixels.near(img, bottomLeft[0], bottomLeft[1], HeatMap.colourOf(0), 10), "minimum colour bottom-left");
        assertTrue(Pixels.near(img, topRight[0], topRight[1], HeatMap.colourOf(1), 10), "maximum colour top-right");
        int[] centre = pixel(map, 0.5, 0.5, 500, 400);
        assertTrue(Pixels.near(img, centre[0] + 7, centre[1] + 7, HeatMap.colourOf(0.5), 40), "middle value in the middle");
    }

    @Test
    void isoLinesAreDrawnWhenOnAndAbsentWhenOff() {
        HeatMap with = ramp(21);
        BufferedImage a = Pixels.decode(with.toPng(500, 400));
        BufferedImage b = Pixels.decode(ramp(21).isoLines(0).toPng(500, 400));
        Rectangle2D area = with.dataArea(500, 400);
        int differing = 0;
        int outside = 0;
        for (int y = 0; y < 400; y++) {
            for (int x = 0; x < 500; x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    if (area.contains(x, y)) {
                        differing++;
                    } else {
                        outside++;
                    }
                }
            }
        }
        // 8 diagonal iso-lines of a few hundred pixels each, all inside the plot
        assertTrue(differing > 1000, "iso-lines change pixels: " + differing);
        assertEquals(0, outside, "iso-lines stay inside the plot");
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
        List<String> ab = List.of("a", "b");
        e = assertThrows(IllegalArgumentException.class, () -> HeatMap.matrix("t", "x", "y", ab, ab, new double[][] {{1, 2}, {3}}));
        assertTrue(e.getMessage().contains("z[1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> HeatMap.matrix("t", "x", "y", java.util.Arrays.asList("a", null), ab, new double[][] {{1, 2}, {3, 4}}));
        assertTrue(e.getMessage().contains("columns[1] is null"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> HeatMap.matrix("t", "x", "y", ab, ab, new double[][] {{1, 2}, {3, 4}})
                .isoLines(3));
        assertTrue(e.getMessage().contains("continuous surface"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ramp(3).cellValues("%d"));
        assertTrue(e.getMessage().contains("'%d'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ramp(3).scale(1, 1));
        assertTrue(e.getMessage().contains("lo < hi"), e.getMessage());
    }

    @Test
    void constantSurfaceStillRenders() {
        double[] two = {0, 1};
        byte[] png = new HeatMap("flat", "x", "y", two, two, new double[][] {{5, 5}, {5, 5}}).toPng(300, 200);
        assertEquals(300, Pixels.decode(png).getWidth());
    }

    /** Unevenly spaced grid points: each cell reaches half-way to its neighbours. */
    @Test
    void unevenGridCellsReachHalfWayToTheirNeighbours() {
        double[] xs = {0, 1, 10};
        double[] ys = {0, 1};
        HeatMap map = new HeatMap("uneven", "x", "y", xs, ys, new double[][] {{0, 1, 0}, {0, 1, 0}}).isoLines(0);
        BufferedImage img = Pixels.decode(map.toPng(600, 300));
        int row = pixel(map, 0, 0.5, 600, 300)[1];
        // the middle grid point (value 1, the maximum) owns x in (0.5, 5.5)
        assertTrue(Pixels.near(img, pixel(map, 5.3, 0, 600, 300)[0], row, HeatMap.colourOf(1), 10), "x = 5.3 in the middle cell");
        assertTrue(Pixels.near(img, pixel(map, 5.7, 0, 600, 300)[0], row, HeatMap.colourOf(0), 10), "x = 5.7 in the right cell");
        assertTrue(Pixels.near(img, pixel(map, 0.4, 0, 600, 300)[0], row, HeatMap.colourOf(0), 10), "x = 0.4 in the left cell");
    }

    /** A 3 × 3 matrix with a fixed [0, 1] scale: row 0 on top, values in their cells. */
    @Test
    void matrixPutsRowZeroOnTopAndPrintsValues() {
        List<String> names = List.of("cell 1", "cell 2", "cell 3");
        double[][] z = {{1, 0.5, 0}, {0.5, 1, 0.5}, {0, 0.5, 1}};
        HeatMap plain = HeatMap.matrix("similarity", "cell", "cell", names, names, z).scale(0, 1);
        HeatMap labelled = HeatMap.matrix("similarity", "cell", "cell", names, names, z).scale(0, 1).cellValues("%.2f");
        int w = 600, h = 500;
        BufferedImage a = Pixels.decode(plain.toPng(w, h));
        BufferedImage b = Pixels.decode(labelled.toPng(w, h));
        // cell (row 0, column 2) is z[0][2] = 0: the top-right corner is the scale's lower end
        int[] topRight = pixel(plain, 2.3, -0.3, w, h);
        int[] topLeft = pixel(plain, -0.3, -0.3, w, h);
        int[] middleLeft = pixel(plain, -0.3, 1.3, w, h);
        assertTrue(topRight[1] < middleLeft[1], "row 0 above row 1");
        assertTrue(Pixels.near(a, topRight[0], topRight[1], HeatMap.colourOf(0), 10), "z[0][2] = 0 at the top right");
        assertTrue(Pixels.near(a, topLeft[0], topLeft[1], HeatMap.colourOf(1), 10), "z[0][0] = 1 at the top left");
        assertTrue(Pixels.near(a, middleLeft[0], middleLeft[1], HeatMap.colourOf(0.5), 10), "z[1][0] = 0.5 fixed-scale colour");
        // the values: text changes pixels around each cell centre and nowhere else; dark on the bright cell
        int[] bright = pixel(plain, 0, 0, w, h);
        int[] dark = pixel(plain, 2, 0, w, h);
        assertTrue(changed(a, b, bright, 25) > 20 && changed(a, b, dark, 25) > 20, "values printed in cells");
        assertTrue(greyRange(b, bright, 25)[0] < 80, "dark text on the bright cell");
        assertTrue(greyRange(b, dark, 25)[1] > 230, "light text on the dark cell");
        int[] corner = pixel(plain, 0.4, 0.4, w, h);
        assertEquals(0, changed(a, b, corner, 3), "nothing printed away from the centres");
    }

    private static int changed(BufferedImage a, BufferedImage b, int[] at, int radius) {
        int n = 0;
        for (int y = at[1] - radius; y <= at[1] + radius; y++) {
            for (int x = at[0] - radius; x <= at[0] + radius; x++) {
                n += a.getRGB(x, y) != b.getRGB(x, y) ? 1 : 0;
            }
        }
        return n;
    }

    /** The lowest and highest grey level ((r + g + b) / 3) in the square of that radius around {@code at}. */
    private static double[] greyRange(BufferedImage img, int[] at, int radius) {
        double lowest = 255;
        double highest = 0;
        for (int y = at[1] - radius; y <= at[1] + radius; y++) {
            for (int x = at[0] - radius; x <= at[0] + radius; x++) {
                Color c = new Color(img.getRGB(x, y));
                double grey = (c.getRed() + c.getGreen() + c.getBlue()) / 3.0;
                lowest = Math.min(lowest, grey);
                highest = Math.max(highest, grey);
            }
        }
        return new double[] {lowest, highest};
    }

    @Test
    void sameHeatMapSameBytes() {
        assertArrayEquals(ramp(11).toPng(400, 300), ramp(11).toPng(400, 300));
        List<String> names = List.of("a", "b");
        double[][] z = {{1, 0.2}, {0.2, 1}};
        assertArrayEquals(HeatMap.matrix("m", "x", "y", names, names, z).cellValues("%.1f").toPng(300, 300),
                HeatMap.matrix("m", "x", "y", names, names, z).cellValues("%.1f").toPng(300, 300));
    }
}
