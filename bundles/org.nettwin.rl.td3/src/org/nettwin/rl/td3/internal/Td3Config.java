package org.nettwin.rl.td3.internal;

import java.util.List;

import org.nettwin.api.config.Param;

/** The configuration of {@code rl/td3}, each parameter declared once (paper 004 = the slicing TD3 paper's values). */
public record Td3Config(
        @Param(value = "[48, 24]", doc = "units of the actor's hidden ReLU layers (paper 004: 48, 24)", min = 1, max = 4096) List<Integer> actorHidden,
        @Param(value = "[64, 24]", doc = "units of each critic's hidden ReLU layers (paper 004: 64, 24)", min = 1, max = 4096) List<Integer> criticHidden,
        @Param(value = "5e-4", doc = "Adam step size of the actor (paper 004: 0.0005)", min = 1e-7, max = 1.0) double actorLearningRate,
        @Param(value = "1e-3", doc = "Adam step size of the critics (paper 004: 0.001)", min = 1e-7, max = 1.0) double criticLearningRate,
        @Param(value = "0.1", doc = "discount factor (paper 004: 0.1 for slicing; Fujimoto et al.: 0.99)", min = 0.0, max = 1.0) double gamma,
        @Param(value = "32", doc = "transitions per update (paper 004: 32)", min = 1, max = 4096) int batchSize,
        @Param(value = "100_000", doc = "replay capacity per agent (oldest overwritten)", min = 1, max = 10_000_000) int bufferSize,
        @Param(value = "3_000", doc = "initial steps with uniformly random actions and no updates (paper 004: 3000)", min = 0,
                max = 10_000_000) int warmupSteps,
        @Param(value = "1", doc = "environment steps per update (per agent)", min = 1, max = 1_000) int trainEvery,
        @Param(value = "0.1", doc = "std of the Gaussian exploration noise, normalised action units", min = 0.0, max = 10.0) double explorationNoise,
        @Param(value = "0.2", doc = "std of the target-policy smoothing noise, normalised action units", min = 0.0, max = 10.0) double policyNoise,
        @Param(value = "0.5", doc = "clip c of the smoothing noise", min = 0.0, max = 10.0) double noiseClip,
        @Param(value = "2", doc = "critic updates per actor and target update", min = 1, max = 1_000) int policyDelay,
        @Param(value = "0.005", doc = "Polyak rate of the target networks", min = 0.0, max = 1.0) double tau,
        @Param(value = "0.0", doc = "global gradient-norm clip of each network; 0 = none", min = 0.0, max = 1e9) double maxGradNorm,
        @Param(value = "true", doc = "map a bounded Box observation linearly to [-1, 1] before the networks") boolean normaliseObservations,
        @Param(value = "bc", doc = "offline actor objective: bc = TD3+BC (Fujimoto and Gu 2021), none = naive off-policy TD3 on the data",
                choices = {"bc", "none"}) String offlineRegularisation,
        @Param(value = "2.5", doc = "TD3+BC's alpha: lambda = alpha / mean|Q1|", min = 0.0, max = 1e6) double bcAlpha) {

    /** Copies the layer lists. */
    public Td3Config {
        actorHidden = List.copyOf(actorHidden);
        criticHidden = List.copyOf(criticHidden);
    }

    /** @return whether offline learning is TD3+BC (otherwise naive TD3) */
    boolean offlineBc() {
        return offlineRegularisation.equals("bc");
    }
}
