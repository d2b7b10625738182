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

    /** The largest experiment file read (the whole file is held in memory). */
    static final long MAX_BYTES = 16L << 20;

    /** The most seeds an experiment may list (each is at least one unit of work). */
    static final int MAX_SEEDS = 100_000;

    private final Path file;
    private final List<String> problems = new ArrayList<>();
    private Map<String, String> locations = Map.of();

    private ExperimentReader(Path file) {
        this.file = file;
    }

    /**
     * @throws ExperimentException for a file that is not an experiment (a folder, too large, not
     *                             UTF-8, malformed or invalid), located
     * @throws java.nio.file.NoSuchFileException if there is no such file
     * @throws IOException         if it cannot be read
     */
    static Experiment read(Path file) throws IOException {
        return read(file, bytes(file));
    }

    /** Parses {@code content} as if it were {@code file}'s (a resumed run reads its saved copy this way). */
    static Experiment read(Path file, byte[] content) throws IOException {
        return new ExperimentReader(file).parse(content);
    }

    /** @return the file's bytes, refusing what is not a readable experiment file of at most {@link #MAX_BYTES} */
    static byte[] bytes(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new ExperimentException(List.of(file + ": is a folder, not an experiment file"));
        }
        if (!Files.exists(file)) {
            throw new java.nio.file.NoSuchFileException(file.toString());
        }
        if (!Files.isReadable(file)) {
            throw new ExperimentException(List.of(file + ": cannot be read (permission denied)"));
        }
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new ExperimentException(List.of(file + ": is " + size / (1 << 20) + " MB; experiment files are at most "
                    + MAX_BYTES / (1 << 20) + " MB (list data in datasets, not in the experiment)"));
        }
        return Files.readAllBytes(file);
    }

    private Experiment parse(byte[] content) throws IOException {
        LocatedJson json;
        int start = content.length >= 3 && (content[0] & 0xff) == 0xEF && (content[1] & 0xff) == 0xBB && (content[2] & 0xff) == 0xBF ? 3 : 0;
        java.nio.charset.CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT).onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        String text;
        try {
            text = utf8.decode(java.nio.ByteBuffer.wrap(content, start, content.length - start)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ExperimentException(List.of(file + ":1:1: the file is not UTF-8 text"));
        }
        try (Reader in = new java.io.StringReader(text)) {
            json = LocatedJson.read(in);
        } catch (LocatedJson.SyntaxException e) {
            throw new ExperimentException(List.of(file + ":" + e.location + ": " + e.getMessage()));
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
        if (v == null && obj.containsKey(key)) {
            problems.add(problem(key, "must be non-empty text, got null"));
            return null;
        }
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
        if (v == null && !top.containsKey("seeds")) {
            return List.of(1L);
        }
        if (!(v instanceof List<?> list) || list.isEmpty()) {
            problems.add(problem("seeds", "must be a non-empty array of whole numbers, got " + render(v)));
            return List.of();
        }
        if (list.size() > MAX_SEEDS) {
            problems.add(problem("seeds", "lists " + list.size() + " seeds; an experiment runs at most " + MAX_SEEDS));
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
        if (v == null) {
            return "null";
        }
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
