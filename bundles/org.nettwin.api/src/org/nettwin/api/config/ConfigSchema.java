package org.nettwin.api.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The typed parameters a plugin accepts. {@link #validate} turns raw values (as parsed from an
 * experiment file) into a {@link Config}, applying defaults and reporting every problem with the
 * field's path and allowed range.
 *
 * @since 0.1
 */
public final class ConfigSchema {

    /** A schema without parameters. */
    public static final ConfigSchema EMPTY = builder().build();

    private final Map<String, Parameter> parameters;
    /** The configuration record whose rules {@link #validate} also checks, or {@code null}. */
    private final Class<? extends Record> recordType;

    private ConfigSchema(Map<String, Parameter> parameters, Class<? extends Record> recordType) {
        this.parameters = Collections.unmodifiableMap(parameters);
        this.recordType = recordType;
    }

    /**
     * The schema of a configuration record: one parameter per component, declared by its
     * {@link Param} annotation. {@link #validate} then also applies the record's own rules (its
     * compact constructor).
     *
     * @throws IllegalArgumentException for a component without {@link Param}, of an unsupported
     *                                  type, or with a default that does not fit
     */
    public static ConfigSchema of(Class<? extends Record> type) {
        return ConfigRecords.schema(type);
    }

    ConfigSchema bound(Class<? extends Record> type) {
        return new ConfigSchema(parameters, type);
    }

    /**
     * @return this schema with one more parameter (last), still checking the same record's rules
     * @throws IllegalArgumentException if the name is taken
     */
    public ConfigSchema plus(Parameter p) {
        if (parameters.containsKey(p.name())) {
            throw new IllegalArgumentException("parameter '" + p.name() + "' defined twice");
        }
        Map<String, Parameter> more = new LinkedHashMap<>(parameters);
        more.put(p.name(), p);
        return new ConfigSchema(more, recordType);
    }

    /** @return the configuration record this schema was derived from, or {@code null} */
    public Class<? extends Record> recordType() {
        return recordType;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the parameters by name, in declaration order */
    public Map<String, Parameter> parameters() {
        return parameters;
    }

    /** @return a config of the defaults; fails if any parameter is required */
    public Config defaults() {
        return validate(Map.of(), "");
    }

    /**
     * Validates {@code raw} values.
     *
     * @param raw  values by name: {@code Number}, {@code Boolean}, {@code String} or {@code List}
     *             of numbers, as a JSON parser produces them
     * @param path the path of the enclosing object, used as a prefix in messages (e.g.
     *             {@code scenario.config}); may be empty
     * @throws ConfigException listing every problem found
     */
    public Config validate(Map<String, ?> raw, String path) {
        return validate(raw, path, null);
    }

    /**
     * Validates {@code raw} values, resolving {@link ParameterType#FILE} values against {@code base}.
     *
     * @param base the folder file names are relative to (an experiment file's folder), or
     *             {@code null} for the working directory
     * @throws ConfigException listing every problem found
     */
    public Config validate(Map<String, ?> raw, String path, java.nio.file.Path base) {
        List<ConfigException.Problem> problems = new ArrayList<>();
        String prefix = path == null || path.isEmpty() ? "" : path + ".";
        for (String key : raw.keySet()) {
            if (!parameters.containsKey(key)) {
                problems.add(new ConfigException.Problem(prefix + key,
                        "unknown field; known fields: " + (parameters.isEmpty() ? "(none)" : String.join(", ", parameters.keySet()))));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        java.util.Set<String> absent = new java.util.HashSet<>();
        for (Parameter p : parameters.values()) {
            Object value = raw.get(p.name());
            if (value == null) {
                if (p.required()) {
                    problems.add(new ConfigException.Problem(prefix + p.name(), "is required (" + p.allowed() + ")"));
                    continue;
                }
                if (p.optional()) {
                    absent.add(p.name());
                    continue;
                }
                value = p.defaultValue();
            }
            String problem = ParameterCoercion.problem(p, value, base);
            if (problem != null) {
                problems.add(new ConfigException.Problem(prefix + p.name(), problem));
            } else {
                values.put(p.name(), ParameterCoercion.coerce(p, value, base));
            }
        }
        if (problems.isEmpty() && recordType != null) {
            problems.addAll(ConfigRecords.rules(recordType, values, path == null ? "" : path));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new Config(values, absent);
    }

    /** Builds a schema, one parameter at a time. */
    public static final class Builder {
        private final Map<String, Parameter> parameters = new LinkedHashMap<>();

        private Builder() {
        }

        /** Adds any parameter. */
        public Builder add(Parameter p) {
            if (parameters.putIfAbsent(p.name(), p) != null) {
                throw new IllegalArgumentException("parameter '" + p.name() + "' defined twice");
            }
            if (p.defaultValue() != null && p.type() != ParameterType.FILE) {
                String problem = ParameterCoercion.problem(p, p.defaultValue(), null);
                if (problem != null) {
                    throw new IllegalArgumentException("default of parameter '" + p.name() + "' " + problem);
                }
            }
            return this;
        }

        /** An integer in {@code [min, max]}. */
        public Builder intParam(String name, int def, int min, int max, String description) {
            return add(new Parameter(name, ParameterType.INT, def, (double) min, (double) max, List.of(), description));
        }

        /** A long in {@code [min, max]}. */
        public Builder longParam(String name, long def, long min, long max, String description) {
            return add(new Parameter(name, ParameterType.LONG, def, (double) min, (double) max, List.of(), description));
        }

        /** A real number in {@code [min, max]}. */
        public Builder doubleParam(String name, double def, double min, double max, String description) {
            return add(new Parameter(name, ParameterType.DOUBLE, def, min, max, List.of(), description));
        }

        /** A boolean. */
        public Builder boolParam(String name, boolean def, String description) {
            return add(new Parameter(name, ParameterType.BOOLEAN, def, null, null, List.of(), description));
        }

        /** Free text. */
        public Builder stringParam(String name, String def, String description) {
            return add(new Parameter(name, ParameterType.STRING, def, null, null, List.of(), description));
        }

        /** One of {@code choices}. */
        public Builder choiceParam(String name, String def, List<String> choices, String description) {
            return add(new Parameter(name, ParameterType.CHOICE, def, null, null, choices, description));
        }

        /** An array of numbers, each in {@code [min, max]}. */
        public Builder doubleListParam(String name, List<Double> def, double min, double max, String description) {
            return add(new Parameter(name, ParameterType.DOUBLE_LIST, def, min, max, List.of(), description));
        }

        /** An array of integers, each in {@code [min, max]}. */
        public Builder intListParam(String name, List<Integer> def, int min, int max, String description) {
            return add(new Parameter(name, ParameterType.INT_LIST, def, (double) min, (double) max, List.of(), description));
        }

        /** A required whole number in {@code [min, max]} (no default: an experiment file must give it). */
        public Builder requiredLongParam(String name, long min, long max, String description) {
            return add(new Parameter(name, ParameterType.LONG, null, (double) min, (double) max, List.of(), description));
        }

        /** A whole number in {@code [min, max]} that may be left out, with no default (its absence means something, say what). */
        public Builder optionalLongParam(String name, long min, long max, String description) {
            return add(new Parameter(name, ParameterType.LONG, null, (double) min, (double) max, List.of(), description, true));
        }

        /** Text that must be given (no default). */
        public Builder requiredStringParam(String name, String description) {
            return add(new Parameter(name, ParameterType.STRING, null, null, null, List.of(), description));
        }

        /** Text that may be left out, with no default. */
        public Builder optionalStringParam(String name, String description) {
            return add(new Parameter(name, ParameterType.STRING, null, null, null, List.of(), description, true));
        }

        /**
         * An existing file named relative to the experiment file, that may be left out.
         *
         * @param endings the allowed name endings, e.g. {@code .ntds}; none = any
         */
        public Builder optionalFileParam(String name, List<String> endings, String description) {
            return add(new Parameter(name, ParameterType.FILE, null, null, null, endings, description, true));
        }

        /** A JSON object the plugin checks itself, with a default. */
        public Builder objectParam(String name, Map<String, ?> def, String description) {
            return add(new Parameter(name, ParameterType.OBJECT, def, null, null, List.of(), description));
        }

        /** Every parameter of {@code other}, in its order. */
        public Builder addAll(ConfigSchema other) {
            other.parameters().values().forEach(this::add);
            return this;
        }

        /** @return the schema */
        public ConfigSchema build() {
            return new ConfigSchema(new LinkedHashMap<>(parameters), null);
        }
    }
}
