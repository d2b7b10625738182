package org.nettwin.api.config;

import java.util.ArrayList;
import java.util.List;

/** Checks and converts raw JSON-like values to a parameter's Java type. */
final class ParameterCoercion {

    private ParameterCoercion() {
    }

    /** @return a message describing why {@code value} is not acceptable, or {@code null} */
    static String problem(Parameter p, Object value) {
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
        };
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

    static Object coerce(Parameter p, Object value) {
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
            default -> value;
        };
    }
}
