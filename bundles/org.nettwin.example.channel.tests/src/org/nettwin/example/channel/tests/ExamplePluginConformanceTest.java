package org.nettwin.example.channel.tests;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nettwin.api.env.Environment;
import org.nettwin.api.experiment.ExperimentKind;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.scenario.ScenarioProvider;
import org.nettwin.api.testkit.EnvironmentConformance;
import org.nettwin.api.testkit.EnvironmentConformance.Options;
import org.nettwin.api.testkit.ExperimentKindConformance;
import org.nettwin.api.testkit.OsgiServices;
import org.nettwin.api.testkit.RandomActionsAlgorithm;
import org.nettwin.api.testkit.TestPlan;
import org.nettwin.api.testkit.TimeLimitCheck;

/**
 * The example plugin's own tests, as a third party writes them: its registered components through
 * the test kit's conformance kits — the scenario with EnvironmentConformance (several
 * configurations) and TimeLimitCheck, the experiment kind example/evaluate with ExperimentKindConformance on a
 * TestPlan (the registered scenario, the test kit's random-actions algorithm).
 */
class ExamplePluginConformanceTest {

    static final String SCENARIO = "example/ChannelAccess-v1";

    @Test
    void theScenarioConformsInSeveralConfigurations() {
        ScenarioProvider provider = OsgiServices.await(ScenarioProvider.class, SCENARIO);
        for (Map<String, ?> config : List.of(Map.<String, Object>of(), Map.of("channels", 2, "timeLimit", 7), Map.of("channels", 16, "timeLimit", 500))) {
            try (Scenario s = provider.create(provider.configSchema().validate(config, "scenario.config"), 11)) {
                Environment<double[], Integer> env = ((Scenario.Single) s).environment(double[].class, Integer.class);
                EnvironmentConformance.check(env, Options.DEFAULTS.withSteps(1_500));
            }
        }
    }

    @Test
    void episodesAreTruncatedByTheTimeLimitAlone() {
        // 100 slots by default (the provider's documented timeLimit)
        TimeLimitCheck.check(OsgiServices.await(ScenarioProvider.class, SCENARIO), Map.of("channels", 3), 100, 9);
    }

    static TestPlan.Builder evaluate(ExperimentKind kind, Map<String, ?> scenarioSettings) {
        return TestPlan.of(kind)
                .plugin("scenario", OsgiServices.await(ScenarioProvider.class, SCENARIO), Map.of("channels", 3, "timeLimit", 30), scenarioSettings)
                .plugin("algorithm", new RandomActionsAlgorithm(), Map.of())
                .settings("evaluate", Map.of("episodes", 12, "stochastic", true))
                .seeds(1, 2);
    }

    @Test
    void theEvaluateKindConforms() {
        ExperimentKind kind = OsgiServices.await(ExperimentKind.class, "example/evaluate");
        ExperimentKindConformance.check(kind, evaluate(kind, Map.of()));
    }

    @Test
    void theEvaluateKindRefusesLearningWrappersAtTheirField() {
        ExperimentKind kind = OsgiServices.await(ExperimentKind.class, "example/evaluate");
        ExperimentKindConformance.refuses(kind, evaluate(kind, Map.of("rewardScale", 2.0)), "scenario.rewardScale");
    }
}
