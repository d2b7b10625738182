package org.nettwin.api.testkit.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nettwin.api.PluginDescriptor;
import org.nettwin.api.config.Config;
import org.nettwin.api.config.ConfigSchema;
import org.nettwin.api.env.Environment;
import org.nettwin.api.env.Step;
import org.nettwin.api.experiment.ExperimentKind;
import org.nettwin.api.experiment.ExperimentPlan;
import org.nettwin.api.experiment.PluginUse;
import org.nettwin.api.experiment.Report;
import org.nettwin.api.experiment.ReportContext;
import org.nettwin.api.experiment.Section;
import org.nettwin.api.experiment.Study;
import org.nettwin.api.experiment.Unit;
import org.nettwin.api.experiment.UnitContext;
import org.nettwin.api.experiment.UnitData;
import org.nettwin.api.experiment.UnitResult;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.scenario.ScenarioProvider;
import org.nettwin.api.testkit.ExperimentKindConformance;
import org.nettwin.api.testkit.TestPlan;

/** The experiment-kind kit and its test plan, on a small kind that walks a scenario with a fixed action. */
class ExperimentKindConformanceTest {

    /** A scenario plugin of the test kit's random walk. */
    static final class Walks implements ScenarioProvider {
        @Override
        public PluginDescriptor descriptor() {
            return new PluginDescriptor("testkit/RandomWalk-v1", "random walk", "the test kit's random walk");
        }

        @Override
        public ConfigSchema configSchema() {
            return ConfigSchema.builder().intParam("length", 10, 2, 100, "the right end").build();
        }

        @Override
        public Scenario create(Config config, long seed) {
            return new Scenario.Single(new org.nettwin.api.testkit.RandomWalkEnvironment(config.getInt("length"), 0.2, 50));
        }
    }

    /** "walk": always steps right; one unit per seed; the report gives the mean return. Optionally flawed. */
    static final class WalkKind implements ExperimentKind {
        static final Section.Settings WALK = new Section.Settings("walk",
                ConfigSchema.builder().intParam("episodes", 5, 1, 1000, "episodes per seed").build(), false, "how many episodes");
        private final boolean unseeded;

        WalkKind(boolean unseeded) {
            this.unseeded = unseeded;
        }

        @Override
        public PluginDescriptor descriptor() {
            return new PluginDescriptor("testkit/walk", "walk", "steps right until the episode ends");
        }

        @Override
        public List<Section> sections() {
            return List.of(Section.Plugin.of("scenario", ScenarioProvider.class, "the scenario"), WALK);
        }

        @Override
        public Study prepare(ExperimentPlan plan) {
            PluginUse<ScenarioProvider> scenario = plan.plugin("scenario", ScenarioProvider.class);
            Config walk = plan.has("walk") ? plan.settings("walk") : WALK.schema().defaults();
            if (walk.getInt("episodes") > 100) {
                plan.problem("walk.episodes", "at most 100 episodes in a walk");
                return null;
            }
            return new Study() {
                @Override
                public List<Unit> units() {
                    return plan.seeds().stream().map(s -> new Unit("seed-" + s, s, "seed " + s, walk.getInt("episodes"))).toList();
                }

                @Override
                @SuppressWarnings({"rawtypes", "unchecked"})
                public UnitData run(Unit unit, UnitContext context) {
                    try (Scenario s = scenario.service().create(scenario.config(), unit.seed())) {
                        Environment env = ((Scenario.Single) s).environment();
                        double total = 0;
                        for (int e = 0; e < walk.getInt("episodes"); e++) {
                            Step<?> step = env.reset(unit.seed() * 1000 + e);
                            double ret = unseeded ? Math.random() : 0;
                            while (!step.done()) {
                                step = env.step(1);
                                ret += step.reward();
                            }
                            context.metric(e, "episode_return", ret);
                            context.progress(e + 1);
                            total += ret;
                        }
                        return new UnitData().put("total", total);
                    }
                }

                @Override
                public Report report(List<UnitResult> results, ReportContext context) {
                    double sum = results.stream().mapToDouble(r -> r.data().getDouble("total")).sum();
                    return new Report(Map.of("total", sum), List.of("total return " + sum));
                }
            };
        }
    }

    static TestPlan.Builder plan(ExperimentKind kind, int episodes) {
        return TestPlan.of(kind).plugin("scenario", new Walks(), Map.of("length", 6)).settings("walk", Map.of("episodes", episodes))
                .seeds(3, 4);
    }

    @Test
    void aSeededKindConforms() {
        assertEquals(List.of(), ExperimentKindConformance.problems(new WalkKind(false), plan(new WalkKind(false), 4)));
        ExperimentKindConformance.refuses(new WalkKind(false), plan(new WalkKind(false), 500), "walk.episodes");
    }

    @Test
    void aKindWhoseUnitsDrawUnseededRandomnessFails() {
        List<String> problems = ExperimentKindConformance.problems(new WalkKind(true), plan(new WalkKind(true), 4));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("not reproducible: unit seed-3 (seed 3) gave other metric rows the second"
                + " time: row 0: MetricRow[step=0, metric=episode_return")), problems::toString);
        assertThrows(AssertionError.class, () -> ExperimentKindConformance.check(new WalkKind(true), plan(new WalkKind(true), 4)));
    }

    @Test
    void refusesFailsWhenTheKindAcceptsOrRefusesElsewhere() {
        AssertionError accepted = assertThrows(AssertionError.class,
                () -> ExperimentKindConformance.refuses(new WalkKind(false), plan(new WalkKind(false), 50), "walk.episodes"));
        assertTrue(accepted.getMessage().contains("returned a study"), accepted.getMessage());
        AssertionError elsewhere = assertThrows(AssertionError.class,
                () -> ExperimentKindConformance.refuses(new WalkKind(false), plan(new WalkKind(false), 500), "scenario"));
        assertTrue(elsewhere.getMessage().contains("expected a refusal located at scenario"), elsewhere.getMessage());
    }

    @Test
    void theTestPlanValidatesAsExperimentFilesAre() {
        WalkKind kind = new WalkKind(false);
        TestPlan bad = TestPlan.of(kind).plugin("scenario", new Walks(), Map.of("length", 1)).settings("walks", Map.of()).build();
        assertEquals("walks: unknown section; testkit/walk reads scenario, walk", bad.problems().get(0));
        assertEquals(2, bad.problems().size(), bad.problems()::toString);
        assertTrue(bad.problems().get(1).startsWith("scenario.config.length: "), bad.problems()::toString);
        TestPlan missing = TestPlan.of(kind).build();
        assertEquals(List.of("scenario: is required: the scenario"), missing.problems());
    }
}
