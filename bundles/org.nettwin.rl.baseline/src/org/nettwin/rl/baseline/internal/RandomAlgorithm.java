package org.nettwin.rl.baseline.internal;

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
import org.nettwin.api.space.Space;

/**
 * "Learning" with a uniformly random policy: it interacts for the budget and reports episodes
 * like any learner, which gives the baseline curve and a smoke test of a scenario.
 */
final class RandomAlgorithm implements Algorithm {

    private final List<RandomPolicy<Object, Object>> policies = new ArrayList<>();
    private final long seed;
    private final EpisodeTracker tracker = new EpisodeTracker();

    @SuppressWarnings("unchecked")
    RandomAlgorithm(EnvironmentSpec spec, long seed) {
        this.seed = seed;
        for (int i = 0; i < spec.agents().size(); i++) {
            policies.add(new RandomPolicy<>((Space<Object>) spec.observationSpaces().get(i), (Space<Object>) spec.actionSpaces().get(i),
                    Seeds.derive(seed, i)));
        }
    }

    @Override
    public long learn(Scenario scenario, long steps, TrainingListener listener) {
        return switch (scenario) {
            case Scenario.Single s -> learnSingle(s.environment(), steps, listener);
            case Scenario.Multi m -> learnMulti(m.environment(), steps, listener);
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private long learnSingle(Environment<?, ?> environment, long steps, TrainingListener listener) {
        Environment env = environment;
        RandomPolicy<Object, Object> policy = policies.get(0);
        tracker.begin(steps, listener);
        tracker.abandonEpisode();
        Step<?> s = env.reset(Seeds.derive(seed, "episodes" + tracker.episodes()));
        while (tracker.running()) {
            s = env.step(policy.act(s.observation()));
            if (tracker.step(s.reward(), s.done())) {
                s = env.reset();
            }
        }
        return tracker.budgetSteps();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private long learnMulti(MultiAgentEnvironment<?, ?> environment, long steps, TrainingListener listener) {
        MultiAgentEnvironment env = environment;
        int agents = policies.size();
        List<Object> actions = new ArrayList<>(Collections.nCopies(agents, null));
        tracker.begin(steps, listener);
        tracker.abandonEpisode();
        MultiStep<?> s = env.reset(Seeds.derive(seed, "episodes" + tracker.episodes()));
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
