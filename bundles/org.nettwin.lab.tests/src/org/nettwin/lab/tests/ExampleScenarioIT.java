package org.nettwin.lab.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nettwin.api.env.Environment;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.scenario.ScenarioProvider;
import org.nettwin.api.testkit.EnvironmentConformance;
import org.nettwin.api.testkit.OsgiServices;
import org.nettwin.api.testkit.TimeLimitCheck;

/** The SDK's example scenario plugin, as registered: the contract, its named features and its 100-slot episodes. */
class ExampleScenarioIT {

    private static final String ID = "example/ChannelAccess-v1";

    @Test
    void theExampleScenarioConformsAndItsEpisodesAreTruncatedAt100SlotsByDefault() {
        ScenarioProvider provider = OsgiServices.await(ScenarioProvider.class, ID);
        try (Scenario scenario = provider.create(provider.configSchema().validate(Map.of("channels", 2), ""), 1)) {
            Environment<double[], Integer> env = ((Scenario.Single) scenario).environment(double[].class, Integer.class);
            assertEquals(List.of("last_seen_1", "last_seen_2", "age_1", "age_2"), env.observationFeatures());
            EnvironmentConformance.check(env);
        }
        TimeLimitCheck.check(provider, Map.of(), 100, 20);
    }
}
