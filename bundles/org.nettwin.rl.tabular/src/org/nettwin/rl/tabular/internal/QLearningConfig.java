package org.nettwin.rl.tabular.internal;

import org.nettwin.api.config.Param;
import org.nettwin.api.rl.Schedule;

/**
 * The configuration of {@code rl/q-learning}. {@code bins} and {@code maxStates} together decide
 * which scenarios it accepts: {@code bins^d} rows for {@code d} binned coordinates, at most
 * {@code maxStates}.
 */
public record QLearningConfig(
        @Param(value = "0.1", doc = "learning rate (step size) of the Q update", min = 1e-6, max = 1.0) double alpha,
        @Param(value = "0.99", doc = "discount factor", min = 0.0, max = 1.0) double gamma,
        @Param(value = "0.0", doc = "initial action value (optimistic values encourage exploration)", min = -1e9, max = 1e9) double initialQ,
        @Param(value = "10", doc = "equal-width bins per continuous observation coordinate", min = 1, max = 1000) int bins,
        @Param(value = "10_000_000", doc = "refuse observation spaces with more table rows than this", min = 1, max = 100_000_000) long maxStates,
        @Param(value = "linear", doc = "how the exploration rate is annealed", choices = {"constant", "linear", "exponential"}) String epsilonSchedule,
        @Param(value = "1.0", doc = "the exploration rate at the first step", min = 0.0, max = 1.0) double epsilonStart,
        @Param(value = "0.05", doc = "the exploration rate after the annealing steps", min = 0.0, max = 1.0) double epsilonEnd,
        @Param(value = "10_000", doc = "environment steps over which the exploration rate is annealed", min = 1, max = Long.MAX_VALUE) long epsilonSteps) {

    /** Checks the exploration schedule (an exponential one needs positive endpoints). */
    public QLearningConfig {
        Schedule.of("epsilon", epsilonSchedule, epsilonStart, epsilonEnd, epsilonSteps);
    }

    /** @return the exploration rate over environment steps */
    public Schedule epsilon() {
        return Schedule.of("epsilon", epsilonSchedule, epsilonStart, epsilonEnd, epsilonSteps);
    }
}
