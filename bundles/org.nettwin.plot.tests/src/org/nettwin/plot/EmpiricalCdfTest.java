package org.nettwin.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EmpiricalCdfTest {

    @Test
    void distinctValuesWithTheFractionsAtOrBelowAndAtOrAbove() {
        EmpiricalCdf cdf = EmpiricalCdf.of(new double[] {3, 1, 2, 2});
        assertArrayEquals(new double[] {1, 2, 3}, cdf.values());
        assertArrayEquals(new double[] {0.25, 0.75, 1}, cdf.cumulative(), 1e-12);
        assertArrayEquals(new double[] {1, 0.75, 0.25}, cdf.complementary(), 1e-12);
    }

    @Test
    void oneValue() {
        EmpiricalCdf cdf = EmpiricalCdf.of(new double[] {5, 5});
        assertArrayEquals(new double[] {5}, cdf.values());
        assertArrayEquals(new double[] {1}, cdf.cumulative());
        assertArrayEquals(new double[] {1}, cdf.complementary());
    }

    @Test
    void badSamplesAreRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> EmpiricalCdf.of(new double[0]));
        assertTrue(e.getMessage().contains("sample"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> EmpiricalCdf.of(new double[] {1, Double.NaN}));
        assertTrue(e.getMessage().contains("sample[1]"), e.getMessage());
    }
}
