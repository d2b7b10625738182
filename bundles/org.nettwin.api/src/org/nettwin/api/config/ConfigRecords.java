package org.nettwin.api.config;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The mapping between configuration records and schemas: {@link ConfigSchema#of}, {@link Config#as}. */
final class ConfigRecords {

    private static final Map<Class<?>, ConfigSchema> SCHEMAS = new ConcurrentHashMap<>();

    private ConfigRecords() {
    }

    static ConfigSchema schema(Class<? extends Record> type) {
        return SCHEMAS.computeIfAbsent(type, t -> derive(type));
    }

    private static ConfigSchema derive(Class<? extends Record> type) {
        ConfigSchema.Builder b = ConfigSchema.builder();
        for (RecordComponent c : type.getRecordComponents()) {
            Param p = c.getAnnotation(Param.class);
            if (p == null) {
                throw new IllegalArgumentException(type.getName() + "." + c.getName() + " has no @Param annotation");
            }
            ParameterType pt = typeOf(type, c, p);
            Double min = p.min() == Double.NEGATIVE_INFINITY ? null : p.min();
            Double max = p.max() == Double.POSITIVE_INFINITY ? null : p.max();
            boolean optional = p.value().equals(Param.OPTIONAL);
            if (optional && c.getType().isPrimitive()) {
                throw new IllegalArgumentException(type.getName() + "." + c.getName() + " is optional, so it needs a boxed type, not "
                        + c.getType());
            }
            Object def = optional || p.value().equals(Param.REQUIRED) ? null : parseDefault(type, c, pt, p.value());
            b.add(new Parameter(c.getName(), pt, def, min, max, List.of(p.choices()), p.doc(), optional));
        }
        return b.build().bound(type);
    }

    private static ParameterType typeOf(Class<?> owner, RecordComponent c, Param p) {
        Class<?> t = c.getType();
        if (t == int.class || t == Integer.class) {
            return ParameterType.INT;
        }
        if (t == long.class || t == Long.class) {
            return ParameterType.LONG;
        }
        if (t == double.class || t == Double.class) {
            return ParameterType.DOUBLE;
        }
        if (t == boolean.class || t == Boolean.class) {
            return ParameterType.BOOLEAN;
        }
        if (t == String.class) {
            return p.choices().length > 0 ? ParameterType.CHOICE : ParameterType.STRING;
        }
        if (t == Path.class) {
            return ParameterType.FILE;
        }
        if (t == List.class && c.getGenericType() instanceof ParameterizedType pt) {
            Type element = pt.getActualTypeArguments()[0];
            if (element == Double.class) {
                return ParameterType.DOUBLE_LIST;
            }
            if (element == Integer.class) {
                return ParameterType.INT_LIST;
            }
        }
        if (t == Map.class) {
            return ParameterType.OBJECT;
        }
        throw new IllegalArgumentException(owner.getName() + "." + c.getName() + ": configuration records take int, long, double, "
                + "boolean, String, List<Double>, List<Integer>, Path or Map<String, Object>, not " + c.getGenericType());
    }

    private static Object parseDefault(Class<?> owner, RecordComponent c, ParameterType t, String text) {
        try {
            return switch (t) {
                case INT -> Integer.parseInt(text.replace("_", ""));
                case LONG -> Long.parseLong(text.replace("_", ""));
                case DOUBLE -> Double.parseDouble(text.replace("_", ""));
                case BOOLEAN -> switch (text) {
                    case "true" -> Boolean.TRUE;
                    case "false" -> Boolean.FALSE;
                    default -> throw new IllegalArgumentException("not true or false");
                };
                case STRING, CHOICE -> text;
                case DOUBLE_LIST -> list(text).stream().map(Double::parseDouble).toList();
                case INT_LIST -> list(text).stream().map(Integer::parseInt).toList();
                case OBJECT -> {
                    if (!text.replace(" ", "").equals("{}")) {
                        throw new IllegalArgumentException("only {} (an empty object) can be a default");
                    }
                    yield Map.of();
                }
                case FILE -> throw new IllegalArgumentException("a file cannot have a default; make it OPTIONAL or REQUIRED");
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(owner.getName() + "." + c.getName() + ": default \"" + text + "\" is not a valid "
                    + t.name().toLowerCase(java.util.Locale.ROOT) + ": " + e.getMessage(), e);
        }
    }

    private static List<String> list(String text) {
        String s = text.trim();
        if (!s.startsWith("[") || !s.endsWith("]")) {
            throw new IllegalArgumentException("a list is written [a, b, ...]");
        }
        String inner = s.substring(1, s.length() - 1).trim();
        return inner.isEmpty() ? List.of() : Arrays.stream(inner.split(",")).map(String::trim).toList();
    }

    /**
     * Builds the record from validated values; a {@link ConfigException} of its compact constructor
     * passes through, any other exception becomes one at {@code path}.
     */
    static <R extends Record> R bind(Class<R> type, Map<String, Object> values, String path) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            types[i] = c.getType();
            Object v = values.get(c.getName());
            if (v == null && !values.containsKey(c.getName()) && c.getAnnotation(Param.class) == null) {
                throw new IllegalArgumentException(type.getName() + "." + c.getName() + " has no @Param annotation");
            }
            args[i] = c.getType() == Path.class && v != null ? Path.of((String) v) : v;
        }
        try {
            Constructor<R> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ConfigException ce) {
                throw ce;
            }
            throw new ConfigException(path.isEmpty() ? "config" : path, String.valueOf(cause.getMessage()));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build configuration record " + type.getName() + ": " + e, e);
        }
    }

    /** @return the problems of a record's own rules, paths prefixed with {@code prefix} */
    static List<ConfigException.Problem> rules(Class<? extends Record> type, Map<String, Object> values, String prefix) {
        List<ConfigException.Problem> problems = new ArrayList<>();
        try {
            bind(type, values, prefix);
        } catch (ConfigException e) {
            for (ConfigException.Problem p : e.problems()) {
                String path = prefix.isEmpty() ? p.path() : p.path().startsWith(prefix) ? p.path() : prefix + "." + p.path();
                problems.add(new ConfigException.Problem(path, p.message()));
            }
        }
        return problems;
    }
}
