package org.nettwin.api.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.nettwin.api.space.Box;
import org.nettwin.api.space.DictSpace;
import org.nettwin.api.space.Discrete;
import org.nettwin.api.space.MultiDiscrete;
import org.nettwin.api.space.Space;
import org.nettwin.api.space.TableIndex;

class TableIndexTest {

    @Test
    void discreteSpacesIndexBijectively() {
        TableIndex d = TableIndex.of(new Discrete(5, -2), 1, 100);
        assertEquals(5, d.size());
        for (int v = -2; v < 3; v++) {
            assertEquals(v + 2, d.index(v));
            assertEquals(v, d.value(v + 2));
        }
        TableIndex m = TableIndex.of(new MultiDiscrete(3, 4), 1, 100);
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 4; j++) {
                int idx = m.index(new int[] {i, j});
                assertTrue(seen.add(idx));
                assertArrayEquals(new int[] {i, j}, (int[]) m.value(idx));
            }
        }
        assertEquals(12, seen.size());
    }

    @Test
    void boxCoordinatesFallIntoEqualBinsWithTheBoundsInside() {
        TableIndex b = TableIndex.of(new Box(new double[] {0, -1}, new double[] {10, 1}), 5, 100);
        assertEquals(25, b.size());
        assertEquals(0, b.index(new double[] {0, -1}));
        assertEquals(24, b.index(new double[] {10, 1}), "the upper bound belongs to the last bin");
        assertEquals(2 * 5 + 2, b.index(new double[] {4.5, 0.0}));
        assertEquals(b.index(new double[] {4.1, 0.1}), b.index(new double[] {5.9, 0.15}), "same bins, same row");
        assertArrayEquals(new double[] {5.0, 0.0}, (double[]) b.value(b.index(new double[] {4.1, 0.1})), 1e-12, "bin centres");
        assertTrue(!b.exact() && TableIndex.of(new MultiDiscrete(2, 2), 1, 10).exact());
        assertTrue(b.index(new double[] {4.1, 0.1}) != b.index(new double[] {4.1, 0.25}), "another bin, another row");
    }

    @Test
    void compositeSpacesMultiplyAndLimitsAreEnforced() {
        Map<String, Space<?>> parts = new LinkedHashMap<>();
        parts.put("ap", new Discrete(3));
        parts.put("x", new Box(1, 0, 1));
        assertEquals(30, TableIndex.of(new DictSpace(parts), 10, 100).size());
        IllegalArgumentException big = assertThrows(IllegalArgumentException.class, () -> TableIndex.of(new Box(8, 0, 1), 10, 1000));
        assertTrue(big.getMessage().contains("more than maxStates=1000"), big.getMessage());
        IllegalArgumentException open = assertThrows(IllegalArgumentException.class,
                () -> TableIndex.of(new Box(1, 0, Double.POSITIVE_INFINITY), 10, 1000));
        assertTrue(open.getMessage().contains("infinite bounds"), open.getMessage());
    }
}
