package org.nettwin.ui.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * What the new-experiment wizard and the editor's form put together: the common fields, the
 * plugin sections ({@code {"id": ..., "config": {...}}}) and settings sections, rendered as the
 * text of an experiment file. The lab reads and validates that text like any other file.
 */
public final class ExperimentDraft {

    /** Names the lab accepts (it names the default output folder). */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String name;
    private final String type;
    private String description = "";
    private final Map<String, Object> sections = new LinkedHashMap<>();
    private List<Long> seeds = List.of(1L);

    /**
     * @param name the experiment's name
     * @param type the experiment kind's id
     * @throws IllegalArgumentException when the name is not letters, digits, {@code .}, {@code _}, {@code -}
     */
    public ExperimentDraft(String name, String type) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name: letters, digits, '.', '_' and '-' only, not '" + name + "'");
        }
        this.name = name;
        this.type = type;
    }

    /** @return whether {@code name} is an acceptable experiment name */
    public static boolean validName(String name) {
        return NAME.matcher(name).matches();
    }

    /** Sets the free-text description. */
    public ExperimentDraft description(String text) {
        description = text == null ? "" : text;
        return this;
    }

    /** Adds (or replaces) a plugin section. */
    public ExperimentDraft plugin(String section, String id, Map<String, Object> config) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("id", id);
        s.put("config", config);
        sections.put(section, s);
        return this;
    }

    /** Adds (or replaces) a settings section. */
    public ExperimentDraft settings(String section, Map<String, Object> values) {
        sections.put(section, new LinkedHashMap<>(values));
        return this;
    }

    /** Sets the seeds. */
    public ExperimentDraft seeds(List<Long> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("seeds: at least one");
        }
        seeds = List.copyOf(values);
        return this;
    }

    /** @return the experiment file's text */
    public String text() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("name", name);
        if (!description.isBlank()) {
            doc.put("description", description);
        }
        doc.put("type", type);
        doc.putAll(sections);
        doc.put("seeds", seeds);
        try {
            return JSON.writeValueAsString(doc) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an experiment draft holds only JSON values", e);
        }
    }
}
