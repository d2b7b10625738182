package org.nettwin.api.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.nettwin.api.Seeds;
import org.nettwin.api.space.Box;
import org.nettwin.api.space.DictSpace;
import org.nettwin.api.space.Discrete;
import org.nettwin.api.space.MultiDiscrete;
import org.nettwin.api.space.Simplex;
import org.nettwin.api.space.SpaceViolationException;

class SpacesTest {

    @Test
    void discreteSamplesCoverTheRangeAndNothingElse() {
        Discrete d = new Discrete(5, 2);
        RandomGenerator rng = Seeds.generator(1);
        int[] counts = new int[5];
        for (int i = 0; i < 5000; i++) {
            int v = d.sample(rng);
            assertTrue(d.contains(v));
            counts[v - 2]++;
        }
        for (int c : counts) {
            assertTrue(c > 800 && c < 1200, "roughly uniform: " + c);
        }
        assertFalse(d.contains(1));
        assertFalse(d.contains(7));
        assertEquals("Discrete(5, start=2)", d.describe());
    }

    @Test
    void discreteFlattensOneHotAndEncodesCompactly() {
        Discrete d = new Discrete(4);
        assertArrayEquals(new double[] {0, 0, 1, 0}, d.flatten(2));
        assertEquals(2, d.unflatten(new double[] {0.1, 0.2, 0.9, 0.3}, 0));
        double[] enc = new double[1];
        d.encode(3, enc, 0);
        assertEquals(3.0, enc[0]);
        assertEquals(3, d.decode(enc, 0));
    }

    @Test
    void boxRejectsOutOfBoundsAndNonFiniteValues() {
        Box b = new Box(new double[] {0, -1}, new double[] {1, 1});
        assertTrue(b.contains(new double[] {0.5, 0}));
        assertFalse(b.contains(new double[] {1.5, 0}));
        assertFalse(b.contains(new double[] {Double.NaN, 0}));
        assertFalse(b.contains(new double[] {0.5}));
        SpaceViolationException e = assertThrows(SpaceViolationException.class, () -> b.check(new double[] {2, 0}, "action"));
        assertTrue(e.getMessage().contains(b.describe()), e.getMessage());
        assertTrue(e.getMessage().contains("[2.0, 0.0]"), e.getMessage());
    }

    @Test
    void unboundedBoxSamplesAreFinite() {
        Box b = new Box(new double[] {0, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY},
                new double[] {Double.POSITIVE_INFINITY, 3, Double.POSITIVE_INFINITY});
        RandomGenerator rng = Seeds.generator(2);
        for (int i = 0; i < 1000; i++) {
            assertTrue(b.contains(b.sample(rng)));
        }
    }

    @Test
    void simplexSamplesSumToOneAndProjectionLandsInside() {
        Simplex s = new Simplex(4);
        RandomGenerator rng = Seeds.generator(3);
        double firstMean = 0;
        for (int i = 0; i < 4000; i++) {
            double[] v = s.sample(rng);
            assertTrue(s.contains(v));
            firstMean += v[0] / 4000;
        }
        assertEquals(0.25, firstMean, 0.02, "Dirichlet(1) has mean 1/n per share");
        assertFalse(s.contains(new double[] {0.5, 0.5, 0.5, -0.5}));
        double[] raw = {2.0, -1.0, 0.3, 0.1};
        Simplex.project(raw);
        assertTrue(s.contains(raw));
        assertArrayEquals(new double[] {1, 0, 0, 0}, raw, 1e-12);
        double[] inside = {0.1, 0.2, 0.3, 0.4};
        Simplex.project(inside);
        assertArrayEquals(new double[] {0.1, 0.2, 0.3, 0.4}, inside, 1e-12, "projection keeps simplex points");
    }

    @Test
    void multiDiscreteIndexIsABijection() {
        MultiDiscrete m = new MultiDiscrete(3, 4, 2);
        assertEquals(24, m.cardinality());
        int[] v = new int[3];
        for (long i = 0; i < m.cardinality(); i++) {
            m.valueOf(i, v);
            assertTrue(m.contains(v));
            assertEquals(i, m.index(v));
        }
        assertEquals(Long.MAX_VALUE, new MultiDiscrete(1 << 20, 1 << 20, 1 << 20, 1 << 20).cardinality());
        assertArrayEquals(new int[] {2, 0, 1}, m.unflatten(m.flatten(new int[] {2, 0, 1}), 0));
    }

    @Test
    void dictSpaceFlattensPartsInOrder() {
        Map<String, org.nettwin.api.space.Space<?>> parts = new LinkedHashMap<>();
        parts.put("ap", new Discrete(3));
        parts.put("position", new Box(2, 0, 10));
        DictSpace d = new DictSpace(parts);
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("ap", 1);
        value.put("position", new double[] {4, 5});
        assertTrue(d.contains(value));
        assertEquals(5, d.flatSize());
        assertEquals(3, d.encodedSize());
        assertArrayEquals(new double[] {0, 1, 0, 4, 5}, d.flatten(value));
        Map<String, Object> back = d.unflatten(d.flatten(value), 0);
        assertEquals(1, back.get("ap"));
        value.put("ap", 9);
        assertFalse(d.contains(value));
    }

    @Test
    void sameSeedSameSamples() {
        Simplex s = new Simplex(3);
        assertArrayEquals(s.sample(Seeds.generator(42)), s.sample(Seeds.generator(42)));
        assertFalse(java.util.Arrays.equals(s.sample(Seeds.generator(42)), s.sample(Seeds.generator(43))));
        assertTrue(Seeds.derive(1, "twin") != Seeds.derive(1, "agent"));
        assertEquals(Seeds.derive(7, 3), Seeds.derive(7, 3));
    }
}
