package org.nettwin.api.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import org.nettwin.api.Seeds;
import org.nettwin.api.space.Box;
import org.nettwin.api.space.DictSpace;
import org.nettwin.api.space.Discrete;
import org.nettwin.api.space.MultiDiscrete;
import org.nettwin.api.space.Simplex;
import org.nettwin.api.space.Space;

/**
 * Values just outside a space, of the kinds an environment must refuse: out of range, wrong
 * length, not finite, shares that do not sum to 1, missing or extra keys, and {@code null}.
 * {@link EnvironmentConformance} steps environments with them; plugin authors can use them to
 * test their own validation (e.g. of configuration or policy outputs).
 *
 * <p>The values are built from a fixed-seed sample of the space, so every call returns the same
 * cases. Each case is a fresh object the caller may keep or modify.
 *
 * @since 0.1
 */
public final class InvalidValues {

    /** The name {@link #of} gives an added key of a {@link DictSpace}, suffixed if the space has that key. */
    static final String EXTRA_KEY = "unexpected";

    private InvalidValues() {
    }

    /**
     * One value outside a space.
     *
     * @param description what is wrong with it, e.g. {@code "one above the largest value"}
     * @param value       the value (of the space's Java type where possible; {@code null} for
     *                    the null case)
     * @since 0.1
     */
    public record Case(String description, Object value) {
    }

    /**
     * @return values outside {@code space}, each with a description; the last case is {@code null}.
     *         For every case {@code space.contains(value)} is false.
     */
    public static List<Case> of(Space<?> space) {
        List<Case> cases = new ArrayList<>();
        add(space, Seeds.generator(Seeds.derive(0x5EED, "testkit/invalid-values")), cases);
        cases.add(new Case("null", null));
        return cases;
    }

    private static void add(Space<?> space, RandomGenerator random, List<Case> out) {
        switch (space) {
            case Discrete d -> discrete(d, out);
            case MultiDiscrete m -> multiDiscrete(m, random, out);
            case Box b -> box(b, random, out);
            case Simplex s -> simplex(s, out);
            case DictSpace d -> dict(d, random, out);
        }
    }

    private static void discrete(Discrete d, List<Case> out) {
        long above = (long) d.start() + d.n();
        if (above <= Integer.MAX_VALUE) {
            out.add(new Case("one above the largest value", (int) above));
        }
        if (d.start() > Integer.MIN_VALUE) {
            out.add(new Case("one below the smallest value", d.start() - 1));
        }
    }

    private static void multiDiscrete(MultiDiscrete m, RandomGenerator random, List<Case> out) {
        int last = m.length() - 1;
        int[] tooLarge = m.sample(random);
        tooLarge[0] = m.size(0);
        out.add(new Case("component 0 equal to its number of choices", tooLarge));
        int[] negative = m.sample(random);
        negative[last] = -1;
        out.add(new Case("component " + last + " negative", negative));
        out.add(new Case("one component too many", Arrays.copyOf(m.sample(random), m.length() + 1)));
        out.add(new Case("one component too few", Arrays.copyOf(m.sample(random), last)));
    }

    private static void box(Box b, RandomGenerator random, List<Case> out) {
        int n = b.dimension();
        for (int i = 0; i < n; i++) {
            if (Double.isFinite(b.high(i))) {
                double[] v = b.sample(random);
                v[i] = above(b.high(i));
                out.add(new Case("coordinate " + i + " above its upper bound " + b.high(i), v));
                break;
            }
        }
        for (int i = 0; i < n; i++) {
            if (Double.isFinite(b.low(i))) {
                double[] v = b.sample(random);
                v[i] = -above(-b.low(i));
                out.add(new Case("coordinate " + i + " below its lower bound " + b.low(i), v));
                break;
            }
        }
        double[] nan = b.sample(random);
        nan[0] = Double.NaN;
        out.add(new Case("NaN in coordinate 0", nan));
        double[] infinite = b.sample(random);
        infinite[n - 1] = Double.POSITIVE_INFINITY;
        out.add(new Case("infinite coordinate " + (n - 1), infinite));
        out.add(new Case("one coordinate too many", Arrays.copyOf(b.sample(random), n + 1)));
        out.add(new Case("one coordinate too few", Arrays.copyOf(b.sample(random), n - 1)));
    }

    /** @return a finite number clearly above {@code x}, or +infinity if none exists */
    private static double above(double x) {
        double v = x + Math.max(1.0, Math.abs(x));
        return v > x ? v : Math.nextUp(x);
    }

    private static void simplex(Simplex s, List<Case> out) {
        int n = s.n();
        double[] twice = new double[n];
        Arrays.fill(twice, 2.0 / n);
        out.add(new Case("shares summing to 2", twice));
        double[] slightly = new double[n];
        Arrays.fill(slightly, 1.001 / n);
        out.add(new Case("shares summing to 1.001", slightly));
        double[] negative = new double[n];
        if (n == 1) {
            negative[0] = -1.0;
        } else {
            negative[0] = -0.25;
            negative[1] = 1.25;
        }
        out.add(new Case(n == 1 ? "a negative share" : "a negative share, the shares summing to 1", negative));
        double[] nan = new double[n];
        Arrays.fill(nan, 1.0 / n);
        nan[0] = Double.NaN;
        out.add(new Case("NaN share", nan));
        double[] longer = new double[n + 1];
        Arrays.fill(longer, 1.0 / (n + 1));
        out.add(new Case("one share too many", longer));
    }

    @SuppressWarnings("unchecked")
    private static void dict(DictSpace d, RandomGenerator random, List<Case> out) {
        Map<String, Object> base = d.sample(random);
        String firstKey = base.keySet().iterator().next();
        Map<String, Object> missing = new LinkedHashMap<>(base);
        missing.remove(firstKey);
        out.add(new Case("key '" + firstKey + "' missing", missing));
        String extraKey = EXTRA_KEY;
        while (base.containsKey(extraKey)) {
            extraKey = extraKey + "_";
        }
        Map<String, Object> extra = new LinkedHashMap<>(d.sample(random));
        extra.put(extraKey, ((Space<Object>) d.parts().get(firstKey)).sample(random));
        out.add(new Case("extra key '" + extraKey + "'", extra));
        for (Map.Entry<String, Space<?>> part : d.parts().entrySet()) {
            List<Case> inner = new ArrayList<>();
            add(part.getValue(), random, inner);
            inner.add(new Case("null", null));
            for (Case c : inner) {
                Map<String, Object> v = new LinkedHashMap<>(d.sample(random));
                v.put(part.getKey(), c.value());
                out.add(new Case("part '" + part.getKey() + "': " + c.description(), v));
            }
        }
    }
}
