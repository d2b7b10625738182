package org.nettwin.rl.ppo.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nettwin.api.rl.Algorithm;
import org.nettwin.api.run.TrainingListener;
import org.nettwin.api.scenario.Scenario;

/**
 * MAPPO (12 cells, one shared actor with agent ids, centralised critic, Simplex(4) shares as a
 * softmax of Gaussian logits) on the real slicing/MultiCell-v1 service against rl/random and the
 * two rule baselines, all evaluated deterministically on the same episodes.
 */
class MappoOnMultiCellIT {

    @Test
    void mappoClearlyBeatsRandomAndTheEqualSplitAndComesCloseToTrafficAware() throws Exception {
        try (Scenario train = Registry.scenario("slicing/MultiCell-v1", Map.of(), 3);
                Scenario eval = Registry.scenario("slicing/MultiCell-v1", Map.of(), 3)) {
            Algorithm mappo = Registry.algorithm("rl/ppo", train, Map.of("nSteps", 200, "minibatches", 8, "epochs", 5, "gamma", 0.9), 5);
            double untrained = Registry.meanReturn(eval, mappo, 3, 23);
            mappo.learn(train, 8_000, TrainingListener.NONE);
            double learned = Registry.meanReturn(eval, mappo, 3, 23);
            double random = Registry.meanReturn(eval, Registry.algorithm("rl/random", train, Map.of(), 1), 3, 23);
            double equal = Registry.meanReturn(eval, Registry.algorithm("baseline/equal-split", train, Map.of(), 1), 3, 23);
            double trafficAware = Registry.meanReturn(eval, Registry.algorithm("baseline/traffic-aware", train, Map.of(), 1), 3, 23);
            System.out.printf("slicing/MultiCell-v1 (200-step episodes): random %.2f, equal-split %.2f, traffic-aware %.2f, untrained MAPPO %.2f,"
                    + " MAPPO after 8000 steps %.2f (%.1f%% of traffic-aware)%n", random, equal, trafficAware, untrained, learned,
                    100 * learned / trafficAware);
            assertTrue(learned > random + 50, "MAPPO " + learned + " vs random " + random);
            assertTrue(learned > equal + 3 && learned > untrained + 3, "MAPPO " + learned + " vs equal split " + equal + ", untrained " + untrained);
            assertTrue(learned > 0.95 * trafficAware, "MAPPO " + learned + " vs traffic-aware " + trafficAware);
        }
    }
}
