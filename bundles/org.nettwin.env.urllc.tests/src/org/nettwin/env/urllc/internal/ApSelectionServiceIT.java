package org.nettwin.env.urllc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nettwin.api.env.Copyable;
import org.nettwin.api.env.Environment;
import org.nettwin.api.env.Snapshottable;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.scenario.ScenarioProvider;
import org.nettwin.api.testkit.EnvironmentConformance;
import org.nettwin.api.testkit.OsgiServices;

/** In a running framework with Declarative Services: the scenario is a service found by its id. */
class ApSelectionServiceIT {

    @Test
    void theScenarioIsRegisteredUnderItsIdAndItsEnvironmentsConform() {
        ScenarioProvider provider = OsgiServices.await(ScenarioProvider.class, ApSelectionProvider.ID);
        assertEquals(ApSelectionProvider.ID, provider.descriptor().id());
        for (String observation : new String[] {"full", "compact"}) {
            try (Scenario scenario = provider.create(provider.configSchema().validate(Map.of("observation", observation), ""), 1)) {
                Environment<double[], Integer> env = ((Scenario.Single) scenario).environment(double[].class, Integer.class);
                assertTrue(env.capability(Snapshottable.class).isPresent());
                assertTrue(env.capability(Copyable.class).isPresent());
                assertEquals("Discrete(5)", env.actionSpace().describe(), "one action per default AP");
                EnvironmentConformance.check(env);
            }
        }
    }
}
