package org.nettwin.api.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks and converts raw JSON-like values to a parameter's Java type. */
final class ParameterCoercion {

    private ParameterCoercion() {
    }

    /**
     * @param base the folder relative names of {@link ParameterType#FILE} values are resolved
     *             against (the experiment file's), or {@code null} for the working directory
     * @return a message describing why {@code value} is not acceptable, or {@code null}
     */
    static String problem(Parameter p, Object value, Path base) {
        return switch (p.type()) {
            case INT, LONG -> {
                if (!(value instanceof Number n) || !isWhole(n) || (p.type() == ParameterType.INT && !fitsInt(n))) {
                    yield "must be " + p.allowed() + ", got " + render(value);
                }
                yield rangeProblem(p, n.doubleValue(), value);
            }
            case DOUBLE -> value instanceof Number n && Double.isFinite(n.doubleValue())
                    ? rangeProblem(p, n.doubleValue(), value)
                    : "must be " + p.allowed() + ", got " + render(value);
            case BOOLEAN -> value instanceof Boolean ? null : "must be true or false, got " + render(value);
            case STRING -> value instanceof String ? null : "must be text, got " + render(value);
            case CHOICE -> value instanceof String s && p.choices().contains(s) ? null
                    : "must be " + p.allowed() + ", got " + render(value);
            case DOUBLE_LIST, INT_LIST -> listProblem(p, value);
            case FILE -> fileProblem(p, value, base);
            case OBJECT -> value instanceof Map<?, ?> m && m.keySet().stream().allMatch(String.class::isInstance) ? null
                    : "must be an object, got " + render(value);
        };
    }

    private static String fileProblem(Parameter p, Object value, Path base) {
        if (!(value instanceof String name) || name.isBlank()) {
            return "must be " + p.allowed() + ", got " + render(value);
        }
        if (!p.choices().isEmpty() && p.choices().stream().noneMatch(name::endsWith)) {
            return "must be " + p.allowed() + ", got " + render(value);
        }
        Path file;
        try {
            file = resolve(name, base);
        } catch (java.nio.file.InvalidPathException e) {
            return "is not a valid file name: " + render(value);
        }
        if (Files.isDirectory(file)) {
            return "names a folder, not a file: " + file;
        }
        if (!Files.isRegularFile(file)) {
            return "no such file: " + file;
        }
        if (!Files.isReadable(file)) {
            return "cannot be read (permission denied): " + file;
        }
        return null;
    }

    private static Path resolve(String name, Path base) {
        Path file = Path.of(name);
        return (base == null ? file : base.resolve(file)).toAbsolutePath().normalize();
    }
    private static String listProblem(Parameter p, Object value) {
        if (!(value instanceof List<?> list)) {
            return "must be " + p.allowed() + ", got " + render(value);
        }
        for (int i = 0; i < list.size(); i++) {
            Object e = list.get(i);
            boolean ok = e instanceof Number n && Double.isFinite(n.doubleValue())
                    && (p.type() == ParameterType.DOUBLE_LIST || isWhole(n) && fitsInt(n));
            if (!ok) {
                return "element " + i + " must be a " + (p.type() == ParameterType.INT_LIST ? "whole number" : "finite number")
                        + ", got " + render(e);
            }
            String range = rangeProblem(p, ((Number) e).doubleValue(), e);
            if (range != null) {
                return "element " + i + " " + range;
            }
        }
        return null;
    }

    private static String rangeProblem(Parameter p, double v, Object raw) {
        if ((p.min() != null && v < p.min()) || (p.max() != null && v > p.max())) {
            String allowed = p.allowed();
            int bracket = allowed.indexOf('[');
            return "must be in " + allowed.substring(bracket) + ", got " + render(raw);
        }
        return null;
    }

    private static boolean isWhole(Number n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            return true;
        }
        if (n instanceof java.math.BigInteger b) {
            return b.bitLength() < 64;
        }
        double d = n.doubleValue();
        return Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 9.0e15;
    }

    private static boolean fitsInt(Number n) {
        double d = n.doubleValue();
        return d >= Integer.MIN_VALUE && d <= Integer.MAX_VALUE;
    }

    static String render(Object value) {
        return value instanceof String s ? '"' + s + '"' : String.valueOf(value);
    }

    static Object coerce(Parameter p, Object value, Path base) {
        return switch (p.type()) {
            case INT -> ((Number) value).intValue();
            case LONG -> ((Number) value).longValue();
            case DOUBLE -> ((Number) value).doubleValue();
            case DOUBLE_LIST -> {
                List<Double> out = new ArrayList<>();
                for (Object e : (List<?>) value) {
                    out.add(((Number) e).doubleValue());
                }
                yield List.copyOf(out);
            }
            case INT_LIST -> {
                List<Integer> out = new ArrayList<>();
                for (Object e : (List<?>) value) {
                    out.add(((Number) e).intValue());
                }
                yield List.copyOf(out);
            }
            case FILE -> resolve((String) value, base).toString();
            case OBJECT -> deepCopy(value);
            default -> value;
        };
    }

    /** An unmodifiable copy of a JSON-like tree, keeping the order of object keys. */
    private static Object deepCopy(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put((String) k, deepCopy(v)));
            return Collections.unmodifiableMap(out);
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(v -> out.add(deepCopy(v)));
            return Collections.unmodifiableList(out);
        }
        return value;
    }
}
