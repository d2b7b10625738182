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

    /**
     * {@code "scenario": {"id": "slicing/MultiCell-v1", "config": {...}, "rewardScale": 0.01,
     * "normalizeObservations": true}}: the scenario, and the learning wrappers of {@link ScenarioUse}
     * (every scenario's episode length is its config's {@code timeLimit}).
     */
    public static final Section.Plugin SCENARIO = new Section.Plugin("scenario", ScenarioProvider.class, true, false, ConfigSchema.builder()
            .doubleParam("rewardScale", 1.0, 1e-9, 1e9, "the learner sees rewards times this (reports keep the scenario's units)")
            .boolParam("normalizeObservations", false, "the learner sees Box observations standardised by running statistics (clipped "
                    + "to ±10); the trained policy is evaluated and saved with the frozen statistics")
            .build(), "the scenario (network environment), its configuration and learning wrappers");

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
