package org.nettwin.api.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of a unit as plain data: named numbers, text, flags, arrays, matrices and nested
 * data, stored as a JSON-like tree ({@link #asMap()}) so that the host can move it between
 * machines and give the report exactly what a remote unit would have sent. Non-finite numbers
 * survive the round trip (JSON writes them as the strings {@code "NaN"}, {@code "Infinity"}).
 *
 * @since 0.1
 */
public final class UnitData {

    private final Map<String, Object> values = new LinkedHashMap<>();

    /** Empty data. */
    public UnitData() {
    }

    /**
     * @param tree a JSON-like tree as {@link #asMap()} gives it, or as a JSON parser reads it back
     * @return data over a copy of the tree
     */
    public static UnitData of(Map<String, ?> tree) {
        UnitData d = new UnitData();
        tree.forEach((k, v) -> d.values.put(k, importValue(v)));
        return d;
    }

    private static Object importValue(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, x) -> copy.put(String.valueOf(k), importValue(x)));
            return copy;
        }
        if (v instanceof List<?> l) {
            List<Object> copy = new ArrayList<>(l.size());
            l.forEach(x -> copy.add(importValue(x)));
            return copy;
        }
        if (v instanceof Integer i) {
            return i.longValue();
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        return v;
    }

    /** @return the tree: {@code Double}, {@code Long}, {@code String}, {@code Boolean}, lists and maps of them; unmodifiable */
    public Map<String, Object> asMap() {
        return Collections.unmodifiableMap(values);
    }

    /** @return whether {@code key} has a value */
    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** Sets a number. */
    public UnitData put(String key, double value) {
        values.put(key, value);
        return this;
    }

    /** Sets a whole number. */
    public UnitData put(String key, long value) {
        values.put(key, value);
        return this;
    }

    /** Sets text. */
    public UnitData put(String key, String value) {
        values.put(key, value);
        return this;
    }

    /** Sets a flag. */
    public UnitData put(String key, boolean value) {
        values.put(key, value);
        return this;
    }

    /** Sets an array of numbers (copied). */
    public UnitData put(String key, double[] value) {
        values.put(key, list(value));
        return this;
    }

    /** Sets a matrix (copied), row by row. */
    public UnitData put(String key, double[][] value) {
        List<Object> rows = new ArrayList<>(value.length);
        for (double[] row : value) {
            rows.add(list(row));
        }
        values.put(key, rows);
        return this;
    }

    /** Sets a list of texts (copied). */
    public UnitData putStrings(String key, List<String> value) {
        values.put(key, new ArrayList<Object>(value));
        return this;
    }

    /** Sets nested data. */
    public UnitData put(String key, UnitData value) {
        values.put(key, value.values);
        return this;
    }

    /** Sets a list of nested data. */
    public UnitData putList(String key, List<UnitData> value) {
        List<Object> list = new ArrayList<>(value.size());
        for (UnitData d : value) {
            list.add(d.values);
        }
        values.put(key, list);
        return this;
    }

    private static List<Object> list(double[] value) {
        List<Object> list = new ArrayList<>(value.length);
        for (double v : value) {
            list.add(v);
        }
        return list;
    }

    private Object get(String key) {
        Object v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("no value '" + key + "' in unit data; it has " + values.keySet());
        }
        return v;
    }

    /** @return a number (also a whole number, or a non-finite number written as text) */
    public double getDouble(String key) {
        return number(get(key), key);
    }

    /** @return a whole number */
    public long getLong(String key) {
        Object v = get(key);
        if (v instanceof Number n) {
            return n.longValue();
        }
        throw new IllegalArgumentException("unit data '" + key + "' is not a number: " + v);
    }

    /** @return text */
    public String getString(String key) {
        return String.valueOf(get(key));
    }

    /** @return a flag */
    public boolean getBoolean(String key) {
        return (Boolean) get(key);
    }

    /** @return a list of texts */
    public List<String> getStrings(String key) {
        List<String> out = new ArrayList<>();
        for (Object o : (List<?>) get(key)) {
            out.add(String.valueOf(o));
        }
        return out;
    }

    /** @return an array of numbers */
    public double[] getDoubles(String key) {
        return doubles(get(key), key);
    }

    /** @return a matrix */
    public double[][] getMatrix(String key) {
        List<?> rows = (List<?>) get(key);
        double[][] out = new double[rows.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = doubles(rows.get(i), key + "[" + i + "]");
        }
        return out;
    }

    /** @return nested data */
    @SuppressWarnings("unchecked")
    public UnitData getData(String key) {
        return of((Map<String, ?>) get(key));
    }

    /** @return a list of nested data */
    @SuppressWarnings("unchecked")
    public List<UnitData> getDataList(String key) {
        List<UnitData> out = new ArrayList<>();
        for (Object o : (List<?>) get(key)) {
            out.add(of((Map<String, ?>) o));
        }
        return out;
    }

    private static double[] doubles(Object v, String key) {
        List<?> list = (List<?>) v;
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(list.get(i), key);
        }
        return out;
    }

    private static double number(Object v, String key) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            switch (s) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        throw new IllegalArgumentException("unit data '" + key + "' is not a number: " + v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnitData d && values.equals(d.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
