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
 * @param twin        the twin builder and its raw configuration ({@link Type#TWIN_LOOP} only, else {@code null})
 * @param loop        the closed-loop settings ({@link Type#TWIN_LOOP} only, else {@code null})
 * @param landscape   loss landscapes of the final agents ({@link Type#TWIN_LOOP}, optional), else {@code null}
 * @param offline     the offline-RL settings ({@link Type#OFFLINE} only, else {@code null})
 * @param distill     the distillation settings ({@link Type#DISTILL} only, else {@code null})
 * @param seeds       one run per seed
 * @param locations   where each field path ({@code scenario.config.cells}, {@code seeds[1]}) is
 *                    in the file, as {@code LINE:COLUMN}
 * @since 0.1
 */
public record Experiment(Path file, String name, String description, Type type, PluginRef scenario, PluginRef algorithm,
        Budget budget, Collection collection, PluginRef twin, Loop loop, Landscape landscape, Offline offline, Distill distill,
        List<Long> seeds, Map<String, String> locations) {

    /** What an experiment does. */
    public enum Type {
        /** An algorithm learns on the scenario, then its policy is evaluated. */
        TRAIN,
        /** A behaviour policy acts on the scenario and its transitions are recorded as a dataset. */
        COLLECT,
        /**
         * The twin closed loops of DT-enhanced DRL: a twin learned from historical data, an inner loop
         * training agent 2 in the twin, an outer loop in which agent 1 acts on (and fine-tunes in) the
         * real environment and re-calibrates the twin; side by side with vanilla DRL on the real
         * environment alone, compared by the real steps each needs.
         */
        TWIN_LOOP,
        /**
         * Offline RL: variants of an algorithm learn from one historical dataset alone (e.g. TD3 with a
         * behaviour-cloning penalty against naive off-policy TD3) and are evaluated on the real environment
         * beside the behaviour policy that collected the data.
         */
        OFFLINE,
        /**
         * Knowledge distillation: a teacher (trained for the budget, or a saved policy) is compressed into a
         * small student on the states it visits; sizes, inference time, agreement and the reward kept.
         */
        DISTILL;

        /** @return the name used in experiment files ({@code train}, {@code collect}, {@code twin-loop}) */
        public String fileName() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * What an {@link Type#OFFLINE} experiment learns from and compares.
     *
     * @param dataset      a dataset file ({@code .ntds} binary or {@code .csv}, relative to the experiment
     *                     file), or {@code null} to record one per seed with {@code behaviour}
     * @param behaviour    id of the algorithm whose fresh policy records the data (and is evaluated beside)
     * @param stochastic   whether the behaviour samples its actions
     * @param datasetSteps transitions recorded per seed (without {@code dataset})
     * @param updates      gradient updates per variant
     * @param evaluations  evaluations of each variant during learning (every {@code updates / evaluations})
     * @param variants     name -> configuration values overriding {@code algorithm.config}
     */
    public record Offline(Path dataset, String behaviour, boolean stochastic, long datasetSteps, long updates, int evaluations,
            Map<String, Map<String, Object>> variants) {
    }

    /**
     * What a {@link Type#DISTILL} experiment does.
     *
     * @param distiller    the distiller and its raw configuration
     * @param datasetSteps teacher states recorded to train the student (the teacher acting with its own exploration)
     * @param heldOutSteps teacher states recorded for agreement and timing (not trained on)
     * @param timingCalls  timed single-action calls per policy
     */
    public record Distill(PluginRef distiller, long datasetSteps, long heldOutSteps, int timingCalls) {
    }

    /**
     * Filter-normalised loss landscapes (Li et al. 2018) of each arm's final agent, on the held-out
     * real transitions, to compare twin-trained and real-trained agents.
     *
     * @param network    the algorithm's network ({@code LossSurface.networks()}, e.g. {@code q}, {@code critic1})
     * @param range      α and β run over [-range, range] (units of the filters' own norms)
     * @param points     samples of the 1-D curve (odd)
     * @param gridPoints samples per axis of the 2-D plane (odd; 0 = no plane)
     * @param epsilon    radius of the sharpness figure
     * @param radius     radius of the 2-D mean increase
     */
    public record Landscape(String network, double range, int points, int gridPoints, double epsilon, double radius) {
    }

    /**
     * The closed-loop settings of a {@link Type#TWIN_LOOP} experiment. Real steps are counted for
     * everything that touches the real environment while learning: the historical data and agent
     * 1's steps; evaluation episodes and the held-out data for twin accuracy are not.
     *
     * @param behaviour        id of the algorithm whose fresh policy (sampled) records the historical data
     * @param historySteps     real transitions recorded before the first twin is built
     * @param realSteps        K: real steps agent 1 takes (and learns from) per outer iteration;
     *                         the twin is then re-calibrated with them
     * @param twinSteps        M: steps agent 2 trains in the twin per outer iteration
     * @param initialTwinSteps steps agent 2 trains in the first twin, before agent 1 acts
     * @param heldOutSteps     real transitions recorded (not learned from) to measure twin accuracy
     * @param horizon          k of the k-step rollout error
     * @param vanilla          whether vanilla DRL on the real environment runs beside it, same seeds and budget
     * @param targetFraction   an arm "reaches" vanilla's final reward R when its evaluation return is at
     *                         least {@code R - (1 - targetFraction) |R|}; 1 = R itself
     */
    public record Loop(String behaviour, long historySteps, long realSteps, long twinSteps, long initialTwinSteps, long heldOutSteps,
            int horizon, boolean vanilla, double targetFraction) {
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
     * @param evalEvery       real steps between evaluations during learning ({@link Type#TWIN_LOOP}); 0 = only at the end
     */
    public record Budget(long steps, int evalEpisodes, int maxEpisodeSteps, long evalEvery) {
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
        return new Experiment(file, name, description, type, scenario, algorithm, budget, collection, twin, loop, landscape, offline, distill,
                List.of(seed), locations);
    }
}
