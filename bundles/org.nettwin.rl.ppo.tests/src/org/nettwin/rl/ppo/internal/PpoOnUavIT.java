package org.nettwin.rl.ppo.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nettwin.api.rl.Algorithm;
import org.nettwin.api.run.TrainingListener;
import org.nettwin.api.scenario.Scenario;

/**
 * PPO (joint form: one agent, a factorised categorical over the UAVs' MultiDiscrete moves) and
 * MAPPO (parallel form: one shared actor with agent ids, centralised critic) clearly beat the
 * random policy on the real uav/Trajectories-v1 service. Rewards are the users' mean rate in
 * Mbit/s (about 21 per step under random moves), scaled by 0.01 for learning.
 */
class PpoOnUavIT {

    static final Map<String, Object> LEARNING = Map.of("minibatches", 16, "rewardScale", 0.01, "learningRateStart", 1e-3,
            "learningRateEnd", 1e-3);

    double[] learnedVersusRandom(String mode, Map<String, Object> extra, long steps) throws Exception {
        Map<String, Object> scenarioConfig = Map.of("mode", mode);
        try (Scenario train = Registry.scenario("uav/Trajectories-v1", scenarioConfig, 3);
                Scenario eval = Registry.scenario("uav/Trajectories-v1", scenarioConfig, 3)) {
            Map<String, Object> config = new java.util.HashMap<>(LEARNING);
            config.putAll(extra);
            Algorithm ppo = Registry.algorithm("rl/ppo", train, config, 5);
            double initial = Registry.meanReturn(eval, ppo, 5, 17);
            ppo.learn(train, steps, TrainingListener.NONE);
            double learned = Registry.meanReturn(eval, ppo, 5, 17);
            double random = Registry.meanReturn(eval, Registry.algorithm("rl/random", train, Map.of(), 5), 5, 17);
            System.out.printf("uav/Trajectories-v1 %s: random %.1f, untrained PPO %.1f, PPO after %d steps %.1f%n", mode, random, initial, steps,
                    learned);
            return new double[] {learned, random, initial};
        }
    }

    @Test
    void ppoOnTheJointFormClearlyBeatsRandom() throws Exception {
        double[] r = learnedVersusRandom("joint", Map.of("nSteps", 1024), 60_000);
        assertTrue(r[0] > r[1] + 120 && r[0] > r[2] + 120, "PPO " + r[0] + " vs random " + r[1] + " and untrained " + r[2]);
    }

    @Test
    void mappoOnTheParallelFormClearlyBeatsRandom() throws Exception {
        double[] r = learnedVersusRandom("parallel", Map.of("nSteps", 256), 20_000);
        assertTrue(r[0] > r[1] + 120 && r[0] > r[2] + 120, "MAPPO " + r[0] + " vs random " + r[1] + " and untrained " + r[2]);
    }
}
