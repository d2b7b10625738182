package org.nettwin.domains;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nettwin.api.config.ConfigSchema;
import org.nettwin.api.env.Step;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.domains.learn.KStepConfig;
import org.nettwin.domains.learn.KStepDqn;

/**
 * The k-step target computes what the equation says, on a small known MDP ({@link LineWorld}):
 * {@code y = (1/D) Σ_d [Σ_{j<k} γ^j r_j + γ^k max_a' Q'(s_k, a')]}, the domains following the current
 * (here greedy) policy from (s, a); k = 1 is DQN's {@code r + γ max Q'(s')}.
 */
class KStepDqnTest {

    static final double[] VALUES = {0, 1, 2, 3, 10};
    static final double GAMMA = 0.9;

    static KStepConfig config(int k, int d) {
        Map<String, Object> raw = new HashMap<>();
        raw.put("predictionSteps", k);
        raw.put("domains", d);
        raw.put("hidden", List.of(8));
        raw.put("gamma", GAMMA);
        raw.put("learningStarts", 1_000_000);
        raw.put("epsilonSchedule", "constant");
        raw.put("epsilonStart", 0.0);
        raw.put("epsilonEnd", 0.0);
        return ConfigSchema.of(KStepConfig.class).validate(raw, "learner").as(KStepConfig.class);
    }

    static Scenario line() {
        return new Scenario.Single(new LineWorld(VALUES, 1, 100));
    }

    /** What a domain must store: the greedy k-step prediction from (start cell, a), by an independent roll-out. */
    static double[] reference(KStepDqn learner, int startCell, int k) {
        LineWorld world = new LineWorld(VALUES, startCell, 100);
        int cell = startCell;
        double g = 0;
        double discount = 1;
        int steps = 0;
        boolean terminal = false;
        while (steps < k && !terminal) {
            int a = learner.greedy(0, new double[] {world.observe(cell)});
            cell = world.move(cell, a);
            g += discount * world.value(cell);
            discount *= GAMMA;
            terminal = world.terminal(cell);
            steps++;
        }
        return new double[] {g, terminal ? 0 : discount, world.observe(cell), steps};
    }

    static double maxTarget(KStepDqn learner, double observation) {
        double[] q = learner.targetNetwork(0).forward(new double[] {observation}, 1);
        return Math.max(q[0], Math.max(q[1], q[2]));
    }

    @Test
    void kStepTargetIsTheMeanOverDomainsOfThePredictedReturnPlusTheDiscountedBootstrap() {
        for (int k : new int[] {2, 3, 5}) {
            Physical physical = new Physical(new JointView(line()), 1);
            List<Domain> domains = new ArrayList<>();
            domains.add(new PerfectDomain(KStepDqnTest::line, physical.environment()));
            domains.add(new NoisyDomain(new PerfectDomain(KStepDqnTest::line, physical.environment()), physical.environment().observationSpace(),
                    0.0, 0.5, 3));
            DomainSet set = new DomainSet(domains, 10, 1, 1);
            KStepDqn learner = new KStepDqn(config(k, 2), physical, set, 11);
            physical.reset(5);
            learner.step(physical, set);

            double[] ref = reference(learner, 1, k);
            Storage perfect = set.storage(0);
            assertEquals(1, perfect.stored());
            assertEquals(ref[0], perfect.value(0), 1e-12, "k = " + k + ": G of the perfect domain");
            assertEquals(ref[1], perfect.discount(0), 1e-12, "k = " + k + ": γ^k, or 0 after a terminal state");
            assertEquals(ref[2], perfect.nextObservations()[0], 1e-12, "k = " + k + ": s_k");
            Storage noisy = set.storage(1);
            assertNotEquals(perfect.value(0), noisy.value(0), "the noisy domain's rewards differ");
            assertEquals(perfect.discount(0), noisy.discount(0), 0.0);

            double expected = 0;
            for (Storage st : List.of(perfect, noisy)) {
                expected += st.value(0) + st.discount(0) * maxTarget(learner, st.nextObservations()[0]);
            }
            expected /= 2;
            double[] y = new double[1];
            learner.targets(0, new int[] {0}, 1, y);
            assertEquals(expected, y[0], 1e-12, "k = " + k);
            assertEquals(2 * (long) ref[3], set.cost(physical, 1, 0, 0).domainSteps(), "each domain steps k times unless its prediction ends");
            assertEquals(2, set.cost(physical, 1, 0, 0).syncs());
        }
    }

    @Test
    void oneStepIsPlainDqnOnThePhysicalTransition() {
        Physical physical = new Physical(new JointView(line()), 1);
        DomainSet none = new DomainSet(List.of(), 1, 1, 1);
        KStepDqn learner = new KStepDqn(config(1, 1), physical, none, 11);
        physical.reset(5);
        int a = learner.greedy(0, new double[] {0.25});
        Step<double[]> step = learner.step(physical, none);
        LineWorld world = new LineWorld(VALUES, 1, 100);
        int next = world.move(1, a);
        assertEquals(world.value(next), step.reward(), 0.0);
        Storage st = learner.storage(0);
        assertEquals(world.value(next), st.value(0), 0.0);
        assertEquals(world.terminal(next) ? 0 : GAMMA, st.discount(0), 0.0);
        double[] y = new double[1];
        learner.targets(0, new int[] {0}, 1, y);
        assertEquals(world.value(next) + st.discount(0) * maxTarget(learner, world.observe(next)), y[0], 1e-12);
        assertEquals(0, none.cost(physical, 1, 0, 0).domainSteps());
    }
}
