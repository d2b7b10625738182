package org.nettwin.rl.ppo.internal;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.nettwin.api.NetTwinPlugin;
import org.nettwin.api.rl.Algorithm;
import org.nettwin.api.rl.AlgorithmProvider;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.rl.Policy;
import org.nettwin.api.rl.Rollouts;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.scenario.ScenarioProvider;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** The running framework's plugins, found by id as the lab finds them, and evaluation helpers for the integration tests. */
final class Registry {

    private Registry() {
    }

    static <T> T plugin(Class<T> type, String id) throws InterruptedException, org.osgi.framework.InvalidSyntaxException {
        BundleContext context = FrameworkUtil.getBundle(Registry.class).getBundleContext();
        String filter = "(&(objectClass=" + type.getName() + ")(" + NetTwinPlugin.ID_PROPERTY + "=" + id + "))";
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, context.createFilter(filter), null);
        tracker.open();
        try {
            T service = tracker.waitForService(10_000);
            assertNotNull(service, id + " is registered");
            return service;
        } finally {
            tracker.close();
        }
    }

    static Scenario scenario(String id, Map<String, Object> config, long seed) throws Exception {
        ScenarioProvider provider = plugin(ScenarioProvider.class, id);
        return provider.create(provider.configSchema().validate(config, ""), seed);
    }

    static Algorithm algorithm(String id, Scenario scenario, Map<String, Object> config, long seed) throws Exception {
        AlgorithmProvider provider = plugin(AlgorithmProvider.class, id);
        return provider.create(EnvironmentSpec.of(scenario), provider.configSchema().validate(config, ""), seed);
    }

    /** Mean undiscounted return (mean over agents for parallel scenarios) of every agent's deterministic policy. */
    static double meanReturn(Scenario scenario, Algorithm algorithm, int episodes, long seed) {
        return switch (scenario) {
            case Scenario.Single s -> Rollouts.meanReturn(s.environment(), algorithm.policy(), episodes, seed, 1_000_000);
            case Scenario.Multi m -> {
                List<Policy<?, ?>> policies = new ArrayList<>();
                for (int i = 0; i < m.environment().possibleAgents().size(); i++) {
                    policies.add(algorithm.policy(i));
                }
                yield Rollouts.meanReturn(m.environment(), policies, episodes, seed, 1_000_000);
            }
        };
    }
}
