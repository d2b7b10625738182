package __PACKAGE__.tests;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nettwin.api.experiment.ExperimentKind;
import org.nettwin.api.testkit.ExperimentKindConformance;
import org.nettwin.api.testkit.OsgiServices;
import org.nettwin.api.testkit.RandomWalkScenario;
import org.nettwin.api.testkit.TestPlan;

/** The test kit's conformance checks on the registered experiment kind, with the test kit's random-walk scenario. */
class __CLASS__Test {

    static TestPlan.Builder plan(ExperimentKind kind, int episodes, int maxEpisodeSteps) {
        return TestPlan.of(kind).plugin("scenario", new RandomWalkScenario(), Map.of("length", 6))
                .settings("rollouts", Map.of("episodes", episodes, "maxEpisodeSteps", maxEpisodeSteps)).seeds(1, 2);
    }

    @Test
    void theRegisteredKindConforms() {
        ExperimentKind kind = OsgiServices.await(ExperimentKind.class, "__ID__");
        ExperimentKindConformance.check(kind, plan(kind, 5, 200));
    }

    @Test
    void tooManyStepsPerSeedAreRefusedAtTheEpisodes() {
        ExperimentKind kind = OsgiServices.await(ExperimentKind.class, "__ID__");
        ExperimentKindConformance.refuses(kind, plan(kind, 1_000_000, 100_000_000), "rollouts.episodes");
    }
}
