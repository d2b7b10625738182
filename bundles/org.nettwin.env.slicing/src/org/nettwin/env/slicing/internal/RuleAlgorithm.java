package org.nettwin.env.slicing.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.nettwin.api.Seeds;
import org.nettwin.api.env.Environment;
import org.nettwin.api.env.MultiAgentEnvironment;
import org.nettwin.api.env.MultiStep;
import org.nettwin.api.env.Step;
import org.nettwin.api.rl.Algorithm;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.rl.Policy;
import org.nettwin.api.run.EpisodeTracker;
import org.nettwin.api.run.TrainingListener;
import org.nettwin.api.scenario.Scenario;

/**
 * Runs a rule-based policy for every agent for the step budget, reporting episodes like any
 * learner, so a baseline gives a curve in the same runs and plots as the learners. Nothing is
 * learned.
 */
final class RuleAlgorithm implements Algorithm {

    private final List<RulePolicy> policies = new ArrayList<>();
    private final long seed;
    private final EpisodeTracker tracker = new EpisodeTracker();

    RuleAlgorithm(SlicingRule rule, EnvironmentSpec spec, long seed) {
        this.seed = seed;
        for (int i = 0; i < spec.agents().size(); i++) {
            policies.add(new RulePolicy(rule, spec.observationSpaces().get(i), spec.actionSpaces().get(i)));
        }
    }

    @Override
    public long learn(Scenario scenario, long steps, TrainingListener listener) {
        return switch (scenario) {
            case Scenario.Single s -> runSingle(s.environment(), steps, listener);
            case Scenario.Multi m -> runMulti(m.environment(), steps, listener);
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private long runSingle(Environment<?, ?> environment, long steps, TrainingListener listener) {
        Environment env = environment;
        RulePolicy policy = policies.get(0);
        tracker.begin(steps, listener);
        tracker.abandonEpisode();
        Step<double[]> s = env.reset(Seeds.derive(seed, "episodes" + tracker.episodes()));
        while (tracker.running()) {
            s = env.step(policy.act(s.observation()));
            if (tracker.step(s.reward(), s.done())) {
                s = env.reset();
            }
        }
        return tracker.budgetSteps();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private long runMulti(MultiAgentEnvironment<?, ?> environment, long steps, TrainingListener listener) {
        MultiAgentEnvironment env = environment;
        int agents = policies.size();
        List<Object> actions = new ArrayList<>(Collections.nCopies(agents, null));
        tracker.begin(steps, listener);
        tracker.abandonEpisode();
        MultiStep<double[]> s = env.reset(Seeds.derive(seed, "episodes" + tracker.episodes()));
        while (tracker.running()) {
            for (int i = 0; i < agents; i++) {
                actions.set(i, policies.get(i).act(s.observation(i)));
            }
            s = env.step(actions);
            if (tracker.step(s.meanReward(), s.allDone())) {
                s = env.reset();
            }
        }
        return tracker.budgetSteps();
    }

    @Override
    public Policy<?, ?> policy(int agent) {
        return policies.get(agent);
    }
}
