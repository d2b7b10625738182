package org.nettwin.nn.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nettwin.nn.Adam;
import org.nettwin.nn.Gradients;
import org.nettwin.nn.Sgd;

/** Optimizers against hand-computed steps, and gradient clipping. */
class OptimizerTest {

    @Test
    void adamMatchesHandComputedSteps() {
        // lr 0.01, β1 0.9, β2 0.999, ε 1e-8; step 1 with g = (0.5, −0.1, 0):
        //   m = 0.1 g, v = 0.001 g², m̂ = g, v̂ = g² → θ −= 0.01 · g / (|g| + 1e-8)
        //   θ = (1 − 0.01·0.5/0.50000001, −2 + 0.01·0.1/0.10000001, 0.5)
        Adam adam = new Adam(3, 0.01, 0.9, 0.999, 1e-8);
        double[] p = {1.0, -2.0, 0.5};
        adam.step(p, new double[] {0.5, -0.1, 0.0});
        assertArrayEquals(new double[] {0.9900000002, -1.990000001, 0.5}, p, 1e-15);
        // step 2 with g = (−0.2, 0.3, 1.0): m = (0.025, 0.021, 0.1), v = (2.8975e-4, 9.999e-5, 1e-3),
        //   m̂ = m / 0.19, v̂ = v / 0.001999 (values from the formulas evaluated in double precision)
        adam.step(p, new double[] {-0.2, 0.3, 1.0});
        assertArrayEquals(new double[] {0.9865439418116511, -1.9949418991120065, 0.4925586318695407}, p, 1e-14);
        assertArrayEquals(new double[] {0.025, 0.021, 0.1}, adam.firstMoments(), 1e-16);
        assertArrayEquals(new double[] {2.8975e-4, 9.999e-5, 1e-3}, adam.secondMoments(), 1e-18);
        assertEquals(2, adam.stepCount());
        adam.reset();
        assertEquals(0, adam.stepCount());
        assertEquals(0.0, adam.firstMoments()[0]);
    }

    @Test
    void sgdWithMomentum() {
        Sgd sgd = new Sgd(2, 0.1, 0.9);
        double[] p = {1.0, 1.0};
        sgd.step(p, new double[] {1.0, -2.0});
        assertArrayEquals(new double[] {0.9, 1.2}, p, 1e-15);
        // u = 0.9·(1, −2) + (1, −2) = (1.9, −3.8)
        sgd.step(p, new double[] {1.0, -2.0});
        assertArrayEquals(new double[] {0.9 - 0.19, 1.2 + 0.38}, p, 1e-15);
        Sgd plain = new Sgd(1, 0.5);
        double[] q = {3.0};
        plain.step(q, new double[] {2.0});
        assertEquals(2.0, q[0], 0.0);
    }

    @Test
    void invalidSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Adam(3, 0.0));
        assertThrows(IllegalArgumentException.class, () -> new Adam(3, 0.1, 1.0, 0.9, 1e-8));
        assertThrows(IllegalArgumentException.class, () -> new Sgd(3, 0.1, 1.0));
    }

    @Test
    void globalNormClipping() {
        double[] g = {3.0, 4.0};
        assertEquals(5.0, Gradients.clipGlobalNorm(g, 1.0), 1e-15);
        assertEquals(1.0, Gradients.norm(g), 1e-9);
        assertEquals(0.6, g[0], 1e-9);
        double[] small = {0.3, 0.4};
        Gradients.clipGlobalNorm(small, 1.0);
        assertArrayEquals(new double[] {0.3, 0.4}, small, 0.0);
        double[] a = {3.0, 0.0, 0.0, 0.0, 0.0};
        double[] b = {4.0};
        assertEquals(5.0, Gradients.clipGlobalNorm(a, b, 2.5), 1e-15);
        assertEquals(1.5, a[0], 1e-9);
        assertEquals(2.0, b[0], 1e-9);
    }
}
