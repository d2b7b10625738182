package org.nettwin.rl.baseline.internal;

import java.util.ArrayList;
import java.util.List;

import org.nettwin.api.Seeds;
import org.nettwin.api.env.Environment;
import org.nettwin.api.env.MultiAgentEnvironment;
import org.nettwin.api.env.MultiStep;
import org.nettwin.api.env.Step;
import org.nettwin.api.rl.Algorithm;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.rl.Policy;
import org.nettwin.api.run.EpisodeEvent;
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
    private long totalSteps;
    private long episodes;

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
        long taken = 0;
        Step<?> s = env.reset(Seeds.derive(seed, "episodes" + episodes));
        double ret = 0;
        int length = 0;
        while (taken < steps && !listener.isCancelled()) {
            s = env.step(policy.act(s.observation()));
            taken++;
            totalSteps++;
            ret += s.reward();
            length++;
            if (s.done()) {
                listener.onEpisode(new EpisodeEvent(totalSteps, episodes++, ret, length));
                listener.onProgress(taken, steps);
                s = env.reset();
                ret = 0;
                length = 0;
            } else if ((taken & 1023) == 0) {
                listener.onProgress(taken, steps);
            }
        }
        return taken;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private long learnMulti(MultiAgentEnvironment<?, ?> environment, long steps, TrainingListener listener) {
        MultiAgentEnvironment env = environment;
        int agents = policies.size();
        List<Object> actions = new ArrayList<>(agents);
        for (int i = 0; i < agents; i++) {
            actions.add(null);
        }
        long taken = 0;
        MultiStep<?> s = env.reset(Seeds.derive(seed, "episodes" + episodes));
        double ret = 0;
        int length = 0;
        while (taken < steps && !listener.isCancelled()) {
            for (int i = 0; i < agents; i++) {
                actions.set(i, policies.get(i).act(s.observation(i)));
            }
            s = env.step(actions);
            taken++;
            totalSteps++;
            ret += s.meanReward();
            length++;
            if (s.allDone()) {
                listener.onEpisode(new EpisodeEvent(totalSteps, episodes++, ret, length));
                listener.onProgress(taken, steps);
                s = env.reset();
                ret = 0;
                length = 0;
            } else if ((taken & 1023) == 0) {
                listener.onProgress(taken, steps);
            }
        }
        return taken;
    }

    @Override
    public Policy<?, ?> policy(int agent) {
        return policies.get(agent);
    }
}
