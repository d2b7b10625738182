package org.nettwin.experiment.twinloop.internal;

import org.nettwin.api.config.Config;

/**
 * The validated settings of a twin-loop experiment, with the derived defaults applied. Real steps
 * are counted for everything that touches the real environment while learning: the historical
 * data and agent 1's steps; evaluation episodes and the held-out data are not.
 *
 * @param behaviour        id of the algorithm whose fresh policy (sampled) records the historical data
 * @param historySteps     real transitions recorded before the first twin is built (at most the budget)
 * @param realSteps        K: real steps agent 1 takes per outer iteration
 * @param twinSteps        M: steps agent 2 trains in the twin per outer iteration
 * @param initialTwinSteps steps agent 2 trains in the first twin
 * @param heldOutSteps     real transitions recorded to measure the twin's accuracy
 * @param horizon          k of the k-step open-loop error
 * @param vanilla          whether the vanilla arm runs
 * @param targetFraction   the share of vanilla's final reward an arm must reach
 * @param budget           real steps per arm
 * @param evalEvery        real steps between the vanilla arm's evaluations
 * @param evalEpisodes     episodes per evaluation (at least 1)
 * @param maxEpisodeSteps  a cap on evaluation episodes
 * @param landscape        the landscape settings, or {@code null}
 */
record TwinLoopSettings(String behaviour, long historySteps, long realSteps, long twinSteps, long initialTwinSteps, long heldOutSteps,
        int horizon, boolean vanilla, double targetFraction, long budget, long evalEvery, int evalEpisodes, int maxEpisodeSteps,
        Landscape landscape) {

    /** The landscape settings (see the kind's schema). */
    record Landscape(String network, double range, int points, int gridPoints, double epsilon, double radius) {
    }

    static TwinLoopSettings of(Config loop, Config budget, Config landscape) {
        long steps = budget.getLong("steps");
        long history = loop.getLong("historySteps");
        long twinSteps = loop.getLong("twinSteps");
        long every = budget.getLong("evalEvery");
        return new TwinLoopSettings(loop.getString("behaviour"), Math.min(history, steps), loop.getLong("realSteps"), twinSteps,
                loop.getLong("initialTwinSteps", twinSteps), loop.getLong("heldOutSteps", Math.max(2, history / 4)), loop.getInt("horizon"),
                loop.getBoolean("vanilla"), loop.getDouble("targetFraction"), steps, every > 0 ? every : Math.max(1, steps / 20),
                Math.max(1, budget.getInt("evalEpisodes")), budget.getInt("maxEpisodeSteps"),
                landscape == null ? null : new Landscape(landscape.getString("network"), landscape.getDouble("range"),
                        landscape.getInt("points"), landscape.getInt("gridPoints"), landscape.getDouble("epsilon"),
                        landscape.getDouble("radius")));
    }

    /** @return the outer iterations after the history: ceil((budget - history) / K) */
    long iterations() {
        return (budget - historySteps + realSteps - 1) / realSteps;
    }

    /** @return every step the DT-enhanced arm takes, real and in the twin (its progress measure) */
    long twinArmWork() {
        return budget + initialTwinSteps + iterations() * twinSteps;
    }
}
