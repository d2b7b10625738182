package org.nettwin.api.testkit.tests;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nettwin.api.env.MultiStep;
import org.nettwin.api.space.SpaceViolationException;
import org.nettwin.api.testkit.EnvironmentConformance;
import org.nettwin.api.testkit.EnvironmentConformance.Options;
import org.nettwin.api.testkit.ParallelRandomWalkEnvironment;
import org.nettwin.api.testkit.RandomWalkEnvironment;

class MultiAgentConformanceTest {

    @ParameterizedTest
    @CsvSource({"3, 6, 0.1, 50, 42", "1, 2, 0.0, 3, 1", "5, 20, 0.5, 200, -99"})
    void theParallelReferenceEnvironmentConforms(int agents, int length, double slip, int maxSteps, long seed) {
        var env = new ParallelRandomWalkEnvironment(agents, length, slip, maxSteps);
        Options options = Options.DEFAULTS.withSeed(seed).withSteps(800);
        assertEquals(List.of(), EnvironmentConformance.problems(env, options));
        assertDoesNotThrow(() -> EnvironmentConformance.check(env, options));
    }

    @Test
    void parallelWalkersFinishIndependently() {
        var env = new ParallelRandomWalkEnvironment(2, 3, 0.0, 100);
        long seed = -1;
        for (long candidate = 0; candidate < 100 && seed < 0; candidate++) {
            MultiStep<double[]> s = env.reset(candidate);
            if (s.observation(0)[0] != s.observation(1)[0]) {
                seed = candidate;
            }
        }
        assertTrue(seed >= 0, "some seed starts the walkers at different positions (1 and 2)");
        MultiStep<double[]> s = env.reset(seed);
        int ahead = s.observation(0)[0] == 2 ? 0 : 1;
        int behind = 1 - ahead;
        List<Integer> right = List.of(RandomWalkEnvironment.RIGHT, RandomWalkEnvironment.RIGHT);

        s = env.step(right);
        assertTrue(s.terminated(ahead), "the walker starting at 2 reaches 3 in one step (slip 0)");
        assertEquals(1.0, s.reward(ahead));
        assertFalse(s.terminated(behind) || s.truncated(behind));
        assertEquals(0.0, s.reward(behind));
        assertEquals(2.0, s.observation(behind)[0]);
        assertEquals(1.0, s.info()[0], "info 'finished'");
        assertFalse(s.allDone());

        s = env.step(right);
        assertTrue(s.terminated(ahead), "a finished walker stays terminated");
        assertEquals(0.0, s.reward(ahead), "and earns nothing more");
        assertEquals(3.0, s.observation(ahead)[0]);
        assertTrue(s.terminated(behind));
        assertEquals(1.0, s.reward(behind));
        assertEquals(2.0, s.info()[0]);
        assertTrue(s.allDone());
        IllegalStateException over = assertThrows(IllegalStateException.class, () -> env.step(right));
        assertTrue(over.getMessage().contains("call reset() before step()"), over.getMessage());

        env.reset(seed);
        assertThrows(SpaceViolationException.class, () -> env.step(List.of(0, 2)));
        IllegalArgumentException wrongCount = assertThrows(IllegalArgumentException.class, () -> env.step(List.of(0)));
        assertTrue(wrongCount.getMessage().contains("expected 2 actions, one per agent, got 1"), wrongCount.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> env.step(Map.of("walker_1", RandomWalkEnvironment.LEFT)));
        assertTrue(missing.getMessage().contains("no action for agent 'walker_0'"), missing.getMessage());
    }

    @Test
    void failsWhenOneAgentsActionsAndWrongActionCountsAreAccepted() {
        var env = new BrokenEnvironments.LaxTeam();
        List<String> problems = EnvironmentConformance.problems(env, Options.DEFAULTS);
        assertEquals(3, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith("for agent 'b', step accepted 3 of 3 actions outside the action space Discrete(2)"
                + " instead of throwing SpaceViolationException: one above the largest value 2; one below the smallest value -1; null"),
                problems.get(0));
        assertFalse(problems.stream().anyMatch(p -> p.contains("agent 'a'")), "agent a's actions are checked: " + problems);
        assertEquals("step accepted 1 action for 2 agents; a wrong number of actions must be refused with IllegalArgumentException",
                problems.get(1));
        assertEquals("step accepted 3 actions for 2 agents; a wrong number of actions must be refused with IllegalArgumentException",
                problems.get(2));
        AssertionError e = assertThrows(AssertionError.class, () -> EnvironmentConformance.check(env));
        assertTrue(e.getMessage().startsWith("Environment " + env.getClass().getName() + " (seed 42, 300 steps) failed 3 conformance checks:"),
                e.getMessage());
    }

    @Test
    void failsWhenAnAgentLeavesItsObservationSpace() {
        // BaseMultiAgentEnvironment itself now refuses such an output; the conformance check reports that refusal
        List<String> problems = EnvironmentConformance.problems(new BrokenEnvironments.DriftingTeam(), Options.DEFAULTS);
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).contains("broken/DriftingTeam produced an observation outside its space Box(0.0, 3.0, (1,)) for agent right"),
                problems.get(0));
    }
}
