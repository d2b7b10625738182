package org.nettwin.lab;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A parsed experiment file: what to run, with which plugins and configurations, for how long,
 * and with which seeds. Configurations are still raw here; {@link ExperimentRunner#validate}
 * checks them against the plugins' schemas.
 *
 * @param file        the file it came from
 * @param name        experiment name (used for the default output folder)
 * @param description free text
 * @param type        what the experiment does
 * @param scenario    the scenario and its raw configuration
 * @param algorithm   the algorithm (for {@link Type#COLLECT}: the behaviour policy's) and its raw configuration
 * @param budget      how long to learn and how to evaluate ({@link Type#TRAIN} only, else {@code null})
 * @param collection  what to record ({@link Type#COLLECT} only, else {@code null})
 * @param seeds       one run per seed
 * @param locations   where each field path ({@code scenario.config.cells}, {@code seeds[1]}) is
 *                    in the file, as {@code LINE:COLUMN}
 * @since 0.1
 */
public record Experiment(Path file, String name, String description, Type type, PluginRef scenario, PluginRef algorithm,
        Budget budget, Collection collection, List<Long> seeds, Map<String, String> locations) {

    /** What an experiment does. */
    public enum Type {
        /** An algorithm learns on the scenario, then its policy is evaluated. */
        TRAIN,
        /** A behaviour policy acts on the scenario and its transitions are recorded as a dataset. */
        COLLECT
    }

    /**
     * A plugin reference.
     *
     * @param id     plugin id
     * @param config raw configuration values by field name
     * @param policy a saved policy to act with instead of the algorithm's fresh one (algorithms
     *               only; resolved against the experiment file's folder), or {@code null}
     */
    public record PluginRef(String id, Map<String, Object> config, Path policy) {
    }

    /**
     * What a {@link Type#COLLECT} experiment records.
     *
     * @param steps      transitions to record per seed
     * @param format     which dataset files to write
     * @param stochastic whether the behaviour policy samples its actions (else it acts deterministically)
     */
    public record Collection(long steps, Format format, boolean stochastic) {
    }

    /** Dataset file formats. */
    public enum Format {
        /** {@code dataset.ntds}, the checksummed binary format. */
        BINARY,
        /** {@code dataset.csv}. */
        CSV,
        /** Both files. */
        BOTH
    }

    /**
     * The learning budget and evaluation settings.
     *
     * @param steps           environment steps of learning per seed
     * @param evalEpisodes    episodes of deterministic evaluation after learning
     * @param maxEpisodeSteps safety cap on evaluation episode length
     */
    public record Budget(long steps, int evalEpisodes, int maxEpisodeSteps) {
    }

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
        return new Experiment(file, name, description, type, scenario, algorithm, budget, collection, List.of(seed), locations);
    }
}
