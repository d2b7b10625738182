package org.nettwin.rl.baseline.internal;

import java.util.ArrayList;
import java.util.List;

import org.nettwin.api.Seeds;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.rl.FixedPolicyAlgorithm;
import org.nettwin.api.space.Space;

/**
 * "Learning" with a uniformly random policy per agent: it interacts for the budget and reports
 * episodes like any learner, which gives the baseline curve and a smoke test of a scenario.
 */
final class RandomAlgorithm extends FixedPolicyAlgorithm {

    RandomAlgorithm(EnvironmentSpec spec, long seed) {
        super(policies(spec, seed), seed);
    }

    @SuppressWarnings("unchecked")
    private static List<RandomPolicy<Object, Object>> policies(EnvironmentSpec spec, long seed) {
        List<RandomPolicy<Object, Object>> policies = new ArrayList<>();
        for (int i = 0; i < spec.agents().size(); i++) {
            policies.add(new RandomPolicy<>((Space<Object>) spec.observationSpaces().get(i), (Space<Object>) spec.actionSpaces().get(i),
                    Seeds.derive(seed, i)));
        }
        return policies;
    }
}
