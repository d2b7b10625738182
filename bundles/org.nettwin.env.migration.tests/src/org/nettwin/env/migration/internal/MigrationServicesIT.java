package org.nettwin.env.migration.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nettwin.api.rl.AlgorithmProvider;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.scenario.ScenarioProvider;
import org.nettwin.api.testkit.OsgiServices;

/** The bundle's Declarative Services components, as the runtime sees them: both ids registered and usable. */
class MigrationServicesIT {

    @Test
    void theScenarioAndTheBaselineAreRegisteredUnderTheirIds() {
        ScenarioProvider scenarios = OsgiServices.await(ScenarioProvider.class, MigrationProvider.ID);
        assertEquals(MigrationProvider.ID, scenarios.descriptor().id());
        AlgorithmProvider baseline = OsgiServices.await(AlgorithmProvider.class, StackelbergBaselineProvider.ID);
        assertEquals(StackelbergBaselineProvider.ID, baseline.descriptor().id());
        try (Scenario s = scenarios.create(scenarios.configSchema().defaults(), 1)) {
            assertInstanceOf(Scenario.Multi.class, s);
            assertTrue(baseline.incompatibility(EnvironmentSpec.of(s), baseline.configSchema().defaults()).isEmpty());
        }
    }
}
