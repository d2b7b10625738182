package org.nettwin.env.urllc.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

import org.junit.jupiter.api.Test;
import org.nettwin.api.Seeds;
import org.nettwin.api.config.Config;
import org.nettwin.api.config.ConfigException;
import org.nettwin.api.env.Step;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.testkit.EnvironmentConformance;
import org.nettwin.api.testkit.EnvironmentConformance.Options;
import org.nettwin.api.testkit.TimeLimitCheck;

/** The URLLC access-point selection scenario: contract, link physics, economics, validation, snapshots. */
class ApSelectionTest {

    private static final ApSelectionProvider PROVIDER = new ApSelectionProvider();

    /** @return the simulator: without a {@code timeLimit} the scenario is the environment itself */
    private static ApSelectionEnvironment env(Map<String, ?> raw) {
        Config config = PROVIDER.configSchema().validate(raw, "scenario.config");
        return (ApSelectionEnvironment) ((Scenario.Single) PROVIDER.create(config, 1)).environment();
    }

    @Test
    void episodesEndAtTheRoadsEndAndAreTruncatedOnlyByAConfiguredTimeLimit() {
        TimeLimitCheck.check(PROVIDER, Map.of(), 0, 10);
        TimeLimitCheck.check(PROVIDER, Map.of("observation", "compact"), 0, 25);
    }

    @Test
    void observationFeaturesAreNamed() {
        assertEquals(List.of("position", "task_size", "task_deadline"), env(Map.of("observation", "compact")).observationFeatures());
        List<String> full = env(Map.of()).observationFeatures();
        assertEquals(List.of("position", "speed", "task_size", "task_deadline", "ap1_offset"), full.subList(0, 5));
        assertEquals("ap5_busy", full.get(13));
    }

    /** One AP at 500 m, on the road, radius 100 m (covers [400, 600]), 10 Mbit/s, 0.1 per Mbit. */
    private static RoadModel oneAp(boolean serial) {
        return new RoadModel(1000, new double[] {20, 20}, new double[] {500}, new double[] {0}, new double[] {100}, new double[] {10},
                new double[] {0.1}, new double[] {1, 1}, new double[] {1, 1}, 0.5, 1.0, 0.5, 1.0, 1.0, serial, false);
    }

    @Test
    void conformsToTheEnvironmentContract() {
        try (ApSelectionEnvironment env = env(Map.of())) {
            EnvironmentConformance.check(env);
            EnvironmentConformance.check(env, Options.DEFAULTS.withSteps(5_000).withSeed(3));
        }
        try (ApSelectionEnvironment env = env(Map.of("serialUplink", true, "taskInterval", 0.05))) {
            EnvironmentConformance.check(env, Options.DEFAULTS.withSteps(3_000));
        }
        try (ApSelectionEnvironment env = env(Map.of("observation", "compact"))) {
            assertEquals(3, env.observationSpace().flatSize(), "position, size, deadline");
            EnvironmentConformance.check(env, Options.DEFAULTS.withSteps(2_000));
        }
    }

    @Test
    void coverageIsTheChordOfTheApDiscOnTheRoad() {
        RoadModel defaults = PROVIDER.configSchema().defaults().as(ApSelectionConfig.class).model();
        // AP 0 at 150 m, 10 m from the road, radius 100 m: half-chord sqrt(100^2 - 10^2)
        double half = Math.sqrt(100 * 100 - 10 * 10);
        assertEquals(150 - half, defaults.coverageStart[0], 1e-12);
        assertEquals(150 + half, defaults.coverageEnd[0], 1e-12);
        // the macro cell (AP 2) covers the whole road
        assertTrue(defaults.coverageStart[2] < 0 && defaults.coverageEnd[2] > 1000);
    }

    @Test
    void linkPhysicsInsideBeforeAfterAndAcrossTheCoverage() {
        RoadModel m = oneAp(false);
        RoadModel.Outcome o = new RoadModel.Outcome();

        m.transmit(0, 450, 20, 7.0, 1.0, 0.2, 0, o); // inside: starts at once, 1 Mbit / 10 Mbit/s
        assertEquals(RoadModel.SUCCESS, o.cause);
        assertEquals(0.0, o.wait, 1e-12);
        assertEquals(0.1, o.latency, 1e-12);
        assertEquals(0.1, o.cost, 1e-12);
        assertEquals(1.0 - 0.5 * 0.1 / 0.2 - 0.1, o.reward, 1e-12);

        m.transmit(0, 390, 20, 7.0, 1.0, 1.0, 0, o); // 10 m before the coverage: starts on entering after 0.5 s
        assertEquals(RoadModel.SUCCESS, o.cause, "a reachable deadline is met");
        assertEquals(0.5, o.wait, 1e-12);
        assertEquals(0.6, o.latency, 1e-12);

        m.transmit(0, 300, 20, 7.0, 1.0, 1.0, 0, o); // 100 m before: enters after 5 s, deadline 1 s
        assertEquals(RoadModel.UNREACHABLE, o.cause, "an AP that cannot be reached before the deadline fails");
        assertEquals(0.0, o.cost, "nothing was sent, nothing is paid");
        assertEquals(-1.0, o.reward, 1e-12);

        m.transmit(0, 650, 20, 7.0, 1.0, 10.0, 0, o); // already past the AP, however long the deadline
        assertEquals(RoadModel.UNREACHABLE, o.cause);

        m.transmit(0, 598, 20, 7.0, 2.0, 1.0, 0, o); // leaves the coverage after 0.1 s, needs 0.2 s
        assertEquals(RoadModel.LEFT_COVERAGE, o.cause, "the vehicle leaving the coverage mid-transmission fails the task");
        assertEquals(0.1 * 10 * 0.1, o.cost, 1e-12, "the data sent before losing coverage is paid");
        assertEquals(-1.0 - 0.1, o.reward, 1e-12);

        m.transmit(0, 450, 20, 7.0, 5.0, 0.2, 0, o); // 0.5 s of transmission for a 0.2 s deadline
        assertEquals(RoadModel.DEADLINE, o.cause);
        assertEquals(0.2 * 10 * 0.1, o.cost, 1e-12, "transmission stops at the deadline");
    }

    @Test
    void aFasterLinkNeverLowersTheRewardOfADeliveredTask() {
        RoadModel.Outcome o = new RoadModel.Outcome();
        double previousLatency = Double.POSITIVE_INFINITY;
        double previousReward = Double.NEGATIVE_INFINITY;
        for (double rate : new double[] {12, 20, 50, 100, 400}) {
            RoadModel m = new RoadModel(1000, new double[] {20, 20}, new double[] {500}, new double[] {0}, new double[] {100},
                    new double[] {rate}, new double[] {0.1}, new double[] {1, 1}, new double[] {1, 1}, 0.5, 1.0, 0.5, 1.0, 1.0, false, false);
            m.transmit(0, 450, 20, 0, 1.0, 0.1, 0, o);
            assertTrue(o.success(), "rate " + rate);
            assertTrue(o.latency < previousLatency && o.reward > previousReward, "rate " + rate);
            previousLatency = o.latency;
            previousReward = o.reward;
        }
    }

    @Test
    void aBusySerialUplinkDelaysTheNextTask() {
        RoadModel.Outcome o = new RoadModel.Outcome();
        oneAp(true).transmit(0, 450, 20, 3.0, 1.0, 0.5, 3.25, o);
        assertEquals(0.25, o.wait, 1e-12);
        assertEquals(0.35, o.latency, 1e-12);
        oneAp(true).transmit(0, 450, 20, 3.0, 1.0, 0.2, 3.25, o);
        assertEquals(RoadModel.UNREACHABLE, o.cause, "the link frees only after the deadline");
        oneAp(false).transmit(0, 450, 20, 3.0, 1.0, 0.2, 3.25, o);
        assertTrue(o.success(), "without serial uplinks the busy time is ignored");
    }

    @Test
    void aCheaperApWithEqualLatencyGetsTheHigherReward() {
        // two co-located APs identical but for their price; the digital-domain way: try both from one snapshot
        try (ApSelectionEnvironment env = env(Map.of("apPositions", List.of(500, 500), "apOffsets", List.of(0, 0),
                "apRadii", List.of(2000, 2000), "apRates", List.of(50, 50), "apCosts", List.of(0.01, 0.2)))) {
            env.reset(8);
            for (int task = 0; task < 20; task++) {
                Object state = env.snapshot();
                Step<double[]> cheap = env.step(0);
                double cheapReward = cheap.reward();
                double cheapLatency = cheap.info(env.infoNames(), "latency");
                assertEquals(1.0, cheap.info(env.infoNames(), "success"));
                env.restore(state);
                Step<double[]> dear = env.step(1);
                assertEquals(cheapLatency, dear.info(env.infoNames(), "latency"), 1e-12);
                assertTrue(cheapReward > dear.reward(), "cheap " + cheapReward + " vs expensive " + dear.reward());
                if (dear.done()) {
                    break;
                }
            }
        }
    }

    /** Mean episode return and success rate of a policy over the given episodes. */
    private static double[] evaluate(ApSelectionEnvironment env, ToIntFunction<ApSelectionEnvironment> policy, int episodes) {
        double total = 0;
        double successes = 0;
        double tasks = 0;
        for (int e = 0; e < episodes; e++) {
            Step<double[]> s = env.reset(Seeds.derive(77, e));
            while (!s.done()) {
                s = env.step(policy.applyAsInt(env));
                total += s.reward();
                successes += s.info(env.infoNames(), "success");
                tasks++;
            }
        }
        return new double[] {total / episodes, successes / tasks};
    }

    @Test
    void choosingTheBestApMeetsEveryReachableDeadlineAndBeatsFixedAndRandomChoices() {
        try (ApSelectionEnvironment env = env(Map.of())) {
            RoadModel.Outcome scratch = new RoadModel.Outcome();
            int reachable = 0;
            int tasks = 0;
            for (int e = 0; e < 30; e++) {
                Step<double[]> s = env.reset(Seeds.derive(5, e));
                while (!s.done()) {
                    boolean any = false;
                    for (int j = 0; j < env.model().aps(); j++) {
                        env.preview(j, scratch);
                        any |= scratch.success();
                    }
                    s = env.step(env.bestAp(scratch));
                    tasks++;
                    if (any) {
                        reachable++;
                        assertEquals(1.0, s.info(env.infoNames(), "success"), "a reachable deadline was missed");
                    }
                }
            }
            assertTrue(reachable > 0.9 * tasks, "most default tasks are reachable: " + reachable + " of " + tasks);
            assertTrue(reachable < tasks, "some default tasks are not reachable at all (tight deadline, big task, in a gap)");

            double[] best = evaluate(env, en -> en.bestAp(scratch), 40);
            var random = Seeds.generator(4);
            double[] uniform = evaluate(env, en -> random.nextInt(en.model().aps()), 40);
            assertTrue(best[0] > uniform[0] + 20, "best " + best[0] + " vs random " + uniform[0]);
            assertTrue(best[1] > uniform[1], "success rate best " + best[1] + " vs random " + uniform[1]);
            for (int j = 0; j < env.model().aps(); j++) {
                int fixed = j;
                double[] always = evaluate(env, en -> fixed, 40);
                assertTrue(best[0] > always[0], "best " + best[0] + " vs always AP " + j + " " + always[0]);
            }
            // the macro cell reaches every task but is slow and dear: it loses to choosing well
            double[] macro = evaluate(env, en -> 2, 40);
            assertTrue(best[0] > macro[0] + 5, "best " + best[0] + " vs macro " + macro[0]);
        }
    }

    @Test
    void tasksArriveAsAPoissonProcessAlongTheDrive() {
        try (ApSelectionEnvironment env = env(Map.of("speed", List.of(20, 20), "roadLength", 100_000, "taskInterval", 0.5))) {
            Step<double[]> s = env.reset(12);
            double previous = env.position();
            double sum = 0;
            double sumSquares = 0;
            int n = 0;
            while (!s.done() && n < 50_000) {
                s = env.step(2);
                if (s.done()) {
                    break;
                }
                double gap = (env.position() - previous) / 20.0;
                previous = env.position();
                sum += gap;
                sumSquares += gap * gap;
                n++;
            }
            double mean = sum / n;
            double variance = sumSquares / n - mean * mean;
            assertEquals(0.5, mean, 0.02, "mean time between tasks");
            assertEquals(0.25, variance, 0.025, "exponential gaps have variance mean^2");
        }
    }

    @Test
    void snapshotsLetDigitalDomainsTryEveryApFromOneState() {
        try (ApSelectionEnvironment env = env(Map.of("serialUplink", true, "taskInterval", 0.1))) {
            env.reset(21);
            for (int i = 0; i < 40; i++) {
                env.step(i % 5);
            }
            Object state = env.snapshot();
            RoadModel.Outcome predicted = new RoadModel.Outcome();
            double[] rewards = new double[env.model().aps()];
            for (int j = 0; j < rewards.length; j++) {
                env.restore(state);
                env.preview(j, predicted);
                rewards[j] = env.step(j).reward();
                assertEquals(predicted.reward, rewards[j], 1e-12, "the preview is the step's reward");
            }
            // the same action from the same state gives the same future, also in a copy
            env.restore(state);
            ApSelectionEnvironment copy = env.copy();
            for (int i = 0; i < 30; i++) {
                Step<double[]> a = env.step(i % 3);
                double[] obs = a.observation().clone();
                double r = a.reward();
                Step<double[]> b = copy.step(i % 3);
                assertArrayEquals(obs, b.observation(), "step " + i);
                assertEquals(r, b.reward(), "step " + i);
                if (a.done()) {
                    break;
                }
            }
            assertThrows(IllegalArgumentException.class, () -> env(Map.of("roadLength", 900)).restore(state));
        }
    }

    @Test
    void episodesEndWhenTheVehicleReachesTheEndOfTheRoad() {
        try (ApSelectionEnvironment env = env(Map.of("speed", List.of(25, 25)))) {
            Step<double[]> s = env.reset(2);
            int steps = 0;
            while (!s.done()) {
                s = env.step(0);
                steps++;
            }
            assertTrue(s.terminated());
            assertFalse(s.truncated());
            assertEquals(1.0, s.observation()[0], "the vehicle is at the end of the road");
            // 1000 m at 25 m/s is 40 s: about 80 tasks at one per 0.5 s
            assertTrue(steps > 40 && steps < 140, "tasks in one drive: " + steps);
        }
    }

    @Test
    void invalidConfigurationsAreRefusedNamingFieldAndRange() {
        ConfigException schema = assertThrows(ConfigException.class,
                () -> PROVIDER.configSchema().validate(Map.of("roadLength", 5, "apRates", List.of(100, 0, 20, 400, 100)), "scenario.config"));
        assertEquals("scenario.config.roadLength: must be in [10, 100000], got 5; "
                + "scenario.config.apRates: element 1 must be in [0.001, 100000], got 0", schema.getMessage());

        ConfigException lengths = assertThrows(ConfigException.class, () -> env(Map.of("apCosts", List.of(1, 2))));
        assertEquals("scenario.config.apCosts: must have one element per AP (5, the length of apPositions), got 2", lengths.getMessage());

        ConfigException offset = assertThrows(ConfigException.class, () -> env(Map.of("apOffsets", List.of(10, 60, 50, 10, 10))));
        assertEquals("scenario.config.apOffsets: element 1 must be in [0, apRadii[1] = 60.0) so that the AP covers part of the road, got 60.0",
                offset.getMessage());

        ConfigException beyond = assertThrows(ConfigException.class, () -> env(Map.of("roadLength", 800)));
        assertEquals("scenario.config.apPositions: element 4 must be in [0, roadLength = 800.0], got 850.0", beyond.getMessage());

        ConfigException pair = assertThrows(ConfigException.class, () -> env(Map.of("taskDeadline", List.of(0.5, 0.2))));
        assertEquals("scenario.config.taskDeadline: must be [min, max] with min <= max, got [0.5, 0.2]", pair.getMessage());
    }
}
