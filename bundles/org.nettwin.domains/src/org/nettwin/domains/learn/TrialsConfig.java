package org.nettwin.domains.learn;

import org.nettwin.api.config.Param;
import org.nettwin.api.rl.Schedule;

/**
 * The configuration of {@link TrialsQLearning}: tabular Q-learning (the parameters of
 * {@code rl/q-learning}, same names and defaults) plus the number of simultaneous trials.
 */
public record TrialsConfig(
        @Param(value = "1", doc = "n: actions tried per state, the ε-greedy one on the physical environment and n − 1 other distinct "
                + "ones in n − 1 differential domains synchronised to the same state; 1 = plain Q-learning", min = 1, max = 1024) int trials,
        @Param(value = "random", doc = "which n − 1 other actions the domains try: random (uniform, distinct) or greedy (the next best by Q)",
                choices = {"random", "greedy"}) String trialActions,
        @Param(value = "0.1", doc = "learning rate (step size) of the Q update", min = 1e-6, max = 1.0) double alpha,
        @Param(value = "0.99", doc = "discount factor", min = 0.0, max = 1.0) double gamma,
        @Param(value = "0.0", doc = "initial action value", min = -1e9, max = 1e9) double initialQ,
        @Param(value = "10", doc = "equal-width bins per continuous observation coordinate", min = 1, max = 1000) int bins,
        @Param(value = "10_000_000", doc = "refuse observation spaces with more table rows than this", min = 1, max = 100_000_000) long maxStates,
        @Param(value = "linear", doc = "how the exploration rate is annealed over physical steps", choices = {"constant", "linear", "exponential"})
        String epsilonSchedule,
        @Param(value = "1.0", doc = "the exploration rate at the first physical step", min = 0.0, max = 1.0) double epsilonStart,
        @Param(value = "0.05", doc = "the exploration rate after the annealing steps", min = 0.0, max = 1.0) double epsilonEnd,
        @Param(value = "10_000", doc = "physical steps over which the exploration rate is annealed", min = 1, max = Long.MAX_VALUE) long epsilonSteps,
        @Param(value = "10_000", doc = "transitions each domain's storage space keeps", min = 1, max = 10_000_000) int storageCapacity) {

    /** Checks the exploration schedule. */
    public TrialsConfig {
        Schedule.of("epsilon", epsilonSchedule, epsilonStart, epsilonEnd, epsilonSteps);
    }

    /** @return the exploration rate over physical steps */
    public Schedule epsilon() {
        return Schedule.of("epsilon", epsilonSchedule, epsilonStart, epsilonEnd, epsilonSteps);
    }

    /** @return this configuration with {@code n} trials */
    public TrialsConfig withTrials(int n) {
        return new TrialsConfig(n, trialActions, alpha, gamma, initialQ, bins, maxStates, epsilonSchedule, epsilonStart, epsilonEnd,
                epsilonSteps, storageCapacity);
    }
}
