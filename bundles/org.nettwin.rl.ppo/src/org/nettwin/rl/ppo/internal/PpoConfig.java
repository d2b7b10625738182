package org.nettwin.rl.ppo.internal;

import java.util.List;

import org.nettwin.api.config.Param;
import org.nettwin.api.rl.Schedule;

/** The configuration of {@code rl/ppo}, each parameter declared once. */
public record PpoConfig(
        @Param(value = "[64, 64]", doc = "units of the actor's hidden tanh layers", min = 1, max = 4096) List<Integer> actorHidden,
        @Param(value = "[64, 64]", doc = "units of the critic's hidden tanh layers", min = 1, max = 4096) List<Integer> criticHidden,
        @Param(value = "2048", doc = "environment steps per rollout (one update each)", min = 1, max = 10_000_000) int nSteps,
        @Param(value = "10", doc = "passes over each rollout", min = 1, max = 1000) int epochs,
        @Param(value = "32", doc = "minibatches per pass (samples = nSteps × agents sharing a network)", min = 1, max = 1_000_000) int minibatches,
        @Param(value = "0.99", doc = "discount factor", min = 0.0, max = 1.0) double gamma,
        @Param(value = "0.95", doc = "GAE λ", min = 0.0, max = 1.0) double gaeLambda,
        @Param(value = "0.2", doc = "ε of the clipped surrogate", min = 1e-6, max = 10.0) double clipRange,
        @Param(value = "0.0", doc = "ε of the clipped value loss; 0 = unclipped", min = 0.0, max = 1e9) double valueClipRange,
        @Param(value = "0.0", doc = "weight of the entropy bonus", min = 0.0, max = 100.0) double entropyCoef,
        @Param(value = "0.5", doc = "weight of the value loss", min = 0.0, max = 100.0) double valueCoef,
        @Param(value = "0.5", doc = "global gradient-norm clip over actor, log-std and critic; 0 = none", min = 0.0, max = 1e9) double maxGradNorm,
        @Param(value = "true", doc = "normalise the advantages of each minibatch") boolean normalizeAdvantages,
        @Param(value = "0.0", doc = "stop an update's epochs once a minibatch's approximate KL exceeds 1.5× this; 0 = never", min = 0.0,
                max = 100.0) double targetKl,
        @Param(value = "0.0", doc = "initial log standard deviation of Gaussian heads (Box, Simplex)", min = -20.0, max = 5.0) double initialLogStd,
        @Param(value = "1.0", doc = "factor applied to rewards for learning (episode returns are reported unscaled)", min = 1e-9,
                max = 1e9) double rewardScale,
        @Param(value = "0.01", doc = "factor on the actor's initial output weights (small = near-uniform start)", min = 0.0,
                max = 10.0) double policyHeadScale,
        @Param(value = "true", doc = "multi-agent: one actor and one critic for all agents (false: one pair per agent)") boolean parameterSharing,
        @Param(value = "true", doc = "multi-agent with sharing: append the one-hot agent id to actor and critic inputs") boolean agentIdInput,
        @Param(value = "true", doc = "multi-agent: the critic reads every agent's observation (MAPPO); false: its own") boolean centralisedCritic,
        @Param(value = "constant", doc = "how Adam's step size is annealed", choices = {"constant", "linear", "exponential"}) String learningRateSchedule,
        @Param(value = "3e-4", doc = "Adam's step size at the first step", min = 1e-9, max = 1.0) double learningRateStart,
        @Param(value = "3e-4", doc = "Adam's step size after the annealing steps", min = 1e-9, max = 1.0) double learningRateEnd,
        @Param(value = "1_000_000", doc = "environment steps over which Adam's step size is annealed", min = 1,
                max = Long.MAX_VALUE) long learningRateSteps) {

    /** Copies the layer lists and checks the learning-rate schedule. */
    public PpoConfig {
        actorHidden = List.copyOf(actorHidden);
        criticHidden = List.copyOf(criticHidden);
        Schedule.of("learningRate", learningRateSchedule, learningRateStart, learningRateEnd, learningRateSteps);
    }

    /** @return Adam's step size over environment steps */
    public Schedule learningRate() {
        return Schedule.of("learningRate", learningRateSchedule, learningRateStart, learningRateEnd, learningRateSteps);
    }
}
