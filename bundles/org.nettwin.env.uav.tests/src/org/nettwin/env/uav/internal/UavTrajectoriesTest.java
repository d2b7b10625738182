package org.nettwin.env.uav.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.nettwin.api.Seeds;
import org.nettwin.api.config.Config;
import org.nettwin.api.config.ConfigException;
import org.nettwin.api.env.Environment;
import org.nettwin.api.env.MultiAgentEnvironment;
import org.nettwin.api.env.MultiStep;
import org.nettwin.api.env.Snapshottable;
import org.nettwin.api.env.Step;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.testkit.EnvironmentConformance;
import org.nettwin.api.testkit.EnvironmentConformance.Options;
import org.nettwin.api.testkit.TimeLimitCheck;

/** Physics, association, boundaries, configuration, snapshots and conformance of {@code uav/Trajectories-v1}. */
class UavTrajectoriesTest {

    private static final UavTrajectoriesProvider PROVIDER = new UavTrajectoriesProvider();
    private static final int HOVER = 0;
    private static final int EAST = 1;       // heading 0 degrees with the default 8 headings
    private static final int NORTH_EAST = 2; // heading 45 degrees
    private static final int SOUTH = 7;      // heading 270 degrees

    private static Config config(Map<String, ?> raw) {
        return PROVIDER.configSchema().validate(raw, "scenario.config");
    }

    /** @return the parallel form as an experiment gets it, inside its time limit */
    private static MultiAgentEnvironment<double[], Integer> parallelScenario(Map<String, ?> raw, long seed) {
        Scenario s = PROVIDER.create(config(raw), seed);
        return assertInstanceOf(Scenario.Multi.class, s).environment(double[].class, Integer.class);
    }

    /** @return the joint form as an experiment gets it, inside its time limit */
    private static Environment<double[], int[]> jointScenario(Map<String, ?> raw, long seed) {
        Map<String, Object> withMode = new java.util.HashMap<>(raw);
        withMode.put("mode", "joint");
        Scenario s = PROVIDER.create(config(withMode), seed);
        return assertInstanceOf(Scenario.Single.class, s).environment(double[].class, int[].class);
    }

    /** @return the parallel form's simulator itself (no time limit) */
    private static UavParallelEnvironment parallel(Map<String, ?> raw, long seed) {
        return parallelScenario(raw, seed).capability(UavParallelEnvironment.class).orElseThrow();
    }

    /** @return the joint form's simulator itself (no time limit) */
    private static UavJointEnvironment joint(Map<String, ?> raw, long seed) {
        return jointScenario(raw, seed).capability(UavJointEnvironment.class).orElseThrow();
    }

    @Test
    void episodesAreTruncatedByTheTimeLimitAt100StepsByDefault() {
        TimeLimitCheck.check(PROVIDER, Map.of(), 100, 6);
        TimeLimitCheck.check(PROVIDER, Map.of("mode", "joint", "userSpeed", 1.0), 100, 6);
    }

    @Test
    void observationFeaturesAreNamed() {
        List<String> joint = jointScenario(Map.of(), 1).observationFeatures();
        assertEquals(List.of("uav0_x", "uav0_y", "uav1_x"), joint.subList(0, 3));
        assertEquals(List.of("user0_x", "user0_y"), joint.subList(8, 10));
        assertEquals("clock", joint.get(28));
        List<String> uav2 = parallelScenario(Map.of(), 1).observationFeatures(2);
        assertEquals(List.of("self_x", "self_y", "uav0_x", "uav0_y", "uav1_x", "uav1_y", "uav3_x"), uav2.subList(0, 7));
    }

    private static List<Integer> actions(int... a) {
        List<Integer> list = new ArrayList<>();
        for (int x : a) {
            list.add(x);
        }
        return list;
    }

    @Test
    void parallelFormConforms() {
        try (MultiAgentEnvironment<double[], Integer> env = parallelScenario(Map.of(), 1)) {
            EnvironmentConformance.check(env);
            EnvironmentConformance.check(env, Options.DEFAULTS.withSteps(1_000).withSeed(7));
        }
    }

    @Test
    void jointFormConforms() {
        try (Environment<double[], int[]> env = jointScenario(Map.of(), 1)) {
            EnvironmentConformance.check(env);
            EnvironmentConformance.check(env, Options.DEFAULTS.withSteps(1_000).withSeed(7));
        }
    }

    @Test
    void mobileUsersAndPerEpisodeLayoutsConformToo() {
        Map<String, Object> raw = Map.of("userSpeed", 1.5, "userLayout", "perEpisode", "timeLimit", 20);
        try (MultiAgentEnvironment<double[], Integer> p = parallelScenario(raw, 3); Environment<double[], int[]> j = jointScenario(raw, 3)) {
            EnvironmentConformance.check(p);
            EnvironmentConformance.check(j);
        }
    }

    @Test
    void defaultsAreThePapersSetting() {
        UavParameters p = UavParameters.of(PROVIDER.configSchema().defaults().as(UavConfig.class));
        assertEquals(10, p.users());
        assertEquals(4, p.uavs());
        assertEquals(100.0, p.powerMw());
        assertEquals(-174.0, p.noiseDbmPerHz());
        assertEquals(5.0, p.height());
        assertEquals(8.0, p.speed());
        try (UavParallelEnvironment env = parallel(Map.of(), 1)) {
            assertEquals(List.of("uav0", "uav1", "uav2", "uav3"), env.possibleAgents());
            MultiStep<double[]> s = env.reset(5);
            for (int i = 0; i < 4; i++) {
                assertEquals(p.hangarX(), env.world().uavX(i), "every UAV starts at the hangar");
                assertEquals(p.hangarY(), env.world().uavY(i));
                assertEquals(0.0, s.reward(i));
            }
        }
    }

    @Test
    void rateFollowsFriisAndFallsWithDistance() {
        LinkBudget link = new LinkBudget(100, -174, 1e6, 2.4e9, 0);
        // independent dB computation: FSPL = 20 log10(4 pi d f / c); SNR = P - FSPL - (N0 + 10 log10 W)
        for (double d : new double[] {5, 10, 50, 141.4, 1000}) {
            double fsplDb = 20 * Math.log10(4 * Math.PI * d * 2.4e9 / LinkBudget.SPEED_OF_LIGHT);
            double snrDb = 20.0 - fsplDb - (-174.0 + 60.0);
            double expected = 1e6 * Math.log(1 + Math.pow(10, snrDb / 10)) / Math.log(2) / 1e6;
            assertEquals(expected, link.rateMbpsAtDistance(d), 1e-9 * expected, "rate at " + d + " m");
        }
        // inverse-square law: doubling the distance divides the SNR by exactly 4
        assertEquals(4.0, link.snr(10 * 10) / link.snr(20 * 20), 1e-12);
        double previous = Double.POSITIVE_INFINITY;
        for (double d = 5; d <= 2_000; d *= 1.1) {
            double r = link.rateMbpsAtDistance(d);
            assertTrue(r < previous, "rate must fall with distance");
            assertTrue(r > 0);
            previous = r;
        }
        // 100 mW over 5 m at 2.4 GHz with 1 MHz: SNR ~ 80 dB, about 26.6 Mbit/s
        assertEquals(26.6, link.rateMbpsAtDistance(5), 0.1);
    }

    @Test
    void everyUserTakesTheBestRateUav() {
        try (UavParallelEnvironment env = parallel(Map.of("users", 40, "uavs", 6), 11)) {
            env.reset(3);
            RandomGenerator random = Seeds.generator(99);
            UavWorld w = env.world();
            for (int trial = 0; trial < 50; trial++) {
                List<Integer> a = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    a.add(random.nextInt(9));
                }
                env.step(a);
                double h = w.parameters().height();
                for (int u = 0; u < 40; u++) {
                    double best = 0;
                    for (int k = 0; k < 6; k++) {
                        double dx = w.uavX(k) - w.userX(u);
                        double dy = w.uavY(k) - w.userY(u);
                        best = Math.max(best, w.link().rateMbpsAtDistance(Math.sqrt(dx * dx + dy * dy + h * h)));
                    }
                    assertEquals(best, w.userRate(u), 1e-9, "user " + u + " must get the best rate any UAV offers");
                    int k = w.association(u);
                    double dx = w.uavX(k) - w.userX(u);
                    double dy = w.uavY(k) - w.userY(u);
                    assertEquals(best, w.link().rateMbpsAtDistance(Math.sqrt(dx * dx + dy * dy + h * h)), 1e-9);
                }
            }
        }
    }

    @Test
    void flyingTowardAFarUserRaisesTheAverageRate() {
        try (UavParallelEnvironment env = parallel(Map.of("users", 3), 1)) {
            env.reset(1);
            UavWorld w = env.world();
            w.placeUser(0, 2, 2);
            w.placeUser(1, 4, 1);
            w.placeUser(2, 90, 90); // far from the hangar in the corner (0, 0)
            w.refresh();
            Snapshottable snap = env;
            Object start = snap.snapshot();
            double hover = env.step(actions(HOVER, HOVER, HOVER, HOVER)).reward(0);
            snap.restore(start);
            double toward = env.step(actions(HOVER, NORTH_EAST, HOVER, HOVER)).reward(0);
            assertTrue(toward > hover, "flying toward the far user must raise the average rate: " + toward + " vs " + hover);
            assertEquals(1, w.association(2), "the far user switches to the approaching UAV");
            snap.restore(start);
            double away = env.step(actions(HOVER, SOUTH, HOVER, HOVER)).reward(0);
            assertEquals(hover, away, 1e-12, "a move blocked by the border changes nothing");
            // keep flying: the far user's rate keeps improving until the UAV is overhead
            snap.restore(start);
            double last = hover;
            for (int t = 0; t < 10; t++) {
                double r = env.step(actions(HOVER, NORTH_EAST, HOVER, HOVER)).reward(0);
                assertTrue(r > last, "step " + t + ": the average rate must keep rising as the UAV approaches");
                last = r;
            }
        }
    }

    @Test
    void jointAndParallelFormsGiveTheSameTrajectory() {
        Map<String, Object> raw = Map.of("userSpeed", 2.0);
        try (MultiAgentEnvironment<double[], Integer> p = parallelScenario(raw, 4); Environment<double[], int[]> j = jointScenario(raw, 4)) {
            MultiStep<double[]> ps = p.reset(8);
            Step<double[]> js = j.reset(8);
            RandomGenerator random = Seeds.generator(5);
            for (int t = 0; t < 100; t++) {
                int[] a = new int[4];
                for (int i = 0; i < 4; i++) {
                    a[i] = random.nextInt(9);
                }
                ps = p.step(actions(a));
                js = j.step(a);
                assertEquals(js.reward(), ps.reward(0), 0.0);
                assertEquals(ps.reward(0), ps.reward(3), 0.0, "the UAVs share one cooperative reward");
                assertArrayEquals(js.info(), ps.info(), 0.0);
                assertEquals(js.truncated(), ps.truncated(0));
            }
            assertTrue(js.truncated() && ps.truncated(0), "the default episode has 100 steps");
        }
    }

    @Test
    void uavsStayInsideTheArea() {
        try (UavJointEnvironment env = joint(Map.of("headings", 16), 2)) {
            env.reset(2);
            UavWorld w = env.world();
            int west = 9; // heading 8 of 16 = 180 degrees
            env.step(new int[] {west, west, west, west}); // west from the corner hangar
            double side = w.parameters().areaSide();
            for (int i = 0; i < 4; i++) {
                assertEquals(0.0, w.uavX(i));
            }
            RandomGenerator random = Seeds.generator(1);
            for (int t = 0; t < 2_000; t++) {
                int[] a = {random.nextInt(17), random.nextInt(17), random.nextInt(17), random.nextInt(17)};
                if (env.step(a).done()) {
                    env.reset();
                }
                for (int i = 0; i < 4; i++) {
                    assertTrue(w.uavX(i) >= 0 && w.uavX(i) <= side && w.uavY(i) >= 0 && w.uavY(i) <= side,
                            "UAV " + i + " left the area: " + w.uavX(i) + ", " + w.uavY(i));
                }
            }
        }
        try (UavJointEnvironment env = joint(Map.of(), 2)) {
            env.reset(2);
            for (int t = 0; t < 20; t++) {
                env.step(new int[] {EAST, EAST, EAST, EAST});
            }
            assertEquals(100.0, env.world().uavX(0), "20 moves of 8 m east stop at the 100 m border");
        }
    }

    @Test
    void snapshotRestoresTheExactState() {
        try (Environment<double[], int[]> env = jointScenario(Map.of("userSpeed", 3.0), 6)) {
            Snapshottable snapshots = env.capability(Snapshottable.class).orElseThrow();
            env.reset(6);
            RandomGenerator random = Seeds.generator(2);
            for (int t = 0; t < 17; t++) {
                env.step(new int[] {random.nextInt(9), random.nextInt(9), random.nextInt(9), random.nextInt(9)});
            }
            Object snapshot = snapshots.snapshot();
            int[][] plan = new int[30][];
            double[] rewards = new double[30];
            double[][] observations = new double[30][];
            for (int t = 0; t < 30; t++) {
                plan[t] = new int[] {random.nextInt(9), random.nextInt(9), random.nextInt(9), random.nextInt(9)};
                Step<double[]> s = env.step(plan[t]);
                rewards[t] = s.reward();
                observations[t] = s.observation().clone();
            }
            snapshots.restore(snapshot);
            for (int t = 0; t < 30; t++) {
                Step<double[]> s = env.step(plan[t]);
                assertEquals(rewards[t], s.reward(), 0.0, "step " + t + " after restore");
                assertArrayEquals(observations[t], s.observation(), 0.0);
            }
            Step<double[]> last;
            do {
                last = env.step(new int[] {0, 0, 0, 0});
            } while (!last.done());
            snapshots.restore(snapshot);
            assertEquals(rewards[0], env.step(plan[0]).reward(), 0.0, "a mid-episode snapshot restored after the episode ended can step on");
        }
        try (UavJointEnvironment env = joint(Map.of(), 1); UavJointEnvironment other = joint(Map.of("uavs", 3), 1)) {
            env.reset(1);
            other.reset(1);
            assertThrows(IllegalArgumentException.class, () -> env.restore(other.snapshot()));
            assertThrows(IllegalArgumentException.class, () -> env.restore("not a snapshot"));
        }
    }

    @Test
    void invalidConfigurationNamesTheFieldAndRange() {
        ConfigException e = assertThrows(ConfigException.class, () -> config(Map.of("users", 0)));
        assertTrue(e.getMessage().contains("scenario.config.users") && e.getMessage().contains("[1, 1000]"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> config(Map.of("speed", -8.0)));
        assertTrue(e.getMessage().contains("scenario.config.speed") && e.getMessage().contains("[0.1, 100]"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> config(Map.of("mode", "central")));
        assertTrue(e.getMessage().contains("mode") && e.getMessage().contains("parallel, joint"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> config(Map.of("hangar", List.of(150.0, 10.0))));
        assertTrue(e.getMessage().startsWith("scenario.config.hangar") && e.getMessage().contains("[0, 100.0]"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> config(Map.of("hangar", List.of(1.0))));
        assertTrue(e.getMessage().startsWith("scenario.config.hangar"), e.getMessage());
    }

    @Test
    void steppingTheJointFormAllocatesNothing() throws ReflectiveOperationException {
        // com.sun.management is reached through the system class loader: the fragment imports no JDK-internal package
        Object threads = java.lang.management.ManagementFactory.getThreadMXBean();
        Class<?> type = ClassLoader.getSystemClassLoader().loadClass("com.sun.management.ThreadMXBean");
        java.lang.reflect.Method allocated = type.getMethod("getCurrentThreadAllocatedBytes");
        try (Environment<double[], int[]> env = jointScenario(Map.of("userSpeed", 1.0), 1)) {
            int[][] plans = new int[64][];
            RandomGenerator random = Seeds.generator(3);
            for (int i = 0; i < plans.length; i++) {
                plans[i] = new int[] {random.nextInt(9), random.nextInt(9), random.nextInt(9), random.nextInt(9)};
            }
            env.reset(1);
            double sink = 0;
            for (int round = 0; round < 2; round++) { // the first round warms up (class loading, lambdas, reflection)
                long before = (Long) allocated.invoke(threads);
                assertTrue(before > 0, "this JVM must measure per-thread allocation for the test to mean anything");
                for (int t = 0; t < 20_000; t++) {
                    Step<double[]> s = env.step(plans[t & 63]);
                    sink += s.reward();
                    if (s.done()) {
                        env.reset();
                    }
                }
                long bytes = (Long) allocated.invoke(threads) - before;
                if (round == 1) {
                    assertTrue(bytes < 20_000, "20,000 steps (with 200 resets) allocated " + bytes + " bytes");
                }
            }
            assertTrue(sink > 0);
        }
    }

    @Test
    void sameSeedSameUsersDifferentSeedDifferentUsers() {
        try (UavJointEnvironment a = joint(Map.of(), 1); UavJointEnvironment b = joint(Map.of(), 1);
                UavJointEnvironment c = joint(Map.of(), 2)) {
            double[] oa = a.reset(0).observation().clone();
            double[] ob = b.reset(0).observation().clone();
            double[] oc = c.reset(0).observation().clone();
            assertArrayEquals(oa, ob, 0.0);
            assertTrue(!Arrays.equals(oa, oc), "another creation seed places the users elsewhere");
        }
    }
}
