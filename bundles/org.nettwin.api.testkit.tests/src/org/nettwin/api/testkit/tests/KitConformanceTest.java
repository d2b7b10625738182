package org.nettwin.api.testkit.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.LongFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nettwin.api.env.MdpTables;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.testkit.AlgorithmConformance;
import org.nettwin.api.testkit.EnvironmentConformance.Options;
import org.nettwin.api.testkit.MetricConformance;
import org.nettwin.api.testkit.RandomActionsAlgorithm;
import org.nettwin.api.testkit.RandomWalkEnvironment;
import org.nettwin.api.testkit.TwinConformance;
import org.nettwin.api.testkit.tests.FlawedPlugins.AlgorithmFlaw;
import org.nettwin.api.testkit.tests.FlawedPlugins.MetricFlaw;

/** The algorithm, twin and metric kits pass what keeps the contract and fail on each deliberate flaw, naming it. */
class KitConformanceTest {

    private static final LongFunction<Scenario> WALK = seed -> new Scenario.Single(new RandomWalkEnvironment());
    private static final Options QUICK = new Options(600, 42);

    private static void assertOne(List<String> problems, String part) {
        assertTrue(problems.stream().anyMatch(p -> p.contains(part)), () -> "expected a problem with '" + part + "' in " + problems);
    }

    @Test
    void theRandomActionsAlgorithmConforms() {
        assertEquals(List.of(), AlgorithmConformance.problems(new RandomActionsAlgorithm(), null, WALK, QUICK));
        AlgorithmConformance.check(new RandomActionsAlgorithm());
        assertEquals(List.of(), AlgorithmConformance.problems(new FlawedPlugins.FlawedAlgorithm(AlgorithmFlaw.NONE), null, WALK, QUICK),
                "the flawless wrapper conforms, so each flaw below is what fails");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SAVES_THE_CLOCK|not reproducible: the policy of two algorithms learning with seed 42 saved different bytes",
            "LOAD_FORGETS_STATE|save/load round trip: the policy loaded and saved again gave other bytes",
            "ACTS_OUTSIDE|acted 7 for the observation",
            "UNDOCUMENTED_PARAMETER|parameter 'units' has no documentation",
            "IGNORES_CANCELLATION|learn never asked listener.isCancelled()",
            "REFUSES_ALL|incompatibility(spec, config) refuses the test scenario"})
    void aFlawedAlgorithmFailsNamingTheFlaw(AlgorithmFlaw flaw, String expected) {
        var algorithm = new FlawedPlugins.FlawedAlgorithm(flaw);
        assertOne(AlgorithmConformance.problems(algorithm, null, WALK, QUICK), expected);
        AssertionError e = assertThrows(AssertionError.class, () -> AlgorithmConformance.check(algorithm, null, WALK, QUICK));
        assertTrue(e.getMessage().startsWith("Algorithm flawed/"), e.getMessage());
    }

    @Test
    void aTwinBuiltFromTheSeedConformsAndOneDrawingItsOwnRandomnessDoesNot() {
        assertEquals(List.of(), TwinConformance.problems(new FlawedPlugins.Twins(false), null, WALK, QUICK));
        List<String> problems = TwinConformance.problems(new FlawedPlugins.Twins(true), null, WALK, QUICK);
        assertOne(problems, "not reproducible: two twins built with seed 42 from the same data differ: at step ");
        assertThrows(AssertionError.class, () -> TwinConformance.check(new FlawedPlugins.Twins(true)));
    }

    @Test
    void aMetricMustBeZeroOnItselfSymmetricAndReproducible() {
        List<MdpTables> walks = MetricConformance.randomWalks();
        MdpTables a = walks.get(0);
        // the two walks differ in slip only, which moves expected rewards near the ends
        assertEquals(List.of(), MetricConformance.problems(new FlawedPlugins.Metric(MetricFlaw.NONE), null, a, walks.get(1), 42));
        assertOne(MetricConformance.problems(new FlawedPlugins.Metric(MetricFlaw.NOT_ZERO_ON_ITSELF), null, a, walks.get(1), 42),
                "d(a, a) = 0.5; a subject is at distance 0 from itself");
        assertOne(MetricConformance.problems(new FlawedPlugins.Metric(MetricFlaw.UNSEEDED), null, a, walks.get(1), 42),
                "not reproducible: seed 42 gave d(a, b) = ");
        assertOne(MetricConformance.problems(new FlawedPlugins.Metric(MetricFlaw.NONE), null, a, a, 42),
                "for two different subjects; the metric cannot tell them apart");
        assertThrows(AssertionError.class, () -> MetricConformance.check(new FlawedPlugins.Metric(MetricFlaw.NOT_ZERO_ON_ITSELF), a,
                walks.get(1)));
    }
}
