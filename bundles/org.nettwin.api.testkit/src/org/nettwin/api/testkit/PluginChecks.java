package org.nettwin.api.testkit;

import java.util.List;
import java.util.Map;

import org.nettwin.api.NetTwinPlugin;
import org.nettwin.api.PluginDescriptor;
import org.nettwin.api.config.ConfigException;
import org.nettwin.api.config.ConfigSchema;
import org.nettwin.api.config.Parameter;
import org.nettwin.api.config.ParameterType;

/**
 * What every plugin kind's conformance kit checks first: the descriptor says what the plugin is,
 * and the configuration schema documents its parameters, accepts its own defaults and refuses a
 * value outside each declared range or choice — and an unknown field — with a problem located at
 * that field, as experiment files report it.
 */
final class PluginChecks {

    /** The path an experiment file gives a plugin's configuration; problems must start with it. */
    static final String CONFIG_PATH = "plugin.config";

    private PluginChecks() {
    }

    /** Checks the descriptor and the schema of {@code plugin}; returns false if the plugin cannot be used at all. */
    static boolean plugin(NetTwinPlugin plugin, Report report) {
        if (plugin == null) {
            report.add("the plugin is null");
            return false;
        }
        PluginDescriptor d;
        try {
            d = plugin.descriptor();
        } catch (RuntimeException e) {
            report.add("descriptor() threw", e);
            return false;
        }
        if (d == null) {
            report.add("descriptor() returned null");
            return false;
        }
        if (d.title().isBlank()) {
            report.add("the descriptor of " + d.id() + " has an empty title; `nettwin list` shows it");
        }
        if (d.description().isBlank()) {
            report.add("the descriptor of " + d.id() + " has an empty description; say what it is and where it comes from");
        }
        ConfigSchema schema;
        try {
            schema = plugin.configSchema();
        } catch (RuntimeException e) {
            report.add("configSchema() threw", e);
            return false;
        }
        if (schema == null) {
            report.add("configSchema() returned null; return ConfigSchema.EMPTY for a plugin without parameters");
            return false;
        }
        schema(schema, d.id() + " config", report);
        return true;
    }

    /** Checks one schema; {@code what} names it in problems. */
    static void schema(ConfigSchema schema, String what, Report report) {
        boolean required = false;
        for (Parameter p : schema.parameters().values()) {
            required |= p.required();
            if (p.description().isBlank()) {
                report.add(what + ": parameter '" + p.name() + "' has no documentation");
            }
            Object bad = outside(p);
            if (bad != null) {
                refused(schema, Map.of(p.name(), bad), p.name(), what, "the value " + Render.value(bad) + " (allowed: " + p.allowed() + ")",
                        report);
            }
        }
        if (!required) {
            try {
                schema.defaults();
            } catch (ConfigException e) {
                report.add(what + ": the defaults are refused by the schema itself: " + e.getMessage());
            } catch (RuntimeException e) {
                report.add(what + ": validating the defaults threw", e);
            }
        }
        refused(schema, Map.of("noSuchParameter", 1), "noSuchParameter", what, "an unknown field", report);
    }

    private static void refused(ConfigSchema schema, Map<String, Object> raw, String field, String what, String value, Report report) {
        String path = CONFIG_PATH + "." + field;
        try {
            schema.validate(raw, CONFIG_PATH);
            report.add(what + ": " + value + " for '" + field + "' was accepted");
        } catch (ConfigException e) {
            List<ConfigException.Problem> problems = e.problems();
            if (problems.stream().noneMatch(p -> path.equals(p.path()))) {
                report.add(what + ": " + value + " for '" + field + "' was refused, but no problem is located at " + path + ": " + problems);
            }
        } catch (RuntimeException e) {
            report.add(what + ": " + value + " for '" + field + "' was refused with " + e.getClass().getSimpleName()
                    + " instead of a ConfigException located at the field", e);
        }
    }

    /** @return a value just outside what {@code p} allows, or {@code null} if it allows any value of its type */
    static Object outside(Parameter p) {
        ParameterType t = p.type();
        if (t == ParameterType.CHOICE) {
            return "not-one-of-the-choices";
        }
        if (t == ParameterType.BOOLEAN) {
            return "maybe";
        }
        Double limit = p.max() != null && Double.isFinite(p.max()) ? p.max() : null;
        boolean above = limit != null;
        if (!above) {
            limit = p.min() != null && Double.isFinite(p.min()) ? p.min() : null;
        }
        if (limit == null) {
            return null;
        }
        Number n = switch (t) {
            case INT, LONG, INT_LIST -> above ? (Number) ((long) Math.floor(limit) + 1) : (Number) ((long) Math.ceil(limit) - 1);
            case DOUBLE, DOUBLE_LIST -> above ? limit + Math.max(1, Math.abs(limit)) : limit - Math.max(1, Math.abs(limit));
            default -> null;
        };
        if (n == null) {
            return null;
        }
        return t == ParameterType.INT_LIST || t == ParameterType.DOUBLE_LIST ? List.of(n) : n;
    }
}
