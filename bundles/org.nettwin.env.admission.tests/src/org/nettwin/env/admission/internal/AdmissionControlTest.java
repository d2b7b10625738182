package org.nettwin.env.admission.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;

import org.junit.jupiter.api.Test;
import org.nettwin.api.Seeds;
import org.nettwin.api.config.Config;
import org.nettwin.api.config.ConfigException;
import org.nettwin.api.env.Copyable;
import org.nettwin.api.env.Environment;
import org.nettwin.api.env.MdpTables;
import org.nettwin.api.env.Snapshottable;
import org.nettwin.api.env.Step;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.testkit.EnvironmentConformance;
import org.nettwin.api.testkit.EnvironmentConformance.Options;
import org.nettwin.api.testkit.TimeLimitCheck;

/** The admission-control scenario: contract, exact tables against the simulator, economics, validation, snapshots. */
class AdmissionControlTest {

    private static final AdmissionControlProvider PROVIDER = new AdmissionControlProvider();

    /** @return the scenario as an experiment gets it: the simulator inside its time limit */
    private static Environment<int[], Integer> env(Map<String, ?> raw) {
        Config config = PROVIDER.configSchema().validate(raw, "scenario.config");
        return ((Scenario.Single) PROVIDER.create(config, 1)).environment(int[].class, Integer.class);
    }

    private static Environment<int[], Integer> defaults() {
        return env(Map.of());
    }

    /** @return the simulator itself, for its tables, state index and model */
    private static AdmissionEnvironment simulator(Environment<int[], Integer> env) {
        return env.capability(AdmissionEnvironment.class).orElseThrow();
    }

    @Test
    void episodesAreTruncatedByTheTimeLimitAt200EpochsByDefault() {
        TimeLimitCheck.check(PROVIDER, Map.of(), 200, 7);
        TimeLimitCheck.check(PROVIDER, Map.of("waitingRoom", 2), 200, 3);
    }

    @Test
    void conformsToTheEnvironmentContract() {
        try (Environment<int[], Integer> env = defaults()) {
            EnvironmentConformance.check(env);
            EnvironmentConformance.check(env, Options.DEFAULTS.withSteps(5_000).withSeed(7));
        }
        try (Environment<int[], Integer> env = env(Map.of("capacity", 12, "demands", List.of(1, 2, 4), "revenues", List.of(1, 3, 8),
                "arrivalProbabilities", List.of(0.3, 0.2, 0.1), "completionProbabilities", List.of(0.1, 0.05, 0.02),
                "blockingPenalties", List.of(0, 0, 1), "timeLimit", 50))) {
            EnvironmentConformance.check(env, Options.DEFAULTS.withSteps(2_000));
        }
        try (Environment<int[], Integer> env = env(Map.of("waitingRoom", 2))) {
            EnvironmentConformance.check(env, Options.DEFAULTS.withSteps(2_000));
        }
    }

    @Test
    void defaultSizeIsSmallEnoughForExactAnalysisAndTheTablesAreProperlyNormalised() {
        try (Environment<int[], Integer> env = defaults()) {
            MdpTables t = simulator(env).tables();
            // (n1, n2) with n1 + 2 n2 <= 10: 36 occupancies, times 3 pending classes (none, 1, 2)
            assertEquals(108, t.stateCount());
            assertEquals(2, t.actionCount());
            assertEquals(List.of("in_service_1", "in_service_2", "pending_class"), env.observationFeatures());
            double initial = 0;
            for (int s = 0; s < t.stateCount(); s++) {
                initial += t.initialProbability(s);
            }
            assertEquals(1.0, initial, 1e-12);
            // admitting a premium request into an empty system earns its revenue, holding cost 0
            int premiumPending = simulator(env).stateIndex(new int[] {0, 0, 2});
            assertEquals(5.0, t.reward(premiumPending, 1), 1e-12);
            assertEquals(-0.5, t.reward(premiumPending, 0), 1e-12, "rejecting a premium request pays its blocking penalty");
            int full = simulator(env).stateIndex(new int[] {10, 0, 1});
            assertEquals(-2.0, t.reward(full, 1), 1e-12, "admitting into a full resource pays the overload penalty");
            assertEquals(0.0, t.reward(full, 0), 1e-12, "rejecting a basic request costs nothing by default");
        }
    }

    @Test
    void scalesToThousandsOfStates() {
        try (Environment<int[], Integer> env = env(Map.of("capacity", 50))) {
            long start = System.nanoTime();
            MdpTables t = simulator(env).tables();
            assertEquals(2028, t.stateCount());
            assertTrue(System.nanoTime() - start < 20_000_000_000L, "tables of 2028 states build in seconds");
            EnvironmentConformance.check(env, Options.DEFAULTS.withSteps(1_000));
        }
    }

    /**
     * Runs the simulator under random actions and compares every observed transition with the
     * tables: no transition outside the table's support, rewards equal to R(s,a), and a pooled
     * chi-square statistic of the transition counts consistent with the table probabilities.
     */
    @Test
    void simulatorTransitionFrequenciesMatchTheExportedTables() {
        try (Environment<int[], Integer> env = env(Map.of("completionProbabilities", List.of(0.15, 0.1), "timeLimit", 1000))) {
            assertSimulatorMatchesTables(env);
        }
    }

    @Test
    void simulatorTransitionFrequenciesMatchTheTablesWithAWaitingRoomToo() {
        try (Environment<int[], Integer> env = env(Map.of("completionProbabilities", List.of(0.15, 0.1), "timeLimit", 1000, "waitingRoom", 2))) {
            assertSimulatorMatchesTables(env);
        }
    }

    private static void assertSimulatorMatchesTables(Environment<int[], Integer> env) {
        AdmissionEnvironment sim = simulator(env);
        MdpTables t = sim.tables();
        int states = t.stateCount();
        Map<Long, int[]> counts = new HashMap<>();
        int[] visits = new int[states * 2];
        var random = Seeds.generator(99);
        Step<int[]> step = env.reset(5);
        int samples = 400_000;
        for (int i = 0; i < samples; i++) {
            if (step.done()) {
                step = env.reset();
            }
            int s = sim.stateIndex(step.observation());
            int a = random.nextInt(2);
            step = env.step(a);
            int next = sim.stateIndex(step.observation());
            assertEquals(t.reward(s, a), step.reward(), 1e-12, "the sampled reward is R(s,a)");
            assertTrue(t.probability(s, a, next) > 0, "observed a transition the tables call impossible: " + s + "," + a + " -> " + next);
            visits[s * 2 + a]++;
            counts.computeIfAbsent(((long) (s * 2 + a)) * states + next, k -> new int[1])[0]++;
        }
        double chiSquare = 0;
        int degrees = 0;
        double maxAbsError = 0;
        int checkedPairs = 0;
        for (int s = 0; s < states; s++) {
            for (int a = 0; a < 2; a++) {
                int n = visits[s * 2 + a];
                if (n < 400) {
                    continue;
                }
                checkedPairs++;
                double pooledExpected = 0;
                int pooledObserved = 0;
                for (int i = 0; i < t.successorCount(s, a); i++) {
                    int next = t.successor(s, a, i);
                    double p = t.successorProbability(s, a, i);
                    int[] c = counts.get(((long) (s * 2 + a)) * states + next);
                    int observed = c == null ? 0 : c[0];
                    maxAbsError = Math.max(maxAbsError, Math.abs(observed / (double) n - p));
                    double expected = n * p;
                    if (expected >= 5) {
                        chiSquare += (observed - expected) * (observed - expected) / expected;
                        degrees++;
                    } else {
                        pooledExpected += expected;
                        pooledObserved += observed;
                    }
                }
                if (pooledExpected >= 5) {
                    chiSquare += (pooledObserved - pooledExpected) * (pooledObserved - pooledExpected) / pooledExpected;
                    degrees++;
                }
                degrees--; // each (s,a) row's counts sum to n
            }
        }
        assertTrue(checkedPairs >= 50, "enough state-action pairs were visited often: " + checkedPairs);
        assertTrue(degrees > 100, "degrees of freedom " + degrees);
        // chi-square with df degrees has mean df and sd sqrt(2 df); 6 sd is a loose but meaningful bound
        double bound = degrees + 6 * Math.sqrt(2.0 * degrees);
        assertTrue(chiSquare < bound, "chi-square " + chiSquare + " with " + degrees + " df exceeds " + bound);
        assertTrue(chiSquare > degrees - 6 * Math.sqrt(2.0 * degrees), "suspiciously perfect fit " + chiSquare);
        assertTrue(maxAbsError < 0.05, "largest frequency error " + maxAbsError);
    }

    /** Value iteration on the exact tables; returns the greedy policy. */
    private static int[] valueIteration(MdpTables t, double gamma) {
        int states = t.stateCount();
        double[] v = new double[states];
        double[] next = new double[states];
        int[] policy = new int[states];
        for (int iteration = 0; iteration < 10_000; iteration++) {
            double delta = 0;
            for (int s = 0; s < states; s++) {
                double best = Double.NEGATIVE_INFINITY;
                for (int a = 0; a < t.actionCount(); a++) {
                    double q = t.reward(s, a);
                    for (int i = 0; i < t.successorCount(s, a); i++) {
                        q += gamma * t.successorProbability(s, a, i) * v[t.successor(s, a, i)];
                    }
                    if (q > best + 1e-12) {
                        best = q;
                        policy[s] = a;
                    }
                }
                next[s] = best;
                delta = Math.max(delta, Math.abs(best - v[s]));
            }
            System.arraycopy(next, 0, v, 0, states);
            if (delta < 1e-9) {
                break;
            }
        }
        return policy;
    }

    /** Mean undiscounted episode return of a state-indexed policy over {@code episodes} episodes. */
    private static double meanReturn(Environment<int[], Integer> env, IntUnaryOperator policy, int episodes) {
        AdmissionEnvironment sim = simulator(env);
        double total = 0;
        for (int e = 0; e < episodes; e++) {
            Step<int[]> step = env.reset(Seeds.derive(2024, e));
            while (!step.done()) {
                step = env.step(policy.applyAsInt(sim.stateIndex(step.observation())));
                total += step.reward();
            }
        }
        return total / episodes;
    }

    @Test
    void valueIterationPolicyBeatsAlwaysAdmitAlwaysRejectAndAdmitWhenItFits() {
        try (Environment<int[], Integer> env = defaults()) {
            MdpTables t = simulator(env).tables();
            int[] optimal = valueIteration(t, 0.99);
            AdmissionModel m = simulator(env).model();
            int classes = m.classes;
            int[] fits = new int[t.stateCount()];
            for (int o = 0; o < m.occupancies.length; o++) {
                for (int q = 1; q <= classes; q++) {
                    fits[m.state(o, q)] = m.used(m.occupancies[o]) + m.demand[q - 1] <= m.capacity ? 1 : 0;
                }
            }
            int episodes = 300;
            double vi = meanReturn(env, s -> optimal[s], episodes);
            double admit = meanReturn(env, s -> 1, episodes);
            double reject = meanReturn(env, s -> 0, episodes);
            double fitting = meanReturn(env, s -> fits[s], episodes);
            assertTrue(vi > admit + 50, "value iteration " + vi + " vs always-admit " + admit);
            assertTrue(vi > reject + 50, "value iteration " + vi + " vs always-reject " + reject);
            assertTrue(vi > fitting + 10, "value iteration " + vi + " vs admit-when-it-fits " + fitting);
            // the optimal policy reserves room for premium requests: it admits a basic request into an
            // empty resource but not when only a little room is left, and always admits premium that fits
            assertEquals(1, optimal[simulator(env).stateIndex(new int[] {0, 0, 1})], "basic request, empty resource");
            assertEquals(0, optimal[simulator(env).stateIndex(new int[] {1, 4, 1})], "basic request, 1 unit left");
            assertEquals(1, optimal[simulator(env).stateIndex(new int[] {0, 4, 2})], "premium request that fits");
            assertEquals(0, optimal[simulator(env).stateIndex(new int[] {0, 5, 2})], "premium request that does not fit");
        }
    }

    @Test
    void aWaitingRoomHoldsAdmittedRequestsUntilCapacityFreesInFifoOrder() {
        try (Environment<int[], Integer> env = env(Map.of("waitingRoom", 2, "delayPenalty", 0.3))) {
            MdpTables t = simulator(env).tables();
            // 36 occupancies x 7 waiting-room contents (empty, 2 of one, 4 of two) x 3 pending classes
            assertEquals(756, t.stateCount());
            // full resource, one basic request waiting, a premium one pending: admitting queues it behind
            int s = simulator(env).stateIndex(new int[] {10, 0, 1, 0, 2});
            assertEquals(5.0 - 0.3 * 2, t.reward(s, 1), 1e-12, "revenue now, delay penalty for both waiting requests");
            assertEquals(-0.5 - 0.3, t.reward(s, 0), 1e-12, "blocking penalty, delay penalty for the one waiting");
            // room full: a further admission overloads
            int full = simulator(env).stateIndex(new int[] {10, 0, 1, 2, 1});
            assertEquals(-2.0 - 0.3 * 2, t.reward(full, 1), 1e-12);
            // one basic departure frees the unit the waiting basic request needs: it enters service
            int waitingBasic = simulator(env).stateIndex(new int[] {10, 0, 1, 0, 0});
            double oneDeparture = 10 * 0.05 * Math.pow(0.95, 9);
            double twoDepartures = 45 * 0.05 * 0.05 * Math.pow(0.95, 8);
            assertEquals(oneDeparture * 0.4, t.probability(waitingBasic, 0, simulator(env).stateIndex(new int[] {10, 0, 0, 0, 1})), 1e-12);
            assertEquals(twoDepartures * 0.4, t.probability(waitingBasic, 0, simulator(env).stateIndex(new int[] {9, 0, 0, 0, 1})), 1e-12);
            assertEquals(Math.pow(0.95, 10) * 0.4, t.probability(waitingBasic, 0, simulator(env).stateIndex(new int[] {10, 0, 1, 0, 1})), 1e-12,
                    "without a departure it keeps waiting");
            // FIFO head-of-line: a waiting premium request (2 units) blocks a basic one behind it while only 1 unit frees
            int premiumFirst = simulator(env).stateIndex(new int[] {10, 0, 2, 1, 0});
            assertEquals(oneDeparture * 0.4, t.probability(premiumFirst, 0, simulator(env).stateIndex(new int[] {9, 0, 2, 1, 1})), 1e-12);
            assertEquals(twoDepartures * 0.4, t.probability(premiumFirst, 0, simulator(env).stateIndex(new int[] {8, 1, 1, 0, 1})), 1e-12,
                    "two freed units let the premium request in; the basic one behind it still waits");
        }
    }

    @Test
    void exactPolicyValueFromTheTablesEqualsTheSimulatedDiscountedReturn() {
        double gamma = 0.95;
        try (Environment<int[], Integer> env = defaults()) {
            MdpTables t = simulator(env).tables();
            int[] policy = valueIteration(t, 0.99);
            // iterative policy evaluation on the tables, then the value of the initial distribution
            double[] v = new double[t.stateCount()];
            for (int sweep = 0; sweep < 2_000; sweep++) {
                for (int s = 0; s < v.length; s++) {
                    int a = policy[s];
                    double q = t.reward(s, a);
                    for (int i = 0; i < t.successorCount(s, a); i++) {
                        q += gamma * t.successorProbability(s, a, i) * v[t.successor(s, a, i)];
                    }
                    v[s] = q;
                }
            }
            double exact = 0;
            for (int s = 0; s < v.length; s++) {
                exact += t.initialProbability(s) * v[s];
            }
            // Monte Carlo over 200-epoch episodes (gamma^200 < 4e-5 of the tail is cut off)
            int episodes = 4_000;
            double sum = 0;
            double sumSquares = 0;
            for (int e = 0; e < episodes; e++) {
                Step<int[]> step = env.reset(Seeds.derive(31, e));
                double discount = 1;
                double ret = 0;
                while (!step.done()) {
                    step = env.step(policy[simulator(env).stateIndex(step.observation())]);
                    ret += discount * step.reward();
                    discount *= gamma;
                }
                sum += ret;
                sumSquares += ret * ret;
            }
            double mean = sum / episodes;
            double standardError = Math.sqrt((sumSquares / episodes - mean * mean) / episodes);
            assertTrue(exact > 10, "a policy worth evaluating: " + exact);
            assertEquals(exact, mean, 4 * standardError + 0.01, "exact " + exact + " vs simulated " + mean + " ± " + standardError);
        }
    }

    @Test
    void occupancyUnderAmpleCapacityFollowsTheInfiniteServerLaw() {
        // with capacity that never binds, admitted requests form a discrete-time M/G/infinity queue:
        // E[n'] = (1 - mu)(E[n] + lambda) gives the stationary post-departure mean lambda (1 - mu) / mu
        try (Environment<int[], Integer> env = env(Map.of("capacity", 200, "timeLimit", 0))) {
            Step<int[]> step = env.reset(3);
            double[] sum = new double[2];
            int burnIn = 2_000;
            int samples = 200_000;
            for (int i = 0; i < burnIn + samples; i++) {
                step = env.step(1);
                assertEquals(0.0, step.info(env.infoNames(), "overloaded"), "capacity 200 is never exceeded");
                if (i >= burnIn) {
                    sum[0] += step.observation()[0];
                    sum[1] += step.observation()[1];
                }
            }
            double expected = 0.4 * 0.95 / 0.05;
            assertEquals(expected, sum[0] / samples, 0.05 * expected, "basic requests in service");
            double expectedPremium = 0.2 * 0.95 / 0.05;
            assertEquals(expectedPremium, sum[1] / samples, 0.05 * expectedPremium, "premium requests in service");
        }
    }

    @Test
    void invalidConfigurationsAreRefusedNamingFieldAndRange() {
        ConfigException range = assertThrows(ConfigException.class,
                () -> PROVIDER.configSchema().validate(Map.of("capacity", 0, "arrivalProbabilities", List.of(0.5, 1.5)), "scenario.config"));
        assertEquals("scenario.config.capacity: must be in [1, 10000], got 0; "
                + "scenario.config.arrivalProbabilities: element 1 must be in [0, 1], got 1.5", range.getMessage());

        ConfigException lengths = assertThrows(ConfigException.class, () -> env(Map.of("revenues", List.of(1, 2, 3))));
        assertEquals("scenario.config.revenues: must have one element per class (2, the length of demands), got 3", lengths.getMessage());

        ConfigException sum = assertThrows(ConfigException.class, () -> env(Map.of("arrivalProbabilities", List.of(0.7, 0.6))));
        assertEquals("scenario.config.arrivalProbabilities", sum.problems().get(0).path());
        assertTrue(sum.getMessage().contains("must sum to a value in [0, 1]"), sum.getMessage());

        ConfigException tooBig = assertThrows(ConfigException.class, () -> env(Map.of("demands", List.of(1, 12))));
        assertEquals("scenario.config.demands: element 1 must be in [1, capacity = 10] (a request larger than the resource can never be served), got 12",
                tooBig.getMessage());

        ConfigException states = assertThrows(ConfigException.class, () -> env(Map.of("capacity", 10_000, "demands", List.of(1, 1),
                "revenues", List.of(1, 1))));
        assertEquals("scenario.config.capacity", states.problems().get(0).path());
        assertTrue(states.getMessage().contains("at most 1000000 states"), states.getMessage());
    }

    @Test
    void snapshotsReplayTheSameFutureAcrossTheTimeLimitAndCopiesAreIndependent() {
        try (Environment<int[], Integer> env = defaults()) {
            Snapshottable snapshots = env.capability(Snapshottable.class).orElseThrow();
            env.reset(11);
            for (int i = 0; i < 137; i++) {
                env.step(i % 3 == 0 ? 0 : 1);
            }
            Object snap = snapshots.snapshot();
            // 150 more steps cross the truncation at 200: the snapshot carries the elapsed epochs
            double[] first = new double[150];
            int[][] firstObs = new int[150][];
            boolean[] firstDone = new boolean[150];
            for (int i = 0; i < first.length; i++) {
                Step<int[]> s = env.step(i % 2);
                first[i] = s.reward();
                firstObs[i] = s.observation().clone();
                firstDone[i] = s.truncated();
                if (s.done()) {
                    env.reset();
                }
            }
            assertTrue(firstDone[62] && !firstDone[61], "truncated at epoch 200");
            snapshots.restore(snap);
            @SuppressWarnings("unchecked")
            Environment<int[], Integer> copy = (Environment<int[], Integer>) env.capability(Copyable.class).orElseThrow().copy();
            for (int i = 0; i < first.length; i++) {
                Step<int[]> s = env.step(i % 2);
                assertEquals(first[i], s.reward(), "reward after restore, step " + i);
                assertArrayEquals(firstObs[i], s.observation(), "observation after restore, step " + i);
                assertEquals(firstDone[i], s.truncated(), "truncation after restore, step " + i);
                if (s.done()) {
                    env.reset();
                }
                Step<int[]> c = copy.step(i % 2);
                assertArrayEquals(firstObs[i], c.observation(), "copy, step " + i);
                assertEquals(firstDone[i], c.truncated(), "truncation of the copy, step " + i);
                if (c.done()) {
                    copy.reset();
                }
            }
            // a fresh environment of the same configuration accepts the snapshot too
            Environment<int[], Integer> other = defaults();
            other.capability(Snapshottable.class).orElseThrow().restore(snap);
            assertArrayEquals(firstObs[0], other.step(0).observation());
            IllegalArgumentException foreign = assertThrows(IllegalArgumentException.class,
                    () -> env(Map.of("capacity", 12)).capability(Snapshottable.class).orElseThrow().restore(snap));
            assertTrue(foreign.getMessage().contains("with this configuration"), foreign.getMessage());
        }
    }
}
