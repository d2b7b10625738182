package org.nettwin.twin.tabular.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.nettwin.api.Seeds;
import org.nettwin.api.config.Config;
import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.env.MdpTables;
import org.nettwin.api.env.Step;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.run.TrainingListener;
import org.nettwin.api.space.Box;
import org.nettwin.api.space.Discrete;
import org.nettwin.api.testkit.EnvironmentConformance;
import org.nettwin.api.twin.TwinAccuracy;

class TabularTwinTest {

    final TabularTwinBuilder builder = new TabularTwinBuilder();

    /** Transitions of the uniformly random policy on the chain. */
    static TransitionDataset collect(SlipperyChain env, int steps, long seed) {
        TransitionDataset data = new TransitionDataset(1, 1, Map.of("scenario", "test/SlipperyChain"));
        RandomGenerator random = Seeds.generator(seed);
        Step<Integer> s = env.reset(seed);
        int episode = 0;
        double[] o = new double[1];
        double[] a = new double[1];
        double[] x = new double[1];
        for (int i = 0; i < steps; i++) {
            o[0] = s.observation();
            int action = random.nextInt(2);
            a[0] = action;
            s = env.step(action);
            x[0] = s.observation();
            data.add(episode, o, a, s.reward(), x, s.terminated(), s.truncated());
            if (s.done()) {
                episode++;
                s = env.reset();
            }
        }
        return data;
    }

    Config config(Map<String, Object> values) {
        return builder.configSchema().validate(values, "");
    }

    static double maxProbabilityError(MdpTables a, MdpTables b, int visitedStatesBelow) {
        double max = 0;
        for (int s = 1; s < visitedStatesBelow; s++) {
            for (int act = 0; act < a.actionCount(); act++) {
                for (int t = 0; t < a.stateCount(); t++) {
                    max = Math.max(max, Math.abs(a.probability(s, act, t) - b.probability(s, act, t)));
                }
            }
        }
        return max;
    }

    @Test
    void countedTablesConvergeToTheTruthAndTheErrorFallsWithData() {
        SlipperyChain real = new SlipperyChain(6, 0.2);
        EnvironmentSpec spec = EnvironmentSpec.of(real);
        TabularTwin small = (TabularTwin) builder.build(spec, collect(real, 300, 1), config(Map.of()), 1, TrainingListener.NONE);
        TabularTwin large = (TabularTwin) builder.build(spec, collect(real, 60_000, 1), config(Map.of()), 1, TrainingListener.NONE);
        double smallError = maxProbabilityError(small.tables(), real.tables(), 5);
        double largeError = maxProbabilityError(large.tables(), real.tables(), 5);
        assertTrue(largeError < 0.03, "60k transitions: max |P_twin - P_real| = " + largeError);
        assertTrue(largeError < smallError, "error falls with data: " + smallError + " -> " + largeError);
        for (int s = 1; s < 5; s++) {
            for (int a = 0; a < 2; a++) {
                assertEquals(real.tables().reward(s, a), large.tables().reward(s, a), 0.05, "mean reward of (" + s + "," + a + ")");
            }
        }
        double startError = 0;
        for (int s = 0; s < 6; s++) {
            startError = Math.max(startError, Math.abs(real.tables().initialProbability(s) - large.tables().initialProbability(s)));
        }
        assertTrue(startError < 0.05, "start distribution: " + startError);

        TransitionDataset heldOut = collect(new SlipperyChain(6, 0.2), 5_000, 99);
        TwinAccuracy smallAcc = small.evaluate(heldOut, 5);
        TwinAccuracy largeAcc = large.evaluate(heldOut, 5);
        assertEquals(5, largeAcc.rolloutError().length);
        assertEquals(List.of("obs_0"), largeAcc.featureNames(), "the chain does not name its feature");
        EnvironmentSpec named = new EnvironmentSpec(spec.agents(), spec.observationSpaces(), spec.actionSpaces(), false, List.of(List.of("position")));
        TabularTwin namedTwin = (TabularTwin) builder.build(named, collect(real, 300, 1), config(Map.of()), 1, TrainingListener.NONE);
        assertEquals(List.of("position"), namedTwin.observationFeatures(), "the twin names its features as the spec does");
        assertEquals(List.of("position"), namedTwin.evaluate(heldOut, 2).featureNames());
        assertTrue(largeAcc.meanOneStepError() <= smallAcc.meanOneStepError() + 1e-9,
                "held-out one-step error " + smallAcc.meanOneStepError() + " -> " + largeAcc.meanOneStepError());
        assertTrue(largeAcc.rolloutError()[4] >= largeAcc.rolloutError()[0], "uncertainty grows with the horizon");
        // a stochastic process cannot be predicted exactly: the irreducible one-step RMSE of a 0.2 slip is 2*sqrt(0.2*0.8) = 0.8
        assertEquals(0.8, largeAcc.oneStepError()[0], 0.08);
    }

    @Test
    void theTwinIsAConformingEnvironmentAndCalibrationAddsData() {
        SlipperyChain real = new SlipperyChain(6, 0.2);
        TabularTwin twin = (TabularTwin) builder.build(EnvironmentSpec.of(real), collect(real, 2_000, 3), config(Map.of()), 3,
                TrainingListener.NONE);
        EnvironmentConformance.check(twin);
        long before = countVisits(twin);
        twin.calibrate(collect(real, 1_000, 4), TrainingListener.NONE);
        assertEquals(before + 1_000, countVisits(twin));
    }

    @Test
    void twinEpisodesAreTruncatedAfterTheLongestObservedEpisode() {
        SlipperyChain sure = new SlipperyChain(6, 0.0);
        TransitionDataset data = collect(sure, 3_000, 8);
        int longest = TabularTwinBuilder.longestEpisode(data);
        assertTrue(longest > 1 && longest <= 50, "longest episode " + longest);
        TabularTwin twin = (TabularTwin) builder.build(EnvironmentSpec.of(sure), data, config(Map.of()), 8, TrainingListener.NONE);
        twin.reset(5);
        Step<Object> s;
        int steps = 0;
        do {
            s = twin.step(0); // always left: without slip the terminal state is never reached
            steps++;
        } while (!s.done());
        assertTrue(s.truncated() && !s.terminated());
        assertEquals(longest, steps);
    }

    static long countVisits(TabularTwin twin) {
        long total = 0;
        for (int s = 0; s < 6; s++) {
            for (int a = 0; a < 2; a++) {
                total += twin.visits(s, a);
            }
        }
        return total;
    }

    @Test
    void unseenPairsFollowTheConfiguredRule() {
        SlipperyChain real = new SlipperyChain(6, 0.0);
        TransitionDataset onlyRight = new TransitionDataset(1, 1, Map.of());
        onlyRight.add(0, new double[] {2}, new double[] {1}, -0.1, new double[] {3}, false, false);
        EnvironmentSpec spec = EnvironmentSpec.of(real);
        MdpTables loop = builder.build(spec, onlyRight, config(Map.of()), 1, TrainingListener.NONE).capability(
                org.nettwin.api.env.FiniteMdp.class).orElseThrow().tables();
        assertEquals(1.0, loop.probability(2, 0, 2), "never tried: stay put");
        assertEquals(0.0, loop.reward(2, 0));
        assertEquals(1.0, loop.probability(2, 1, 3), "observed: go where it went");
        MdpTables uniform = ((TabularTwin) builder.build(spec, onlyRight, config(Map.of("unseen", "uniform")), 1, TrainingListener.NONE)).tables();
        assertEquals(1.0 / 6, uniform.probability(2, 0, 5), 1e-12);
    }

    @Test
    void refusesContinuousSpacesAndMismatchedData() {
        EnvironmentSpec continuous = new EnvironmentSpec(List.of("agent"), List.of(new Box(1, 0, 1)), List.of(new Discrete(2)), false);
        assertTrue(builder.incompatibility(continuous, builder.configSchema().defaults()).orElseThrow().contains("needs discrete observations and actions"));
        EnvironmentSpec spec = EnvironmentSpec.of(new SlipperyChain(6, 0.1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> builder.build(spec, new TransitionDataset(2, 1, Map.of()), config(Map.of()), 1, TrainingListener.NONE));
        assertTrue(e.getMessage().contains("do not match"), e.getMessage());
    }

    @Test
    void theStateLimitIsTheConfiguredOne() {
        EnvironmentSpec wide = new EnvironmentSpec(List.of("agent"), List.of(new Discrete(2_000)), List.of(new Discrete(2)), false);
        assertTrue(builder.incompatibility(wide, config(Map.of())).isEmpty(), "2,000 states fit the default maxStates = 10^6");
        String refusal = builder.incompatibility(wide, config(Map.of("maxStates", 1_000L))).orElseThrow();
        assertTrue(refusal.contains("Discrete(2000)") && refusal.contains("maxStates=1000"), refusal);
        assertThrows(IllegalArgumentException.class,
                () -> builder.build(wide, new TransitionDataset(1, 1, Map.of()), config(Map.of("maxStates", 1_000L)), 1, TrainingListener.NONE));
        assertEquals(List.of("unseen", "maxEpisodeSteps", "maxStates"), List.copyOf(builder.configSchema().parameters().keySet()));
        assertEquals(new TabularTwinConfig("self-loop", 0, 1_000_000L), builder.configSchema().defaults().as(TabularTwinConfig.class));
    }
}
