package org.nettwin.nn.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.nettwin.nn.Loss;

/** Values and numerical gradient checks of every loss. */
class LossTest {

    private final SplittableRandom rnd = new SplittableRandom(42);

    @Test
    void mse() {
        double[] p = {1, 2, 3, 4};
        double[] t = {0, 2, 5, 3};
        double[] g = new double[4];
        assertEquals((1 + 0 + 4 + 1) / 4.0, Loss.mse(p, t, 4, g), 1e-15);
        double[] gc = g.clone();
        GradChecks.check("mse", p, gc, () -> Loss.mse(p, t, 4, new double[4]));
    }

    @Test
    void huberBothRegions() {
        double[] p = {0.3, -2.5, 1.0, 4.0, -0.1};
        double[] t = {0.0, 0.0, 1.5, 0.0, 0.2};
        double[] g = new double[5];
        double delta = 1.0;
        double expected = (0.5 * 0.09 + (2.5 - 0.5) + 0.5 * 0.25 + (4 - 0.5) + 0.5 * 0.09) / 5;
        assertEquals(expected, Loss.huber(p, t, 5, delta, g), 1e-15);
        GradChecks.check("huber", p, g.clone(), () -> Loss.huber(p, t, 5, delta, new double[5]));
    }

    @Test
    void selectedColumns() {
        double[] q = GradChecks.random(rnd, 12, 3);
        int[] a = {2, 0, 3};
        double[] y = {1.0, -5.0, 0.5};
        double[] g = new double[12];
        double mse = Loss.mseSelected(q, a, y, 3, 4, g);
        double manual = 0;
        for (int b = 0; b < 3; b++) {
            manual += Math.pow(q[b * 4 + a[b]] - y[b], 2) / 3;
        }
        assertEquals(manual, mse, 1e-14);
        GradChecks.check("mseSelected", q, g.clone(), () -> Loss.mseSelected(q, a, y, 3, 4, new double[12]));
        Loss.huberSelected(q, a, y, 3, 4, 1.0, g);
        GradChecks.check("huberSelected", q, g.clone(), () -> Loss.huberSelected(q, a, y, 3, 4, 1.0, new double[12]));
    }

    @Test
    void softmaxCrossEntropyLabels() {
        double[] z = GradChecks.random(rnd, 15, 4);
        int[] labels = {0, 4, 2};
        double[] g = new double[15];
        double l = Loss.softmaxCrossEntropy(z, labels, 3, 5, g);
        double manual = 0;
        for (int b = 0; b < 3; b++) {
            double s = 0;
            for (int j = 0; j < 5; j++) {
                s += Math.exp(z[b * 5 + j]);
            }
            manual += -Math.log(Math.exp(z[b * 5 + labels[b]]) / s) / 3;
        }
        assertEquals(manual, l, 1e-12);
        GradChecks.check("ce labels", z, g.clone(), () -> Loss.softmaxCrossEntropy(z, labels, 3, 5, new double[15]));
    }

    @Test
    void softmaxCrossEntropyDistributions() {
        double[] z = GradChecks.random(rnd, 8, 3);
        double[] t = {0.1, 0.2, 0.3, 0.4, 0.7, 0.0, 0.25, 0.05};
        double[] g = new double[8];
        Loss.softmaxCrossEntropy(z, t, 2, 4, g);
        GradChecks.check("ce distributions", z, g.clone(), () -> Loss.softmaxCrossEntropy(z, t, 2, 4, new double[8]));
    }

    @Test
    void crossEntropyIsStableForHugeLogits() {
        double[] z = {1000, -1000, 999};
        double[] g = new double[3];
        double l = Loss.softmaxCrossEntropy(z, new int[] {2}, 1, 3, g);
        assertEquals(Math.log(1 + Math.exp(-1)) + 1, l, 1e-12);
        for (double v : g) {
            assertTrue(Double.isFinite(v));
        }
        assertEquals(0.0, g[0] + g[1] + g[2], 1e-15);
    }
}
