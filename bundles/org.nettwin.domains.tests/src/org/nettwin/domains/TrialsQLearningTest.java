package org.nettwin.domains;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nettwin.api.config.ConfigSchema;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.domains.learn.TrialsConfig;
import org.nettwin.domains.learn.TrialsQLearning;

/** The n-trial update computes what the equation says, on a small known MDP ({@link LineWorld}). */
class TrialsQLearningTest {

    static final double[] VALUES = {0.5, 1, -1, 3};
    static final double ALPHA = 0.5;
    static final double GAMMA = 0.9;

    static TrialsConfig config(int n, String trialActions) {
        Map<String, Object> raw = new HashMap<>();
        raw.put("trials", n);
        raw.put("trialActions", trialActions);
        raw.put("alpha", ALPHA);
        raw.put("gamma", GAMMA);
        raw.put("bins", VALUES.length);
        raw.put("epsilonSchedule", "constant");
        raw.put("epsilonStart", 0.0);
        raw.put("epsilonEnd", 0.0);
        return ConfigSchema.of(TrialsConfig.class).validate(raw, "learner").as(TrialsConfig.class);
    }

    record Setup(Physical physical, DomainSet domains, TrialsQLearning learner) {
    }

    static Setup setup(int n, String trialActions) {
        Physical physical = new Physical(new JointView(new Scenario.Single(new LineWorld(VALUES, 1, 100))), 1);
        List<Domain> domains = new ArrayList<>();
        for (int d = 0; d < n - 1; d++) {
            domains.add(new PerfectDomain(() -> new Scenario.Single(new LineWorld(VALUES, 1, 100)), physical.environment()));
        }
        DomainSet set = new DomainSet(domains, 100, 1, 1);
        TrialsQLearning learner = new TrialsQLearning(config(n, trialActions), physical, set, 7);
        physical.reset(7);
        return new Setup(physical, set, learner);
    }

    static int row(TrialsQLearning learner, int cell) {
        return learner.state(new double[] {cell / (double) (VALUES.length - 1)});
    }

    @Test
    void withOneTrialItIsPlainQLearning() {
        Setup s = setup(1, "random");
        int s1 = row(s.learner(), 1);
        s.learner().step(s.physical(), s.domains());
        // greedy ties go to action 0 (stay): Q(1,0) = 0 + α (1 + γ·0 − 0)
        assertEquals(0.5, s.learner().q(s1, 0), 1e-12);
        s.learner().step(s.physical(), s.domains());
        assertEquals(0.5 + ALPHA * (1 + GAMMA * 0.5 - 0.5), s.learner().q(s1, 0), 1e-12);
        assertEquals(0.0, s.learner().q(s1, 1), 0.0);
        assertEquals(0.0, s.learner().q(s1, 2), 0.0);
        assertEquals(0, s.domains().cost(s.physical(), 1, 0, 0).domainSteps());
        assertEquals(2, s.physical().steps());
    }

    @Test
    void threeTrialsUpdateEveryActionOfTheStateByWatkinsRule() {
        Setup s = setup(3, "random");
        int s1 = row(s.learner(), 1);
        s.learner().step(s.physical(), s.domains());
        // physical: stay (greedy, ties low) → r = 1; domains: right → r = −1, left → r = 0.5; all next rows still 0
        assertEquals(ALPHA * 1, s.learner().q(s1, 0), 1e-12);
        assertEquals(ALPHA * -1, s.learner().q(s1, 1), 1e-12);
        assertEquals(ALPHA * 0.5, s.learner().q(s1, 2), 1e-12);
        s.learner().step(s.physical(), s.domains());
        assertEquals(0.5 + ALPHA * (1 + GAMMA * 0.5 - 0.5), s.learner().q(s1, 0), 1e-12);
        assertEquals(-0.5 + ALPHA * (-1 + GAMMA * 0 + 0.5), s.learner().q(s1, 1), 1e-12);
        assertEquals(0.25 + ALPHA * (0.5 + GAMMA * 0 - 0.25), s.learner().q(s1, 2), 1e-12);
        DomainCost cost = s.domains().cost(s.physical(), 1, 0, 0);
        assertEquals(2, cost.physicalSteps());
        assertEquals(4, cost.domainSteps());
        assertEquals(4, cost.syncs());
        assertEquals(4, cost.storedTransitions());
    }

    /** Forty steps against an independent table updated in the documented order (physical first, then the domains by Q rank). */
    @Test
    void matchesAReferenceTableOverManySteps() {
        Setup s = setup(3, "greedy");
        LineWorld mdp = new LineWorld(VALUES, 1, 100);
        double[][] q = new double[VALUES.length][3];
        int cell = 1;
        for (int t = 0; t < 40 && !mdp.terminal(cell); t++) {
            int a = argmax(q[cell], -1);
            int b1 = argmax(q[cell], a);
            int b2 = 3 - a - b1;
            int[] order = {a, b1, b2};
            int[] next = new int[3];
            for (int i = 0; i < 3; i++) {
                next[i] = mdp.move(cell, order[i]);
            }
            for (int i = 0; i < 3; i++) {
                double target = mdp.value(next[i]) + (mdp.terminal(next[i]) ? 0 : GAMMA * max(q[next[i]]));
                q[cell][order[i]] += ALPHA * (target - q[cell][order[i]]);
            }
            int before = cell;
            cell = next[0];
            s.learner().step(s.physical(), s.domains());
            for (int b = 0; b < 3; b++) {
                assertEquals(q[before][b], s.learner().q(row(s.learner(), before), b), 1e-12, "step " + t + " action " + b);
            }
        }
        assertTrue(s.physical().steps() > 1);
    }

    /** argmax over actions other than {@code skip}, ties to the lowest. */
    static int argmax(double[] v, int skip) {
        int best = -1;
        for (int a = 0; a < v.length; a++) {
            if (a != skip && (best < 0 || v[a] > v[best])) {
                best = a;
            }
        }
        return best;
    }

    static double max(double[] v) {
        return v[argmax(v, -1)];
    }
}
