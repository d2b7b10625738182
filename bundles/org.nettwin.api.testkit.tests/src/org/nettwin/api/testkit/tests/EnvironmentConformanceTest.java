package org.nettwin.api.testkit.tests;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nettwin.api.env.Environment;
import org.nettwin.api.testkit.EnvironmentConformance;
import org.nettwin.api.testkit.EnvironmentConformance.Options;
import org.nettwin.api.testkit.RandomWalkEnvironment;

class EnvironmentConformanceTest {

    private static final Options QUICK = Options.DEFAULTS;

    /** Runs the check, asserts it fails with a plain AssertionError and returns the message. */
    private static String failure(Environment<?, ?> env) {
        AssertionError e = assertThrows(AssertionError.class, () -> EnvironmentConformance.check(env));
        assertEquals(AssertionError.class, e.getClass(), "a plain AssertionError, not a framework-specific one");
        assertTrue(e.getMessage().startsWith("Environment " + env.getClass().getName() + " (seed 42, 300 steps) failed "),
                e.getMessage());
        return e.getMessage();
    }

    private static void assertContains(String text, String part) {
        assertTrue(text.contains(part), () -> "expected '" + part + "' in:\n" + text);
    }

    @ParameterizedTest
    @CsvSource({"10, 0.1, 100, 42", "2, 0.0, 1, 7", "5, 0.5, 30, -3", "30, 1.0, 500, 123456789"})
    void theReferenceEnvironmentConforms(int length, double slip, int maxSteps, long seed) {
        RandomWalkEnvironment env = new RandomWalkEnvironment(length, slip, maxSteps);
        Options options = Options.DEFAULTS.withSeed(seed).withSteps(1000);
        assertEquals(List.of(), EnvironmentConformance.problems(env, options));
        assertDoesNotThrow(() -> EnvironmentConformance.check(env, options));
        assertDoesNotThrow(() -> EnvironmentConformance.check(env));
    }

    @Test
    void optionsRejectAnEmptyRun() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Options.DEFAULTS.withSteps(0));
        assertContains(e.getMessage(), "at least one step");
        assertEquals(new Options(300, 42), Options.DEFAULTS);
    }

    @Test
    void failsWhenActionsOutsideTheSpaceAreAccepted() {
        var env = new BrokenEnvironments.AcceptsAnyAction();
        List<String> problems = EnvironmentConformance.problems(env, QUICK);
        assertEquals(1, problems.size(), problems::toString);
        String p = problems.get(0);
        assertContains(p, "step accepted 7 of 7 actions outside the action space Box(-1.0, 1.0, (2,))");
        assertContains(p, "instead of throwing SpaceViolationException");
        assertContains(p, "NaN in coordinate 0 [NaN, ");
        assertContains(p, "one coordinate too few");
        assertContains(p, "; null");
        String message = failure(env);
        assertContains(message, "failed 1 conformance check:\n  1. step accepted 7 of 7");
    }

    @Test
    void failsWhenTheSameSeedGivesAnotherRun() {
        String message = failure(new BrokenEnvironments.UnseededNoise());
        assertContains(message, "failed 1 conformance check:");
        assertContains(message, "not reproducible: reset(42) with the same 300 actions gave a different run the second time;"
                + " first difference at step ");
        assertContains(message, "in the first run");
    }

    @Test
    void failsWhenStateLeaksFromOneEpisodeIntoTheNext() {
        List<String> problems = EnvironmentConformance.problems(new BrokenEnvironments.LeaksStateAcrossResets(), QUICK);
        assertEquals(1, problems.size(), problems::toString);
        assertContains(problems.get(0), "not reproducible");
        assertContains(problems.get(0), "first difference at step 1: reward 0.1 in the first run, 1.6 in the second");
    }

    @Test
    void failsOnNaNRewardsAndObservationsOfAnEnvironmentWithoutBaseEnvironment() {
        List<String> problems = EnvironmentConformance.problems(new BrokenEnvironments.EmitsNaN(), QUICK);
        assertEquals(2, problems.size(), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("step 5: non-finite reward NaN (and ")), problems::toString);
        assertTrue(problems.stream().anyMatch(
                p -> p.startsWith("step 7: observation [NaN] is outside the observation space Box(0.0, 1.0, (1,)) (and ")),
                problems::toString);
        assertContains(failure(new BrokenEnvironments.EmitsNaN()), "failed 2 conformance checks:");
    }

    @Test
    void failsWhenObservationsLeaveTheObservationSpace() {
        // BaseEnvironment itself now refuses such an output; the conformance check reports that refusal
        List<String> problems = EnvironmentConformance.problems(new BrokenEnvironments.LeavesObservationSpace(), QUICK);
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).contains("broken/LeavesObservationSpace produced an observation outside its space Box(0.0, 5.0, (1,))"),
                problems.get(0));
    }

    @Test
    void failsWhenActionsAreRefusedWithTheWrongException() {
        var env = new BrokenEnvironments.WrongRefusalException();
        AssertionError e = assertThrows(AssertionError.class, () -> EnvironmentConformance.check(env));
        String message = e.getMessage();
        assertContains(message, "failed 3 conformance checks:");
        assertContains(message, "the action one above the largest value 3 (outside Discrete(3)) was refused with the wrong exception;"
                + " expected SpaceViolationException: java.lang.IllegalArgumentException: bad action 3");
        assertContains(message, "the action one below the smallest value -1 (outside Discrete(3))");
        assertContains(message, "the action null (outside Discrete(3)) was refused with the wrong exception;"
                + " expected SpaceViolationException: java.lang.NullPointerException");
        IllegalArgumentException cause = assertInstanceOf(IllegalArgumentException.class, e.getCause(),
                "the environment's first exception is the cause");
        assertEquals("bad action 3", cause.getMessage());
    }

    @Test
    void failsWhenActionsAreCheckedAgainstAnotherSpace() {
        List<String> problems = EnvironmentConformance.problems(new BrokenEnvironments.ChecksAgainstAnotherSpace(), QUICK);
        assertEquals(List.of(
                "the SpaceViolationException refusing the action one below the smallest value -1 does not name the action space"
                        + " Discrete(3): action -1 is outside the space Discrete(5) (and 1 more time)",
                "step accepted 1 of 3 actions outside the action space Discrete(3) instead of throwing SpaceViolationException:"
                        + " one above the largest value 3"), problems);
    }

    @Test
    void failsWhenARefusedActionStillChangesTheState() {
        List<String> problems = EnvironmentConformance.problems(new BrokenEnvironments.RefusalLeavesTrace(), QUICK);
        assertEquals(1, problems.size(), problems::toString);
        assertContains(problems.get(0), "refusing the action one above the largest value 2 changed the environment: the next valid step"
                + " differs from the same step without the refused action: observation (encoded) [1.0] without the refused action,"
                + " [2.0] after it (and 2 more times)");
    }

    @Test
    void failsOnABadResetAndMisalignedInfo() {
        List<String> problems = EnvironmentConformance.problems(new BrokenEnvironments.BadReset(), QUICK);
        assertEquals(List.of("reset(42) returned reward 1.0; a reset must return reward 0",
                "reset(42): info has 1 values but infoNames() names 2 [load, drops] (and 300 more times)"), problems);
    }

    @Test
    void stopsEarlyWhenASpaceIsMissing() {
        List<String> problems = EnvironmentConformance.problems(new BrokenEnvironments.NoObservationSpace(), QUICK);
        assertEquals(List.of("observationSpace() returned null"), problems);
    }

    @Test
    void reportsAValidActionThatIsRefused() {
        RandomWalkEnvironment tooStrict = new RandomWalkEnvironment(10, 0.1, 100);
        Environment<double[], Integer> env = new Environment<>() {
            @Override
            public org.nettwin.api.space.Space<double[]> observationSpace() {
                return tooStrict.observationSpace();
            }

            @Override
            public org.nettwin.api.space.Space<Integer> actionSpace() {
                return tooStrict.actionSpace();
            }

            @Override
            public List<String> infoNames() {
                return tooStrict.infoNames();
            }

            @Override
            public org.nettwin.api.env.Step<double[]> reset(long seed) {
                return tooStrict.reset(seed);
            }

            @Override
            public org.nettwin.api.env.Step<double[]> reset() {
                return tooStrict.reset();
            }

            @Override
            public org.nettwin.api.env.Step<double[]> step(Integer action) {
                if (action != null && action == RandomWalkEnvironment.RIGHT) {
                    throw new IllegalStateException("RIGHT is not implemented");
                }
                return tooStrict.step(action);
            }
        };
        List<String> problems = EnvironmentConformance.problems(env, QUICK);
        assertTrue(problems.get(0).matches("step \\d+ with the valid action 1 threw: java.lang.IllegalStateException: RIGHT is not implemented"),
                problems::toString);
    }
}
