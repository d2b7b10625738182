package org.nettwin.api.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validated configuration values, produced by {@link ConfigSchema#validate}. Every parameter of
 * the schema has a value of its declared Java type ({@code Integer}, {@code Long}, {@code Double},
 * {@code Boolean}, {@code String}, {@code List<Double>}, {@code List<Integer>}).
 *
 * @since 0.1
 */
public final class Config {

    private final Map<String, Object> values;
    /** Optional parameters of the schema that were left out. */
    private final java.util.Set<String> absent;

    Config(Map<String, Object> values, java.util.Set<String> absent) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.absent = java.util.Set.copyOf(absent);
    }

    /** @return all values by name, in schema order (for writing the resolved configuration) */
    public Map<String, Object> asMap() {
        return values;
    }

    private Object get(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException(absent.contains(name) ? "optional parameter '" + name + "' was left out (ask has(\"" + name
                    + "\") first)" : "no configuration parameter '" + name + "'; known: " + values.keySet());
        }
        return v;
    }

    /**
     * Binds the values to a configuration record (see {@link Param}): each component gets the
     * value of its name; optional parameters left out are {@code null}.
     *
     * @throws ConfigException if the record's own rules refuse the values
     */
    public <R extends Record> R as(Class<R> type) {
        return ConfigRecords.bind(type, values, "");
    }

    /** @return whether {@code name} has a value: always for parameters with defaults, for optional ones only when given */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** @return the named FILE parameter: an absolute path of an existing file */
    public java.nio.file.Path getPath(String name) {
        return java.nio.file.Path.of((String) get(name));
    }

    /** @return the named OBJECT parameter, unmodifiable, keys in the file's order */
    @SuppressWarnings("unchecked")
    public Map<String, Object> getObject(String name) {
        return (Map<String, Object>) get(name);
    }

    /** @return the named INT parameter */
    public int getInt(String name) {
        return (Integer) get(name);
    }

    /** @return the named LONG parameter */
    public long getLong(String name) {
        return ((Number) get(name)).longValue();
    }

    /** @return the named DOUBLE parameter */
    public double getDouble(String name) {
        return (Double) get(name);
    }

    /** @return the named BOOLEAN parameter */
    public boolean getBoolean(String name) {
        return (Boolean) get(name);
    }

    /** @return the named LONG parameter, or {@code otherwise} when the optional parameter was left out */
    public long getLong(String name, long otherwise) {
        return has(name) ? getLong(name) : otherwise;
    }

    /** @return the named STRING or CHOICE parameter */
    public String getString(String name) {
        return (String) get(name);
    }

    /** @return the named DOUBLE_LIST parameter as an array */
    @SuppressWarnings("unchecked")
    public double[] getDoubles(String name) {
        List<Double> list = (List<Double>) get(name);
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i);
        }
        return out;
    }

    /** @return the named INT_LIST parameter as an array */
    @SuppressWarnings("unchecked")
    public int[] getInts(String name) {
        List<Integer> list = (List<Integer>) get(name);
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Config c && values.equals(c.values);
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
