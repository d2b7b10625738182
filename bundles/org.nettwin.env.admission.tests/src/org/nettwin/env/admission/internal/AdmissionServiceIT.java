package org.nettwin.env.admission.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nettwin.api.env.Environment;
import org.nettwin.api.env.FiniteMdp;
import org.nettwin.api.env.Snapshottable;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.scenario.ScenarioProvider;
import org.nettwin.api.testkit.EnvironmentConformance;
import org.nettwin.api.testkit.OsgiServices;

/** In a running framework with Declarative Services: the scenario is a service found by its id. */
class AdmissionServiceIT {

    @Test
    void theScenarioIsRegisteredUnderItsIdAndCreatesAnExactFiniteMdp() {
        ScenarioProvider provider = OsgiServices.await(ScenarioProvider.class, AdmissionControlProvider.ID);
        assertEquals(AdmissionControlProvider.ID, provider.descriptor().id());
        try (Scenario scenario = provider.create(provider.configSchema().defaults(), 1)) {
            Environment<int[], Integer> env = ((Scenario.Single) scenario).environment(int[].class, Integer.class);
            assertTrue(env.capability(Snapshottable.class).isPresent());
            FiniteMdp<?> mdp = env.capability(FiniteMdp.class).orElseThrow();
            assertEquals(108, mdp.tables().stateCount());
            EnvironmentConformance.check(env);
        }
    }
}
