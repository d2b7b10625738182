package org.nettwin.env.uav.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.scenario.ScenarioProvider;
import org.nettwin.api.testkit.OsgiServices;

/** The bundle's Declarative Services component, as the runtime sees it: registered under its id, both modes creatable. */
class UavServicesIT {

    @Test
    void theScenarioIsRegisteredUnderItsIdAndCreatesBothForms() {
        ScenarioProvider provider = OsgiServices.await(ScenarioProvider.class, UavTrajectoriesProvider.ID);
        assertEquals(UavTrajectoriesProvider.ID, provider.descriptor().id());
        try (Scenario parallel = provider.create(provider.configSchema().defaults(), 1);
                Scenario joint = provider.create(provider.configSchema().validate(Map.of("mode", "joint"), ""), 1)) {
            assertInstanceOf(Scenario.Multi.class, parallel);
            assertInstanceOf(Scenario.Single.class, joint);
        }
    }
}
