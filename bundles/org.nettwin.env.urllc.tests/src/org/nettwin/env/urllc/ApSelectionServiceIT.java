package org.nettwin.env.urllc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nettwin.api.NetTwinPlugin;
import org.nettwin.api.env.Copyable;
import org.nettwin.api.env.Environment;
import org.nettwin.api.env.Snapshottable;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.scenario.ScenarioProvider;
import org.nettwin.api.testkit.EnvironmentConformance;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.util.tracker.ServiceTracker;

/** In a running framework with Declarative Services: the scenario is a service found by its id. */
class ApSelectionServiceIT {

    @Test
    void theScenarioIsRegisteredUnderItsIdAndItsEnvironmentsConform() throws InterruptedException, InvalidSyntaxException {
        BundleContext context = FrameworkUtil.getBundle(ApSelectionServiceIT.class).getBundleContext();
        assertNotNull(context, "the scenario bundle is started");
        ServiceTracker<ScenarioProvider, ScenarioProvider> tracker = new ServiceTracker<>(context, context.createFilter(
                "(&(objectClass=" + ScenarioProvider.class.getName() + ")(" + NetTwinPlugin.ID_PROPERTY + "=" + ApSelectionProvider.ID + "))"),
                null);
        tracker.open();
        try {
            ScenarioProvider provider = tracker.waitForService(10_000);
            assertNotNull(provider, "no ScenarioProvider registered as " + ApSelectionProvider.ID);
            assertEquals(ApSelectionProvider.ID, provider.descriptor().id());
            for (String observation : new String[] {"full", "compact"}) {
                try (Scenario scenario = provider.create(provider.configSchema().validate(Map.of("observation", observation), ""), 1)) {
                    Environment<?, ?> env = ((Scenario.Single) scenario).environment();
                    assertTrue(env.capability(Snapshottable.class).isPresent());
                    assertTrue(env.capability(Copyable.class).isPresent());
                    assertEquals("Discrete(5)", env.actionSpace().describe(), "one action per default AP");
                    EnvironmentConformance.check(env);
                }
            }
        } finally {
            tracker.close();
        }
    }
}
