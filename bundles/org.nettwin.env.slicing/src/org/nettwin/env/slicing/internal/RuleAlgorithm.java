package org.nettwin.env.slicing.internal;

import java.util.ArrayList;
import java.util.List;

import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.rl.FixedPolicyAlgorithm;

/**
 * Runs a rule-based policy for every agent for the step budget, reporting episodes like any
 * learner, so a baseline gives a curve in the same runs and plots as the learners. Nothing is
 * learned.
 */
final class RuleAlgorithm extends FixedPolicyAlgorithm {

    RuleAlgorithm(SlicingRule rule, EnvironmentSpec spec, long seed) {
        super(policies(rule, spec), seed);
    }

    private static List<RulePolicy> policies(SlicingRule rule, EnvironmentSpec spec) {
        List<RulePolicy> policies = new ArrayList<>();
        for (int i = 0; i < spec.agents().size(); i++) {
            policies.add(new RulePolicy(rule, spec.observationSpaces().get(i), spec.actionSpaces().get(i)));
        }
        return policies;
    }
}
