package org.nettwin.api.space;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A composite space of named sub-spaces in a fixed order (Gymnasium's {@code Dict}). Values are
 * maps from the same names to sub-space values; flattening concatenates the parts in order.
 *
 * @since 0.1
 */
public final class DictSpace implements Space<Map<String, Object>> {

    private final Map<String, Space<?>> parts;
    private final int flatSize;
    private final int encodedSize;

    /** @param parts named sub-spaces, in the order they are flattened */
    public DictSpace(Map<String, ? extends Space<?>> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("DictSpace needs at least one part");
        }
        this.parts = Collections.unmodifiableMap(new LinkedHashMap<>(parts));
        int flat = 0;
        int encoded = 0;
        for (Space<?> s : this.parts.values()) {
            flat += s.flatSize();
            encoded += s.encodedSize();
        }
        this.flatSize = flat;
        this.encodedSize = encoded;
    }

    /** @return the named parts, in order */
    public Map<String, Space<?>> parts() {
        return parts;
    }

    @Override
    public Map<String, Object> sample(RandomGenerator random) {
        Map<String, Object> v = new LinkedHashMap<>();
        parts.forEach((name, s) -> v.put(name, s.sample(random)));
        return v;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public boolean contains(Map<String, Object> value) {
        if (value == null || !value.keySet().equals(parts.keySet())) {
            return false;
        }
        for (Map.Entry<String, Space<?>> e : parts.entrySet()) {
            Object part = value.get(e.getKey());
            try {
                if (part == null || !((Space) e.getValue()).contains(part)) {
                    return false;
                }
            } catch (ClassCastException wrongType) {
                return false;
            }
        }
        return true;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Class<Map<String, Object>> valueType() {
        return (Class) Map.class;
    }

    @Override
    public String describe() {
        StringBuilder sb = new StringBuilder("Dict(");
        parts.forEach((name, s) -> sb.append(sb.length() > 5 ? ", " : "").append(name).append(": ").append(s.describe()));
        return sb.append(')').toString();
    }

    @Override
    public int flatSize() {
        return flatSize;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void flatten(Map<String, Object> value, double[] out, int offset) {
        int o = offset;
        for (Map.Entry<String, Space<?>> e : parts.entrySet()) {
            ((Space) e.getValue()).flatten(value.get(e.getKey()), out, o);
            o += e.getValue().flatSize();
        }
    }

    @Override
    public Map<String, Object> unflatten(double[] in, int offset) {
        Map<String, Object> v = new LinkedHashMap<>();
        int o = offset;
        for (Map.Entry<String, Space<?>> e : parts.entrySet()) {
            v.put(e.getKey(), e.getValue().unflatten(in, o));
            o += e.getValue().flatSize();
        }
        return v;
    }

    @Override
    public int encodedSize() {
        return encodedSize;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void encode(Map<String, Object> value, double[] out, int offset) {
        int o = offset;
        for (Map.Entry<String, Space<?>> e : parts.entrySet()) {
            ((Space) e.getValue()).encode(value.get(e.getKey()), out, o);
            o += e.getValue().encodedSize();
        }
    }

    @Override
    public Map<String, Object> decode(double[] in, int offset) {
        Map<String, Object> v = new LinkedHashMap<>();
        int o = offset;
        for (Map.Entry<String, Space<?>> e : parts.entrySet()) {
            v.put(e.getKey(), e.getValue().decode(in, o));
            o += e.getValue().encodedSize();
        }
        return v;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Map<String, Object> copy(Map<String, Object> value) {
        Map<String, Object> v = new LinkedHashMap<>();
        parts.forEach((name, s) -> v.put(name, ((Space) s).copy(value.get(name))));
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DictSpace d && parts.equals(d.parts);
    }

    @Override
    public int hashCode() {
        return parts.hashCode();
    }

    @Override
    public String toString() {
        return describe();
    }
}
