package org.nettwin.api.experiment;

import org.nettwin.api.config.ConfigSchema;
import org.nettwin.api.rl.AlgorithmProvider;
import org.nettwin.api.scenario.ScenarioProvider;

/**
 * The sections most experiment kinds share, declared once: the scenario, an algorithm and the
 * learning budget.
 *
 * @since 0.1
 */
public final class Sections {

    /** {@code "scenario": {"id": "slicing/MultiCell-v1", "config": {...}}}. */
    public static final Section.Plugin SCENARIO = Section.Plugin.of("scenario", ScenarioProvider.class,
            "the scenario (network environment) and its configuration");

    private Sections() {
    }

    /**
     * {@code "algorithm": {"id": "rl/dqn", "config": {...}}}, with {@code "policy"} naming a saved
     * policy of that algorithm when {@code savedPolicy}.
     */
    public static Section.Plugin algorithm(String description, boolean savedPolicy) {
        return new Section.Plugin("algorithm", AlgorithmProvider.class, true, savedPolicy, ConfigSchema.EMPTY, description);
    }

    /**
     * The budget's usual fields, to extend: {@code steps} (required: environment steps of learning
     * per seed), {@code evalEpisodes} (deterministic evaluation episodes, default 10) and
     * {@code maxEpisodeSteps} (a cap on evaluation episodes, default 100000).
     */
    public static ConfigSchema.Builder budget() {
        return ConfigSchema.builder()
                .requiredLongParam("steps", 1, 10_000_000_000L, "environment steps of learning per seed")
                .intParam("evalEpisodes", 10, 0, 100_000, "episodes of deterministic evaluation of the final policy")
                .intParam("maxEpisodeSteps", 100_000, 1, 100_000_000, "a cap on the length of evaluation episodes");
    }
}
