package org.nettwin.rl.dqn.internal;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** DQN clearly beats the random policy on the real URLLC access-point selection service (full observation). */
class DqnOnUrllcIT {

    static <T> T service(Class<T> type, String id) throws Exception {
        BundleContext context = FrameworkUtil.getBundle(DqnOnUrllcIT.class).getBundleContext();
        ServiceTracker<T, T> t = new ServiceTracker<>(context,
                context.createFilter("(&(objectClass=" + type.getName() + ")(" + NetTwinPlugin.ID_PROPERTY + "=" + id + "))"), null);
        t.open();
        T s = t.waitForService(10_000);
        t.close();
        assertNotNull(s, id + " registered");
        return s;
    }

    double evaluate(String algorithmId, Map<String, Object> config, long steps) throws Exception {
        ScenarioProvider urllc = service(ScenarioProvider.class, "urllc/ApSelection-v1");
        AlgorithmProvider algorithms = service(AlgorithmProvider.class, algorithmId);
        try (Scenario train = urllc.create(urllc.configSchema().defaults(), 3); Scenario eval = urllc.create(urllc.configSchema().defaults(), 3)) {
            Algorithm a = algorithms.create(EnvironmentSpec.of(train), algorithms.configSchema().validate(config, ""), 3);
            a.learn(train, steps, TrainingListener.NONE);
            return Rollouts.meanReturn(((Scenario.Single) eval).environment(), a.policy(), 20, Seeds.derive(3, "eval"), 100_000);
        }
    }

    @Test
    void dqnClearlyBeatsRandomOnApSelection() throws Exception {
        double dqn = evaluate("rl/dqn", Map.of("epsilonSteps", 20_000L, "learningStarts", 1_000), 40_000);
        double random = evaluate("rl/random", Map.of(), 1);
        assertTrue(dqn > random + 50, "dqn " + dqn + " vs random " + random);
    }
}
