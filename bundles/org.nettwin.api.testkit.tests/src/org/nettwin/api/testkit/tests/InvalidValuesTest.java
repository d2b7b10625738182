package org.nettwin.api.testkit.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nettwin.api.space.Box;
import org.nettwin.api.space.DictSpace;
import org.nettwin.api.space.Discrete;
import org.nettwin.api.space.MultiDiscrete;
import org.nettwin.api.space.Simplex;
import org.nettwin.api.space.Space;
import org.nettwin.api.testkit.InvalidValues;

class InvalidValuesTest {

    static Stream<Space<?>> spaces() {
        Map<String, Space<?>> inner = new LinkedHashMap<>();
        inner.put("share", new Simplex(2));
        inner.put("slot", new Discrete(4, 1));
        Map<String, Space<?>> outer = new LinkedHashMap<>();
        outer.put("cell", new Discrete(3));
        outer.put("power", new Box(new double[] {0, Double.NEGATIVE_INFINITY}, new double[] {Double.POSITIVE_INFINITY, 2}));
        outer.put("nested", new DictSpace(inner));
        return Stream.of(new Discrete(1), new Discrete(4), new Discrete(5, -3), new MultiDiscrete(3, 2), new MultiDiscrete(7),
                new Box(2, -1, 1), new Box(1, 0, Double.MAX_VALUE), new Box(3, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY),
                new Simplex(1), new Simplex(2), new Simplex(5), new DictSpace(outer));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static boolean contains(Space space, Object value) {
        return value != null && space.contains(value);
    }

    @ParameterizedTest
    @MethodSource("spaces")
    void everyCaseIsOutsideTheSpace(Space<?> space) {
        List<InvalidValues.Case> cases = InvalidValues.of(space);
        assertTrue(cases.size() >= 3, "several cases for " + space.describe());
        for (InvalidValues.Case c : cases) {
            assertFalse(contains(space, c.value()), () -> space.describe() + " must not contain the case " + c.description());
        }
        InvalidValues.Case last = cases.get(cases.size() - 1);
        assertEquals("null", last.description());
        assertNull(last.value());
        assertEquals(cases.size(), new HashSet<>(cases.stream().map(InvalidValues.Case::description).toList()).size(),
                "descriptions tell the cases apart: " + cases);
    }

    @ParameterizedTest
    @MethodSource("spaces")
    void theCasesAreTheSameOnEveryCall(Space<?> space) {
        List<String> first = InvalidValues.of(space).stream().map(c -> c.description() + "=" + render(c.value())).toList();
        List<String> second = InvalidValues.of(space).stream().map(c -> c.description() + "=" + render(c.value())).toList();
        assertEquals(first, second);
    }

    private static String render(Object v) {
        if (v instanceof double[] d) {
            return java.util.Arrays.toString(d);
        }
        if (v instanceof int[] i) {
            return java.util.Arrays.toString(i);
        }
        if (v instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder();
            m.forEach((k, x) -> sb.append(k).append(':').append(render(x)).append(';'));
            return sb.toString();
        }
        return String.valueOf(v);
    }

    private static Object value(List<InvalidValues.Case> cases, String descriptionStart) {
        return cases.stream().filter(c -> c.description().startsWith(descriptionStart)).findFirst()
                .orElseThrow(() -> new AssertionError("no case '" + descriptionStart + "' in " + cases)).value();
    }

    @Test
    void discreteCasesAreJustOutsideTheRange() {
        List<InvalidValues.Case> cases = InvalidValues.of(new Discrete(5, -3));
        assertEquals(2, value(cases, "one above"));
        assertEquals(-4, value(cases, "one below"));
        assertEquals(3, cases.size());
        List<InvalidValues.Case> extreme = InvalidValues.of(new Discrete(2, Integer.MAX_VALUE - 1));
        assertEquals(List.of("one below the smallest value", "null"), extreme.stream().map(InvalidValues.Case::description).toList(),
                "no case where start + n overflows an int");
    }

    @Test
    void boxCasesBreakOneThingEach() {
        Box box = new Box(2, -1, 1);
        List<InvalidValues.Case> cases = InvalidValues.of(box);
        Function<Object, double[]> arr = o -> ((double[]) o).clone();
        double[] above = arr.apply(value(cases, "coordinate 0 above"));
        assertTrue(above[0] > 1);
        above[0] = 0;
        assertTrue(box.contains(above), "only coordinate 0 is wrong");
        double[] below = arr.apply(value(cases, "coordinate 0 below"));
        assertTrue(below[0] < -1);
        double[] nan = arr.apply(value(cases, "NaN"));
        assertTrue(Double.isNaN(nan[0]));
        nan[0] = 0.5;
        assertTrue(box.contains(nan), "only the NaN is wrong");
        double[] inf = arr.apply(value(cases, "infinite"));
        assertEquals(Double.POSITIVE_INFINITY, inf[1]);
        assertEquals(3, ((double[]) value(cases, "one coordinate too many")).length);
        assertEquals(1, ((double[]) value(cases, "one coordinate too few")).length);

        List<InvalidValues.Case> huge = InvalidValues.of(new Box(1, 0, Double.MAX_VALUE));
        assertEquals(Double.POSITIVE_INFINITY, ((double[]) value(huge, "coordinate 0 above"))[0], "nothing finite is above MAX_VALUE");
        List<String> unbounded = InvalidValues.of(new Box(3, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)).stream()
                .map(InvalidValues.Case::description).toList();
        assertFalse(unbounded.stream().anyMatch(d -> d.contains("bound")), "no bound to cross: " + unbounded);
        assertTrue(unbounded.contains("NaN in coordinate 0"));
        assertTrue(unbounded.contains("infinite coordinate 2"));
    }

    @Test
    void simplexCasesCoverSumSignNaNAndLength() {
        Simplex s = new Simplex(3);
        List<InvalidValues.Case> cases = InvalidValues.of(s);
        assertEquals(2.0, sum((double[]) value(cases, "shares summing to 2")), 1e-12);
        double slightly = sum((double[]) value(cases, "shares summing to 1.001"));
        assertTrue(Math.abs(slightly - 1) > Simplex.TOLERANCE, "beyond the tolerance: " + slightly);
        double[] negative = (double[]) value(cases, "a negative share");
        assertEquals(1.0, sum(negative), 1e-12, "the sum is right, only the sign is wrong");
        assertTrue(negative[0] < 0);
        assertTrue(Double.isNaN(((double[]) value(cases, "NaN share"))[0]));
        assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25}, (double[]) value(cases, "one share too many"));
        assertArrayEquals(new double[] {-1.0}, (double[]) value(InvalidValues.of(new Simplex(1)), "a negative share"));
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }

    @Test
    @SuppressWarnings("unchecked")
    void dictCasesMissExtendAndBreakEachPart() {
        DictSpace space = (DictSpace) spaces().filter(s -> s instanceof DictSpace).findFirst().orElseThrow();
        List<InvalidValues.Case> cases = InvalidValues.of(space);
        Map<String, Object> missing = (Map<String, Object>) value(cases, "key 'cell' missing");
        assertEquals(List.of("power", "nested"), List.copyOf(missing.keySet()));
        Map<String, Object> extra = (Map<String, Object>) value(cases, "extra key 'unexpected'");
        assertEquals(List.of("cell", "power", "nested", "unexpected"), List.copyOf(extra.keySet()));
        Map<String, Object> nestedNaN = (Map<String, Object>) value(cases, "part 'nested': part 'share': NaN share");
        Map<String, Object> inner = (Map<String, Object>) nestedNaN.get("nested");
        assertTrue(Double.isNaN(((double[]) inner.get("share"))[0]));
        assertTrue(new Simplex(2).contains(new double[] {0.5, 0.5}));
        Map<String, Object> repaired = new LinkedHashMap<>(inner);
        repaired.put("share", new double[] {0.5, 0.5});
        assertTrue(((DictSpace) space.parts().get("nested")).contains(repaired), "only the NaN share is wrong");
        assertTrue(cases.stream().anyMatch(c -> c.description().equals("part 'power': coordinate 0 below its lower bound 0.0")));
        assertTrue(cases.stream().anyMatch(c -> c.description().equals("part 'cell': null")));
    }
}
