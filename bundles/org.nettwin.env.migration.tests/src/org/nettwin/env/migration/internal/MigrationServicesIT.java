package org.nettwin.env.migration.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nettwin.api.NetTwinPlugin;
import org.nettwin.api.rl.AlgorithmProvider;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.scenario.ScenarioProvider;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** The bundle's Declarative Services components, as the runtime sees them: both ids registered and usable. */
class MigrationServicesIT {

    private static <T> T service(Class<T> type, String id) throws BundleException, InterruptedException {
        Bundle bundle = FrameworkUtil.getBundle(MigrationServicesIT.class);
        if (bundle.getState() != Bundle.ACTIVE) {
            bundle.start(); // lazily activated: a test must trigger it as a first class load would
        }
        BundleContext context = bundle.getBundleContext();
        String filter = "(&(objectClass=" + type.getName() + ")(" + NetTwinPlugin.ID_PROPERTY + "=" + id + "))";
        ServiceTracker<T, T> tracker;
        try {
            tracker = new ServiceTracker<>(context, context.createFilter(filter), null);
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new AssertionError(e);
        }
        tracker.open();
        try {
            T service = tracker.waitForService(10_000);
            assertNotNull(service, "no " + type.getSimpleName() + " registered with " + filter);
            return service;
        } finally {
            tracker.close();
        }
    }

    @Test
    void theScenarioAndTheBaselineAreRegisteredUnderTheirIds() throws Exception {
        ScenarioProvider scenarios = service(ScenarioProvider.class, MigrationProvider.ID);
        assertEquals(MigrationProvider.ID, scenarios.descriptor().id());
        AlgorithmProvider baseline = service(AlgorithmProvider.class, StackelbergBaselineProvider.ID);
        assertEquals(StackelbergBaselineProvider.ID, baseline.descriptor().id());
        try (Scenario s = scenarios.create(scenarios.configSchema().defaults(), 1)) {
            assertInstanceOf(Scenario.Multi.class, s);
            assertTrue(baseline.incompatibility(EnvironmentSpec.of(s), baseline.configSchema().defaults()).isEmpty());
        }
    }
}
