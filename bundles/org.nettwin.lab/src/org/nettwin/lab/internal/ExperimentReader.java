package org.nettwin.lab.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.nettwin.lab.Experiment;
import org.nettwin.lab.ExperimentException;

/**
 * Parses experiment files and checks the fields every experiment has ({@code name},
 * {@code description}, {@code type}, {@code seeds}). Every problem is reported as
 * {@code FILE:LINE:COLUMN: FIELD.PATH: message}; the other sections are kept raw for the
 * experiment kind's schemas.
 */
final class ExperimentReader {

    /** The fields the lab reads itself; every other top-level field is a section of the kind. */
    static final Set<String> COMMON = Set.of("name", "description", "type", "seeds");

    private final Path file;
    private final List<String> problems = new ArrayList<>();
    private Map<String, String> locations = Map.of();

    private ExperimentReader(Path file) {
        this.file = file;
    }

    static Experiment read(Path file) throws IOException {
        return new ExperimentReader(file).parse();
    }

    private Experiment parse() throws IOException {
        LocatedJson json;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            json = LocatedJson.read(in);
        } catch (LocatedJson.SyntaxException e) {
            throw new ExperimentException(List.of(file + ":" + e.location + ": " + e.getMessage()));
        } catch (java.nio.charset.MalformedInputException e) {
            throw new ExperimentException(List.of(file + ":1:1: the file is not UTF-8 text"));
        }
        locations = json.locations;
        if (!(json.root instanceof Map<?, ?> root)) {
            throw new ExperimentException(List.of(problem("", "an experiment must be a JSON object")));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> top = (Map<String, Object>) root;
        String name = string(top, "name", true);
        String description = string(top, "description", false);
        String type = string(top, "type", false);
        List<Long> seeds = seeds(top);
        if (name != null && !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            problems.add(problem("name", "must be letters, digits, '.', '_' or '-' (it names the output folder), got \"" + name + "\""));
        }
        if (!problems.isEmpty()) {
            throw new ExperimentException(problems);
        }
        Map<String, Object> sections = new LinkedHashMap<>(top);
        sections.keySet().removeAll(COMMON);
        return new Experiment(file, name, description == null ? "" : description, type == null ? Experiment.DEFAULT_TYPE : type, seeds,
                sections, Map.copyOf(locations));
    }

    private String problem(String path, String message) {
        return Experiment.locate(file, locations, path) + ": " + (path.isEmpty() ? "" : path + ": ") + message;
    }

    private String string(Map<String, Object> obj, String key, boolean required) {
        Object v = obj.get(key);
        if (v == null) {
            if (required) {
                problems.add(problem(key, "is required (text)"));
            }
            return null;
        }
        if (!(v instanceof String s) || s.isBlank()) {
            problems.add(problem(key, "must be non-empty text, got " + render(v)));
            return null;
        }
        return s;
    }

    private List<Long> seeds(Map<String, Object> top) {
        Object v = top.get("seeds");
        if (v == null) {
            return List.of(1L);
        }
        if (!(v instanceof List<?> list) || list.isEmpty()) {
            problems.add(problem("seeds", "must be a non-empty array of whole numbers, got " + render(v)));
            return List.of();
        }
        List<Long> seeds = new ArrayList<>(list.size());
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof Long l) {
                if (!seen.add(l)) {
                    problems.add(problem("seeds[" + i + "]", "seed " + l + " is listed twice"));
                }
                seeds.add(l);
            } else {
                problems.add(problem("seeds[" + i + "]", "must be a whole number, got " + render(list.get(i))));
            }
        }
        return List.copyOf(seeds);
    }

    static String render(Object v) {
        if (v instanceof String s) {
            return "\"" + s + "\"";
        }
        if (v instanceof Map) {
            return "an object";
        }
        if (v instanceof List) {
            return "an array";
        }
        return String.valueOf(v);
    }
}
