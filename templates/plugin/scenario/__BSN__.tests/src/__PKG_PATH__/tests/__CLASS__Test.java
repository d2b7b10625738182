package __PACKAGE__.tests;

import org.junit.jupiter.api.Test;
import org.nettwin.api.env.Environment;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.testkit.EnvironmentConformance;
import org.nettwin.api.testkit.EnvironmentConformance.Options;
import org.nettwin.api.testkit.OsgiServices;
import org.nettwin.api.testkit.TimeLimitCheck;
import org.nettwin.api.scenario.ScenarioProvider;

/** The test kit's conformance checks on the scenario, as registered in a real OSGi framework. */
class __CLASS__Test {

    @Test
    void theRegisteredScenarioConforms() {
        ScenarioProvider provider = OsgiServices.await(ScenarioProvider.class, "__ID__");
        try (Scenario s = provider.create(provider.configSchema().defaults(), 7)) {
            Environment<double[], Integer> env = ((Scenario.Single) s).environment(double[].class, Integer.class);
            EnvironmentConformance.check(env, Options.DEFAULTS.withSteps(2_000));
        }
    }

    @Test
    void episodesAreTruncatedByTheTimeLimitAlone() {
        // the provider's default timeLimit is 100 steps; 9 is a configured, shorter one
        TimeLimitCheck.check(OsgiServices.await(ScenarioProvider.class, "__ID__"), java.util.Map.of(), 100, 9);
    }
}
