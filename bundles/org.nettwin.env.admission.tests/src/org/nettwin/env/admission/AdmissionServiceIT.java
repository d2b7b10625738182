package org.nettwin.env.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nettwin.api.NetTwinPlugin;
import org.nettwin.api.env.Environment;
import org.nettwin.api.env.FiniteMdp;
import org.nettwin.api.env.Snapshottable;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.scenario.ScenarioProvider;
import org.nettwin.api.testkit.EnvironmentConformance;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.util.tracker.ServiceTracker;

/** In a running framework with Declarative Services: the scenario is a service found by its id. */
class AdmissionServiceIT {

    @Test
    void theScenarioIsRegisteredUnderItsIdAndCreatesAnExactFiniteMdp() throws InterruptedException, InvalidSyntaxException {
        BundleContext context = FrameworkUtil.getBundle(AdmissionServiceIT.class).getBundleContext();
        assertNotNull(context, "the scenario bundle is started");
        String filter = "(&(objectClass=" + ScenarioProvider.class.getName() + ")(" + NetTwinPlugin.ID_PROPERTY + "="
                + AdmissionControlProvider.ID + "))";
        ServiceTracker<ScenarioProvider, ScenarioProvider> tracker = new ServiceTracker<>(context, context.createFilter(filter), null);
        tracker.open();
        try {
            ScenarioProvider provider = tracker.waitForService(10_000);
            assertNotNull(provider, "no ScenarioProvider with " + filter);
            assertEquals(AdmissionControlProvider.ID, provider.descriptor().id());
            try (Scenario scenario = provider.create(provider.configSchema().defaults(), 1)) {
                Environment<?, ?> env = ((Scenario.Single) scenario).environment();
                assertTrue(env.capability(Snapshottable.class).isPresent());
                FiniteMdp<?> mdp = env.capability(FiniteMdp.class).orElseThrow();
                assertEquals(108, mdp.tables().stateCount());
                EnvironmentConformance.check(env);
            }
        } finally {
            tracker.close();
        }
    }
}
