package org.nettwin.rl.dqn.internal;

import java.util.List;

import org.nettwin.api.config.Param;
import org.nettwin.api.rl.Schedule;

/** The configuration of {@code rl/dqn}, each parameter declared once. */
public record DqnConfig(
        @Param(value = "[64, 24]", doc = "units of the hidden ReLU layers", min = 1, max = 4096) List<Integer> hidden,
        @Param(value = "1e-3", doc = "Adam step size", min = 1e-7, max = 1.0) double learningRate,
        @Param(value = "0.99", doc = "discount factor", min = 0.0, max = 1.0) double gamma,
        @Param(value = "32", doc = "transitions per update", min = 1, max = 4096) int batchSize,
        @Param(value = "50_000", doc = "replay capacity (oldest overwritten)", min = 1, max = 10_000_000) int bufferSize,
        @Param(value = "1_000", doc = "transitions collected before the first update", min = 1, max = 10_000_000) int learningStarts,
        @Param(value = "1", doc = "environment steps per update", min = 1, max = 1_000) int trainEvery,
        @Param(value = "500", doc = "updates between hard target copies (when tau = 0)", min = 1, max = 10_000_000) int targetUpdateSteps,
        @Param(value = "0.0", doc = "Polyak rate of soft target updates; 0 = hard copies", min = 0.0, max = 1.0) double tau,
        @Param(value = "true", doc = "double-DQN targets: the online network chooses, the target network values") boolean doubleDqn,
        @Param(value = "1.0", doc = "Huber loss threshold", min = 1e-6, max = 1e6) double huberDelta,
        @Param(value = "10.0", doc = "global gradient-norm clip; 0 = none", min = 0.0, max = 1e9) double maxGradNorm,
        @Param(value = "true", doc = "standardise network inputs by the mean and deviation of the observations collected before "
                + "learning starts") boolean standardizeObservations,
        @Param(value = "linear", doc = "how the exploration rate is annealed", choices = {"constant", "linear", "exponential"}) String epsilonSchedule,
        @Param(value = "1.0", doc = "the exploration rate at the first step", min = 0.0, max = 1.0) double epsilonStart,
        @Param(value = "0.05", doc = "the exploration rate after the annealing steps", min = 0.0, max = 1.0) double epsilonEnd,
        @Param(value = "10_000", doc = "environment steps over which the exploration rate is annealed", min = 1, max = Long.MAX_VALUE) long epsilonSteps) {

    /** Checks the exploration schedule (an exponential one needs positive endpoints). */
    public DqnConfig {
        hidden = List.copyOf(hidden);
        Schedule.of("epsilon", epsilonSchedule, epsilonStart, epsilonEnd, epsilonSteps);
    }

    /** @return the exploration rate over environment steps */
    public Schedule epsilon() {
        return Schedule.of("epsilon", epsilonSchedule, epsilonStart, epsilonEnd, epsilonSteps);
    }
}
