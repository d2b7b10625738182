package org.nettwin.domains.learn;

import java.util.List;

import org.nettwin.api.config.Param;
import org.nettwin.api.rl.Schedule;

/**
 * The configuration of {@link KStepDqn}: DQN (the parameters of {@code rl/dqn}, same names; the
 * target is the paper's {@code max_a' Q'}, so {@code doubleDqn} is off by default) plus the
 * prediction length k and the number of domains D.
 */
public record KStepConfig(
        @Param(value = "1", doc = "k: steps each domain predicts from (s, a) following the current ε-greedy policy; 1 = plain DQN on "
                + "the physical transitions", min = 1, max = 1000) int predictionSteps,
        @Param(value = "1", doc = "D: domains whose predicted k-step targets are averaged (used when k > 1)", min = 1, max = 256) int domains,
        @Param(value = "1.0", doc = "the learners see rewards times this (targets and Q values in scaled units; reported returns keep "
                + "the scenario's units)", min = 1e-9, max = 1e9) double rewardScale,
        @Param(value = "[64, 64]", doc = "units of the hidden ReLU layers of each agent's Q network", min = 1, max = 4096) List<Integer> hidden,
        @Param(value = "1e-3", doc = "Adam step size", min = 1e-7, max = 1.0) double learningRate,
        @Param(value = "0.95", doc = "discount factor", min = 0.0, max = 1.0) double gamma,
        @Param(value = "32", doc = "transitions per update", min = 1, max = 4096) int batchSize,
        @Param(value = "50_000", doc = "transitions each storage space keeps (the replay capacity)", min = 1, max = 10_000_000) int bufferSize,
        @Param(value = "500", doc = "transitions stored before the first update", min = 1, max = 10_000_000) int learningStarts,
        @Param(value = "1", doc = "physical steps per update", min = 1, max = 1_000) int trainEvery,
        @Param(value = "200", doc = "updates between hard target-network copies", min = 1, max = 10_000_000) int targetUpdateSteps,
        @Param(value = "false", doc = "double-DQN targets (the online network chooses the bootstrap action, the target network values it); "
                + "false = the paper's max_a' Q'(s_k, a')") boolean doubleDqn,
        @Param(value = "1.0", doc = "Huber loss threshold", min = 1e-6, max = 1e6) double huberDelta,
        @Param(value = "10.0", doc = "global gradient-norm clip; 0 = none", min = 0.0, max = 1e9) double maxGradNorm,
        @Param(value = "linear", doc = "how the exploration rate is annealed over physical steps", choices = {"constant", "linear", "exponential"})
        String epsilonSchedule,
        @Param(value = "1.0", doc = "the exploration rate at the first physical step", min = 0.0, max = 1.0) double epsilonStart,
        @Param(value = "0.05", doc = "the exploration rate after the annealing steps", min = 0.0, max = 1.0) double epsilonEnd,
        @Param(value = "10_000", doc = "physical steps over which the exploration rate is annealed", min = 1, max = Long.MAX_VALUE) long epsilonSteps) {

    /** Checks the exploration schedule. */
    public KStepConfig {
        hidden = List.copyOf(hidden);
        Schedule.of("epsilon", epsilonSchedule, epsilonStart, epsilonEnd, epsilonSteps);
    }

    /** @return the exploration rate over physical steps */
    public Schedule epsilon() {
        return Schedule.of("epsilon", epsilonSchedule, epsilonStart, epsilonEnd, epsilonSteps);
    }

    /** @return this configuration with prediction length {@code k} and {@code d} domains */
    public KStepConfig with(int k, int d) {
        return new KStepConfig(k, d, rewardScale, hidden, learningRate, gamma, batchSize, bufferSize, learningStarts, trainEvery, targetUpdateSteps,
                doubleDqn, huberDelta, maxGradNorm, epsilonSchedule, epsilonStart, epsilonEnd, epsilonSteps);
    }
}
