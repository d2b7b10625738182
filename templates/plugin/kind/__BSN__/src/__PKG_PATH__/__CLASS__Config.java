package __PACKAGE__;

import org.nettwin.api.config.Param;

/**
 * The settings section {@code "rollouts"} of a __ID__ experiment file, each declared once.
 *
 * @param episodes        episodes per seed
 * @param maxEpisodeSteps a cap on an episode's length (scenarios also truncate by their timeLimit)
 */
public record __CLASS__Config(
        @Param(value = "20", doc = "episodes per seed", min = 1, max = 1_000_000) int episodes,
        @Param(value = "10000", doc = "a cap on an episode's length", min = 1, max = 100_000_000) int maxEpisodeSteps) {
}
