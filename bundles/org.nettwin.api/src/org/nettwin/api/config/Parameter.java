package org.nettwin.api.config;

import java.util.List;
import java.util.Objects;

/**
 * One configuration parameter: name, type, default, bounds, allowed choices and documentation.
 *
 * @param name         field name as written in experiment files
 * @param type         value type
 * @param defaultValue default value, or {@code null} when the parameter is required
 * @param min          inclusive lower bound for numbers (each element for lists), or {@code null}
 * @param max          inclusive upper bound for numbers (each element for lists), or {@code null}
 * @param choices      allowed values of a {@link ParameterType#CHOICE}, otherwise empty
 * @param description  what it means, with its unit and source
 * @since 0.1
 */
public record Parameter(String name, ParameterType type, Object defaultValue, Double min, Double max,
        List<String> choices, String description) {

    /** Validates the definition itself. */
    public Parameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        choices = List.copyOf(choices);
        description = description == null ? "" : description;
        if (type == ParameterType.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("choice parameter '" + name + "' needs choices");
        }
    }

    /** @return whether the parameter must be given */
    public boolean required() {
        return defaultValue == null;
    }

    /** @return the allowed range or set, for messages, e.g. {@code [1, 100]} or {@code one of a, b} */
    public String allowed() {
        if (type == ParameterType.CHOICE) {
            return "one of " + String.join(", ", choices);
        }
        if (type == ParameterType.BOOLEAN) {
            return "true or false";
        }
        if (min == null && max == null) {
            return switch (type) {
                case INT, LONG -> "a whole number";
                case DOUBLE -> "a finite number";
                case DOUBLE_LIST -> "an array of finite numbers";
                case INT_LIST -> "an array of whole numbers";
                default -> "text";
            };
        }
        String what = type == ParameterType.DOUBLE_LIST || type == ParameterType.INT_LIST ? "an array with elements in " : "";
        return what + "[" + (min == null ? "-inf" : fmt(min)) + ", " + (max == null ? "inf" : fmt(max)) + "]";
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
