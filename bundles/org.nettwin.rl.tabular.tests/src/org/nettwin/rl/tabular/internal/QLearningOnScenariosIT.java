package org.nettwin.rl.tabular.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nettwin.api.NetTwinPlugin;
import org.nettwin.api.Seeds;
import org.nettwin.api.rl.Algorithm;
import org.nettwin.api.rl.AlgorithmProvider;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.rl.Rollouts;
import org.nettwin.api.run.TrainingListener;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.scenario.ScenarioProvider;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** Learning is shown, not assumed: Q-learning against the random policy on the real scenario services. */
class QLearningOnScenariosIT {

    static <T> T service(Class<T> type, String id) throws Exception {
        BundleContext context = FrameworkUtil.getBundle(QLearningOnScenariosIT.class).getBundleContext();
        ServiceTracker<T, T> t = new ServiceTracker<>(context,
                context.createFilter("(&(objectClass=" + type.getName() + ")(" + NetTwinPlugin.ID_PROPERTY + "=" + id + "))"), null);
        t.open();
        T s = t.waitForService(10_000);
        t.close();
        assertNotNull(s, id + " registered");
        return s;
    }

    /** Mean evaluation return of a learner trained for {@code steps} on a fresh scenario instance. */
    static double trainAndEvaluate(ScenarioProvider scenarios, Map<String, Object> scenarioConfig, String algorithmId,
            Map<String, Object> algorithmConfig, long steps, long seed) throws Exception {
        AlgorithmProvider algorithms = service(AlgorithmProvider.class, algorithmId);
        try (Scenario train = scenarios.create(scenarios.configSchema().validate(scenarioConfig, ""), seed);
                Scenario eval = scenarios.create(scenarios.configSchema().validate(scenarioConfig, ""), seed)) {
            Algorithm a = algorithms.create(EnvironmentSpec.of(train), algorithms.configSchema().validate(algorithmConfig, ""), seed);
            a.learn(train, steps, TrainingListener.NONE);
            return Rollouts.meanReturn(((Scenario.Single) eval).environment(), a.policy(), 20, Seeds.derive(seed, "eval"), 100_000);
        }
    }

    @Test
    void qLearningClearlyBeatsRandomOnUrllcAccessPointSelection() throws Exception {
        ScenarioProvider urllc = service(ScenarioProvider.class, "urllc/ApSelection-v1");
        Map<String, Object> compact = Map.of("observation", "compact");
        double learned = trainAndEvaluate(urllc, compact, "rl/q-learning",
                Map.of("bins", 8, "alpha", 0.1, "gamma", 0.9, "epsilonSteps", 100_000L), 150_000, 1);
        double random = trainAndEvaluate(urllc, compact, "rl/random", Map.of(), 1, 1);
        assertTrue(learned > random + 50, "q-learning " + learned + " vs random " + random);
    }

    @Test
    void qLearningApproachesTheOptimumOnAdmissionControl() throws Exception {
        ScenarioProvider admission = service(ScenarioProvider.class, "admission/Control-v1");
        double learned = trainAndEvaluate(admission, Map.of(), "rl/q-learning",
                Map.of("alpha", 0.1, "gamma", 0.95, "epsilonSteps", 50_000L), 100_000, 2);
        double random = trainAndEvaluate(admission, Map.of(), "rl/random", Map.of(), 1, 2);
        assertTrue(learned > random + 40, "q-learning " + learned + " vs random " + random);
    }

    /**
     * Issue 11's case on the real service: with three access points the full observation has 10
     * coordinates, refused at the default 10 bins (10^10 rows) and accepted with {@code "bins": 4}
     * (4^10 = 1,048,576 rows, within maxStates = 10^7).
     */
    @Test
    void theConfiguredBinsDecideWhetherTheFullUrllcObservationFits() throws Exception {
        ScenarioProvider urllc = service(ScenarioProvider.class, "urllc/ApSelection-v1");
        AlgorithmProvider q = service(AlgorithmProvider.class, "rl/q-learning");
        Map<String, Object> threeAps = Map.of("apPositions", List.of(200.0, 500.0, 800.0), "apOffsets", List.of(10.0, 50.0, 10.0),
                "apRadii", List.of(100.0, 700.0, 100.0), "apRates", List.of(100.0, 20.0, 100.0), "apCosts", List.of(0.02, 0.1, 0.02));
        try (Scenario scenario = urllc.create(urllc.configSchema().validate(threeAps, "scenario.config"), 1)) {
            EnvironmentSpec spec = EnvironmentSpec.of(scenario);
            assertEquals(10, spec.observationSpace().flatSize());
            String refusal = q.incompatibility(spec, q.configSchema().validate(Map.of(), "algorithm.config")).orElseThrow();
            assertTrue(refusal.contains("at 10 bins") && refusal.contains("maxStates=10000000"), refusal);
            var fourBins = q.configSchema().validate(Map.of("bins", 4), "algorithm.config");
            assertTrue(q.incompatibility(spec, fourBins).isEmpty(), () -> q.incompatibility(spec, fourBins).orElseThrow());
            Algorithm learner = q.create(spec, fourBins, 1);
            assertEquals(2_000, learner.learn(scenario, 2_000, TrainingListener.NONE));
        }
    }
}
