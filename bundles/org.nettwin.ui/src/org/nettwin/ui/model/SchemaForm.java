package org.nettwin.ui.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.nettwin.api.config.ConfigSchema;
import org.nettwin.api.config.Parameter;
import org.nettwin.api.config.ParameterType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A plugin's configuration schema as form fields, and form text back into configuration values.
 * The schema stays the one source of names, defaults, ranges and docs: the form only renders it,
 * and the lab's validation (with located errors) still judges what the form produced.
 */
public final class SchemaForm {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SchemaForm() {
    }

    /** @return one field per parameter, in the schema's order */
    public static List<FormField> fields(ConfigSchema schema) {
        List<FormField> fields = new ArrayList<>();
        for (Parameter p : schema.parameters().values()) {
            List<String> choices = switch (p.type()) {
                case CHOICE -> p.choices();
                case BOOLEAN -> List.of("true", "false");
                default -> List.of();
            };
            String allowed = p.type() == ParameterType.STRING || p.type() == ParameterType.OBJECT ? "" : p.allowed();
            fields.add(new FormField(p.name(), p.type(), p.defaultValue() == null ? "" : render(p.defaultValue()), allowed, choices,
                    p.description(), p.required()));
        }
        return fields;
    }

    /**
     * The value a field's text stands for, as it goes into the experiment file.
     *
     * @return the value; {@code null} for an empty text (the parameter is left out, so its default applies)
     * @throws IllegalArgumentException naming the field when the text is not of the field's type
     */
    public static Object value(FormField field, String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return null;
        }
        try {
            return switch (field.type()) {
                case INT -> Integer.valueOf(t);
                case LONG -> Long.valueOf(t.replace("_", ""));
                case DOUBLE -> Double.valueOf(t);
                case BOOLEAN -> switch (t.toLowerCase(Locale.ROOT)) {
                    case "true" -> Boolean.TRUE;
                    case "false" -> Boolean.FALSE;
                    default -> throw new IllegalArgumentException(field.name() + ": true or false, not '" + t + "'");
                };
                case STRING, CHOICE, FILE -> t;
                case DOUBLE_LIST, INT_LIST, OBJECT -> JSON.readValue(t, Object.class);
            };
        } catch (NumberFormatException | JsonProcessingException e) {
            throw new IllegalArgumentException(field.name() + ": " + expected(field.type()) + ", not '" + t + "'", e);
        }
    }

    /**
     * @return the configuration object of a section: the fields whose text differs from their
     *         default, in the schema's order (an experiment file states what it changes)
     */
    public static Map<String, Object> config(List<FormField> fields, Map<String, String> texts) {
        Map<String, Object> config = new java.util.LinkedHashMap<>();
        for (FormField f : fields) {
            String text = texts.getOrDefault(f.name(), f.initial());
            Object value = value(f, text);
            if (value != null && !text.strip().equals(f.initial())) {
                config.put(f.name(), value);
            }
        }
        return config;
    }

    private static String expected(ParameterType type) {
        return switch (type) {
            case INT, LONG -> "a whole number";
            case DOUBLE -> "a number";
            case DOUBLE_LIST -> "a JSON array of numbers, e.g. [0.1, 0.2]";
            case INT_LIST -> "a JSON array of whole numbers, e.g. [1, 2]";
            case OBJECT -> "a JSON object";
            default -> "a value";
        };
    }

    /** @return the value as it is written in a JSON file */
    static String render(Object value) {
        if (value instanceof String s) {
            return s;
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }
}
