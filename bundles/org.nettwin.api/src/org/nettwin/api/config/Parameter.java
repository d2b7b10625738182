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
 * @param optional     whether it may be left out although it has no default (its value is then
 *                     absent: {@link Config#has} is false; e.g. a default derived from other values)
 * @since 0.1
 */
public record Parameter(String name, ParameterType type, Object defaultValue, Double min, Double max,
        List<String> choices, String description, boolean optional) {

    /** Validates the definition itself. */
    public Parameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        choices = List.copyOf(choices);
        description = description == null ? "" : description;
        if (type == ParameterType.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("choice parameter '" + name + "' needs choices");
        }
        if (optional && defaultValue != null) {
            throw new IllegalArgumentException("parameter '" + name + "' is optional, so it has no default");
        }
    }

    /** A parameter that is required when {@code defaultValue} is {@code null}. */
    public Parameter(String name, ParameterType type, Object defaultValue, Double min, Double max, List<String> choices, String description) {
        this(name, type, defaultValue, min, max, choices, description, false);
    }

    /** @return whether the parameter must be given */
    public boolean required() {
        return defaultValue == null && !optional;
    }

    /** @return the allowed range or set, for messages, e.g. {@code [1, 100]} or {@code one of a, b} */
    public String allowed() {
        if (type == ParameterType.CHOICE) {
            return "one of " + String.join(", ", choices);
        }
        if (type == ParameterType.BOOLEAN) {
            return "true or false";
        }
        if (type == ParameterType.FILE) {
            return choices.isEmpty() ? "a file name (relative to the experiment file)"
                    : "a " + String.join(" or ", choices) + " file name (relative to the experiment file)";
        }
        if (type == ParameterType.OBJECT) {
            return "an object";
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
