package org.nettwin.api.rl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.nettwin.api.Seeds;
import org.nettwin.api.env.Environment;
import org.nettwin.api.env.MultiAgentEnvironment;
import org.nettwin.api.env.MultiStep;
import org.nettwin.api.env.Step;
import org.nettwin.api.run.EpisodeTracker;
import org.nettwin.api.run.TrainingListener;
import org.nettwin.api.scenario.Scenario;

/**
 * An "algorithm" that learns nothing: every agent acts with a given policy for the step budget,
 * and episodes are reported like a learner's, so baselines (random, rule-based, analytic
 * equilibria) give curves in the same runs, files and plots as learners. Subclasses may prepare
 * their policies in {@link #learn} (e.g. solve a game) before calling {@code super.learn}.
 *
 * @since 0.1
 */
public class FixedPolicyAlgorithm implements Algorithm {

    private final List<Policy<?, ?>> policies;
    private final long seed;
    private final EpisodeTracker tracker = new EpisodeTracker();

    /**
     * @param policies one per agent, in agent order
     * @param seed     seeds the resets of the episodes
     */
    public FixedPolicyAlgorithm(List<? extends Policy<?, ?>> policies, long seed) {
        if (policies.isEmpty()) {
            throw new IllegalArgumentException("at least one policy is needed");
        }
        this.policies = List.copyOf(policies);
        this.seed = seed;
    }

    @Override
    public long learn(Scenario scenario, long steps, TrainingListener listener) {
        tracker.begin(steps, listener);
        tracker.abandonEpisode();
        switch (scenario) {
            case Scenario.Single s -> runSingle(s.environment());
            case Scenario.Multi m -> runMulti(m.environment());
        }
        return tracker.budgetSteps();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void runSingle(Environment<?, ?> environment) {
        Environment env = environment;
        Policy policy = policies.get(0);
        Step<?> s = env.reset(Seeds.derive(seed, "episodes" + tracker.episodes()));
        while (tracker.running()) {
            s = env.step(policy.act(s.observation()));
            if (tracker.step(s.reward(), s.done())) {
                s = env.reset();
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void runMulti(MultiAgentEnvironment<?, ?> environment) {
        MultiAgentEnvironment env = environment;
        int agents = env.possibleAgents().size();
        if (agents != policies.size()) {
            throw new IllegalArgumentException("the environment has " + agents + " agents, the algorithm " + policies.size() + " policies");
        }
        List<Object> actions = new ArrayList<>(Collections.nCopies(agents, null));
        MultiStep<?> s = env.reset(Seeds.derive(seed, "episodes" + tracker.episodes()));
        while (tracker.running()) {
            for (int i = 0; i < agents; i++) {
                actions.set(i, ((Policy) policies.get(i)).act(s.observation(i)));
            }
            s = env.step(actions);
            if (tracker.step(s.meanReward(), s.allDone())) {
                s = env.reset();
            }
        }
    }

    @Override
    public Policy<?, ?> policy(int agent) {
        return policies.get(agent);
    }
}
