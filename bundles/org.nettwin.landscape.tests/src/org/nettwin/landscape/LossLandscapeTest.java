package org.nettwin.landscape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nettwin.api.Seeds;
import org.nettwin.api.data.TransitionDataset;

class LossLandscapeTest {

    /** Σ h_i θ_i² over the weights = 2·1 + 1·4 + 4·1 = 10, whatever the signs of the direction. */
    private static final double HESSIAN_ALONG_D = 10;

    @Test
    void lineOnAQuadraticIsTheParabolaWithHandComputedFlatness() {
        Curve c = LossLandscape.line(new QuadraticSurface(), "toy", QuadraticSurface.data(), 1.0, 5, 7);
        assertArrayEquals(new double[] {-1, -0.5, 0, 0.5, 1}, c.alphas(), 0);
        for (int k = 0; k < 5; k++) {
            double a = c.alphas()[k];
            assertEquals(QuadraticSurface.OFFSET + 0.5 * HESSIAN_ALONG_D * a * a, c.losses()[k], 1e-12, "alpha " + a);
        }
        assertEquals(0.5, c.centreLoss(), 0);
        assertEquals(0, c.argminAlpha(), 0);
        // mean of 5α² over {1, 0.25, 0, 0.25, 1} = 5 · 2.5 / 5
        assertEquals(2.5, c.meanIncrease(), 1e-12);
        // within ε = 0.5 the largest rise is 5 · 0.25 = 1.25, relative to 1 + L(0) = 1.5
        assertEquals(1.25 / 1.5, c.sharpness(0.5), 1e-12);
        assertEquals(0, c.sharpness(0.1), 1e-12, "only the centre lies within 0.1");
    }

    @Test
    void planeOnAQuadraticIsTheQuadraticFormOfItsTwoDirections() {
        QuadraticSurface s = new QuadraticSurface();
        long seed = 3;
        Plane p = LossLandscape.plane(s, "toy", QuadraticSurface.data(), 2.0, 5, seed);
        double[] d1 = Directions.filterNormalized(QuadraticSurface.THETA, QuadraticSurface.FILTERS, Seeds.derive(seed, "direction-1"));
        double[] d2 = Directions.filterNormalized(QuadraticSurface.THETA, QuadraticSurface.FILTERS, Seeds.derive(seed, "direction-2"));
        double a = 0, b = 0, c = 0;
        for (int i = 0; i < d1.length; i++) {
            a += QuadraticSurface.CURVATURE[i] * d1[i] * d1[i];
            b += QuadraticSurface.CURVATURE[i] * d1[i] * d2[i];
            c += QuadraticSurface.CURVATURE[i] * d2[i] * d2[i];
        }
        assertEquals(HESSIAN_ALONG_D, a, 1e-12);
        assertEquals(HESSIAN_ALONG_D, c, 1e-12);
        double sumWithinOne = 0;
        int within = 0;
        for (int j = 0; j < 5; j++) {
            for (int i = 0; i < 5; i++) {
                double x = p.alphas()[i], y = p.betas()[j];
                double rise = 0.5 * (a * x * x + 2 * b * x * y + c * y * y);
                assertEquals(QuadraticSurface.OFFSET + rise, p.losses()[j][i], 1e-12);
                if (Math.hypot(x, y) <= 1) {
                    sumWithinOne += rise;
                    within++;
                }
            }
        }
        assertEquals(5, within, "centre and its four neighbours at distance 1");
        assertEquals(sumWithinOne / within, p.meanIncreaseWithin(1), 1e-12);
        // the four neighbours rise by ½·10 each (B drops out on the axes): mean 4·5/5 = 4
        assertEquals(4, p.meanIncreaseWithin(1), 1e-12);
        assertEquals(5 / 1.5, p.sharpness(1), 1e-12);
        // the line is the plane's β = 0 row, on the same grid
        Curve line = LossLandscape.line(s, "toy", QuadraticSurface.data(), 2.0, 5, seed);
        assertArrayEquals(line.losses(), p.losses()[2], 0);
    }

    @Test
    void eachFilterOfTheDirectionHasTheNormOfTheSameFilterOfTheParameters() {
        double[] theta = new double[30];
        int[] filters = new int[30];
        var random = Seeds.generator(5);
        for (int i = 0; i < theta.length; i++) {
            theta[i] = random.nextGaussian() * (1 + i % 4);
            filters[i] = i % 7 == 6 ? -1 : i % 5; // five interleaved filters and some biases
        }
        double[] d = Directions.filterNormalized(theta, filters, 11);
        double[] dn = new double[5];
        double[] tn = new double[5];
        for (int i = 0; i < theta.length; i++) {
            if (filters[i] < 0) {
                assertEquals(0, d[i], 0, "parameter " + i + " belongs to no filter");
            } else {
                dn[filters[i]] += d[i] * d[i];
                tn[filters[i]] += theta[i] * theta[i];
            }
        }
        for (int f = 0; f < 5; f++) {
            assertEquals(Math.sqrt(tn[f]), Math.sqrt(dn[f]), 1e-12, "filter " + f);
        }
        assertArrayEquals(d, Directions.filterNormalized(theta, filters, 11), 0, "same seed, same direction");
        assertFalse(Arrays.equals(d, Directions.filterNormalized(theta, filters, 12)), "another seed, another direction");
        // a zero filter of θ stays zero in d
        theta[0] = theta[5] = theta[10] = theta[15] = theta[20] = theta[25] = 0;
        double[] z = Directions.filterNormalized(theta, filters, 11);
        for (int i = 0; i < 30; i += 5) {
            assertEquals(0, z[i], 0);
        }
    }

    @Test
    void sameSeedSameNumbersAndTheTrainedParametersAreLeftAlone() {
        QuadraticSurface s = new QuadraticSurface();
        Plane a = LossLandscape.plane(s, "toy", QuadraticSurface.data(), 1.0, 7, 21);
        Plane b = LossLandscape.plane(s, "toy", QuadraticSurface.data(), 1.0, 7, 21);
        for (int j = 0; j < 7; j++) {
            assertArrayEquals(a.losses()[j], b.losses()[j], 0);
        }
        assertEquals(2 * 49, s.calls, "one loss call per grid point");
        assertArrayEquals(QuadraticSurface.THETA, s.parameters("toy"), 0);
    }

    @Test
    void badInputIsRefusedWithTheFieldNamed() {
        QuadraticSurface s = new QuadraticSurface();
        TransitionDataset data = QuadraticSurface.data();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LossLandscape.line(s, "toy", data, 1, 4, 1)).getMessage()
                .contains("points must be odd"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LossLandscape.line(s, "critic", data, 1, 5, 1)).getMessage()
                .contains("not one of [toy]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LossLandscape.line(s, "toy", data, 0, 5, 1)).getMessage()
                .contains("range"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> LossLandscape.line(s, "toy", new TransitionDataset(1, 1, Map.of()), 1, 5, 1)).getMessage().contains("empty"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Directions.filterNormalized(new double[3], new int[2], 1))
                .getMessage().contains("filters has 2 entries for 3 parameters"));
    }

    @Test
    void writesCsvJsonAndPngs(@TempDir Path dir) throws IOException {
        QuadraticSurface s = new QuadraticSurface();
        Curve c = LossLandscape.line(s, "toy", QuadraticSurface.data(), 1.0, 11, 1);
        Plane p = LossLandscape.plane(s, "toy", QuadraticSurface.data(), 1.0, 11, 1);
        LandscapeFiles.write(dir, "toy", c, p, 0.5, 0.5);
        List<String> line = Files.readAllLines(dir.resolve("toy-1d.csv"));
        assertEquals("alpha,loss", line.get(0));
        assertEquals(12, line.size());
        assertEquals(c.losses()[10], Double.parseDouble(line.get(11).split(",")[1]), 0, "round-trip exact numbers");
        assertEquals(1 + 121, Files.readAllLines(dir.resolve("toy-2d.csv")).size());
        String json = Files.readString(dir.resolve("toy.json"));
        assertTrue(json.contains("\"mean_increase\": ") && json.contains("\"mean_increase_within_radius\": ")
                && json.contains("\"sharpness\": "), json);
        BufferedImage png1 = ImageIO.read(dir.resolve("toy-1d.png").toFile());
        BufferedImage png2 = ImageIO.read(dir.resolve("toy-2d.png").toFile());
        assertEquals(720, png1.getWidth());
        assertEquals(520, png2.getHeight());
        try (var files = Files.list(dir)) {
            assertEquals(5, files.count(), "five files, no temporary leftovers");
        }
    }
}
