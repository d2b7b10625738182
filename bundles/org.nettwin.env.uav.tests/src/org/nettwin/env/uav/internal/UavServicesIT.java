package org.nettwin.env.uav.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nettwin.api.NetTwinPlugin;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.scenario.ScenarioProvider;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** The bundle's Declarative Services component, as the runtime sees it: registered under its id, both modes creatable. */
class UavServicesIT {

    @Test
    void theScenarioIsRegisteredUnderItsIdAndCreatesBothForms() throws Exception {
        Bundle bundle = FrameworkUtil.getBundle(UavServicesIT.class);
        if (bundle.getState() != Bundle.ACTIVE) {
            bundle.start(); // lazily activated: a test must trigger it as a first class load would
        }
        BundleContext context = bundle.getBundleContext();
        String filter = "(&(objectClass=" + ScenarioProvider.class.getName() + ")(" + NetTwinPlugin.ID_PROPERTY + "="
                + UavTrajectoriesProvider.ID + "))";
        ServiceTracker<ScenarioProvider, ScenarioProvider> tracker = new ServiceTracker<>(context, context.createFilter(filter), null);
        tracker.open();
        try {
            ScenarioProvider provider = tracker.waitForService(10_000);
            assertNotNull(provider, "no ScenarioProvider registered with " + filter);
            assertEquals(UavTrajectoriesProvider.ID, provider.descriptor().id());
            try (Scenario parallel = provider.create(provider.configSchema().defaults(), 1);
                    Scenario joint = provider.create(provider.configSchema().validate(Map.of("mode", "joint"), ""), 1)) {
                assertInstanceOf(Scenario.Multi.class, parallel);
                assertInstanceOf(Scenario.Single.class, joint);
            }
        } finally {
            tracker.close();
        }
    }
}
