package org.nettwin.api.rl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import org.nettwin.api.data.RecordingEnvironment;
import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.env.Environment;
import org.nettwin.api.env.MultiAgentEnvironment;
import org.nettwin.api.env.MultiStep;
import org.nettwin.api.env.Step;
import org.nettwin.api.run.EpisodeTracker;
import org.nettwin.api.run.TrainingListener;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.space.Space;

/**
 * Lets behaviour policies act on a scenario and records every transition, in the spaces' compact
 * encoding, into one {@link TransitionDataset} per agent. Episode numbers follow the episodes;
 * the final, unfinished episode is kept (its last transition is neither terminated nor truncated).
 * The one collection loop of the project: datasets for twins and offline RL, held-out data,
 * distillation states.
 *
 * @since 0.1
 */
public final class TransitionRecorder {

    private TransitionRecorder() {
    }

    /**
     * @param policies   one per agent
     * @param stochastic sample actions from the policies' distributions (else deterministic actions)
     * @param resetSeed  seed of the first reset; later episodes continue the stream
     * @param metadata   written into every dataset (the agent name is added)
     */
    public static List<TransitionDataset> record(Scenario scenario, List<Policy<?, ?>> policies, long steps, boolean stochastic,
            RandomGenerator random, long resetSeed, Map<String, String> metadata, TrainingListener listener) {
        EpisodeTracker tracker = new EpisodeTracker();
        tracker.begin(steps, listener);
        return switch (scenario) {
            case Scenario.Single s -> List.of(single(s.environment(), policies.get(0), stochastic, random, resetSeed, metadata, tracker));
            case Scenario.Multi m -> multi(m.environment(), policies, stochastic, random, resetSeed, metadata, tracker);
        };
    }

    private static TransitionDataset dataset(Space<?> observations, Space<?> actions, Map<String, String> metadata, String agent) {
        return new TransitionDataset(observations.encodedSize(), actions.encodedSize(), metadata(observations, actions, metadata, agent));
    }

    /** The experiment's metadata plus the agent and its spaces. */
    private static Map<String, String> metadata(Space<?> observations, Space<?> actions, Map<String, String> metadata, String agent) {
        Map<String, String> meta = new LinkedHashMap<>(metadata);
        meta.put("agent", agent);
        meta.put("observation_space", observations.describe());
        meta.put("action_space", actions.describe());
        return meta;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static TransitionDataset single(Environment<?, ?> environment, Policy<?, ?> behaviour, boolean stochastic, RandomGenerator random,
            long resetSeed, Map<String, String> metadata, EpisodeTracker tracker) {
        RecordingEnvironment env = new RecordingEnvironment(environment,
                metadata(environment.observationSpace(), environment.actionSpace(), metadata, "agent"), true);
        Policy policy = behaviour;
        Step<?> s = env.reset(resetSeed);
        while (tracker.running()) {
            Object action = stochastic ? policy.sample(s.observation(), random) : policy.act(s.observation());
            s = env.step(action);
            if (tracker.step(s.reward(), s.done())) {
                s = env.reset();
            }
        }
        return env.drain();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<TransitionDataset> multi(MultiAgentEnvironment<?, ?> environment, List<Policy<?, ?>> behaviour, boolean stochastic,
            RandomGenerator random, long resetSeed, Map<String, String> metadata, EpisodeTracker tracker) {
        MultiAgentEnvironment env = environment;
        List<String> agents = env.possibleAgents();
        int n = agents.size();
        List<TransitionDataset> data = new ArrayList<>();
        double[][] obs = new double[n][];
        double[][] act = new double[n][];
        double[][] next = new double[n][];
        for (int i = 0; i < n; i++) {
            data.add(dataset(env.observationSpace(i), env.actionSpace(i), metadata, agents.get(i)));
            obs[i] = new double[env.observationSpace(i).encodedSize()];
            act[i] = new double[env.actionSpace(i).encodedSize()];
            next[i] = new double[obs[i].length];
        }
        List<Object> actions = new ArrayList<>(Collections.nCopies(n, null));
        MultiStep<?> s = env.reset(resetSeed);
        for (int i = 0; i < n; i++) {
            env.observationSpace(i).encode(s.observation(i), obs[i], 0);
        }
        int episode = 0;
        while (tracker.running()) {
            for (int i = 0; i < n; i++) {
                Policy p = behaviour.get(i);
                Object a = stochastic ? p.sample(s.observation(i), random) : p.act(s.observation(i));
                env.actionSpace(i).encode(a, act[i], 0);
                actions.set(i, a);
            }
            s = env.step(actions);
            for (int i = 0; i < n; i++) {
                env.observationSpace(i).encode(s.observation(i), next[i], 0);
                data.get(i).add(episode, obs[i], act[i], s.reward(i), next[i], s.terminated(i), s.truncated(i));
                System.arraycopy(next[i], 0, obs[i], 0, obs[i].length);
            }
            if (tracker.step(s.meanReward(), s.allDone())) {
                episode++;
                s = env.reset();
                for (int i = 0; i < n; i++) {
                    env.observationSpace(i).encode(s.observation(i), obs[i], 0);
                }
            }
        }
        return data;
    }
}
