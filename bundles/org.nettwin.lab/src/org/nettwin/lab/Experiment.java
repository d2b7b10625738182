package org.nettwin.lab;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A parsed experiment file: the fields every experiment has and its other sections as raw
 * JSON-like values, with the location of every field. The experiment kind named by {@code type}
 * gives the sections their meaning; {@link ExperimentRunner#validate} checks them.
 *
 * @param file        the file it came from
 * @param name        experiment name (it names the default output folder)
 * @param description free text
 * @param type        the experiment kind's id ({@code train} when the file names none)
 * @param seeds       one or more seeds, without duplicates
 * @param sections    every other top-level field, raw, in the file's order
 * @param locations   where each field path ({@code scenario.config.cells}, {@code seeds[1]}) is in
 *                    the file, as {@code LINE:COLUMN}
 * @since 0.1
 */
public record Experiment(Path file, String name, String description, String type, List<Long> seeds, Map<String, Object> sections,
        Map<String, String> locations) {

    /** The kind of experiments whose file has no {@code type}. */
    public static final String DEFAULT_TYPE = "train";

    /** @return {@code FILE:LINE:COLUMN} of the field path, or of its nearest located parent */
    public String locate(String path) {
        return locate(file, locations, path);
    }

    /**
     * @return {@code FILE:LINE:COLUMN} of {@code path} in {@code locations}, or of its nearest
     *         located parent ({@code a.b[2].c} -> {@code a.b[2]} -> {@code a.b} -> {@code a}), or
     *         of the file's start
     */
    public static String locate(Path file, Map<String, String> locations, String path) {
        String p = path;
        while (!p.isEmpty()) {
            String loc = locations.get(p);
            if (loc != null) {
                return file + ":" + loc;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
        return file + ":" + locations.getOrDefault("", "1:1");
    }

    /** @return a copy with a single seed */
    public Experiment withSeed(long seed) {
        return withSeeds(List.of(seed));
    }

    /** @return a copy with these seeds */
    public Experiment withSeeds(List<Long> seeds) {
        return new Experiment(file, name, description, type, List.copyOf(seeds), sections, locations);
    }
}
