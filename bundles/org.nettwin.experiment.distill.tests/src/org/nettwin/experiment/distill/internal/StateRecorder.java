package org.nettwin.experiment.distill.internal;

import java.util.Map;
import java.util.random.RandomGenerator;

import org.nettwin.api.Seeds;
import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.env.Environment;
import org.nettwin.api.env.Step;
import org.nettwin.api.rl.Policy;
import org.nettwin.api.space.Space;

/**
 * Test helper: records {@code steps} transitions of a behaviour that follows {@code policy} and
 * takes a uniformly random action with probability {@code randomShare} (so the states cover more
 * than the teacher's own trajectories), encoded as datasets store them.
 */
final class StateRecorder {

    private StateRecorder() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static TransitionDataset record(Environment<?, ?> environment, Policy<?, ?> policy, double randomShare, int steps, long seed) {
        Environment env = environment;
        Policy p = policy;
        Space<Object> obs = (Space<Object>) env.observationSpace();
        Space<Object> act = (Space<Object>) env.actionSpace();
        RandomGenerator random = Seeds.generator(Seeds.derive(seed, "behaviour"));
        TransitionDataset data = new TransitionDataset(obs.encodedSize(), act.encodedSize(), Map.of("source", "test"));
        double[] o = new double[obs.encodedSize()];
        double[] a = new double[act.encodedSize()];
        double[] next = new double[obs.encodedSize()];
        int episode = 0;
        Step<?> s = env.reset(Seeds.derive(seed, episode));
        for (int t = 0; t < steps; t++) {
            obs.encode(s.observation(), o, 0);
            Object action = random.nextDouble() < randomShare ? act.sample(random) : p.act(s.observation());
            act.encode(action, a, 0);
            s = env.step(action);
            obs.encode(s.observation(), next, 0);
            data.add(episode, o, a, s.reward(), next, s.terminated(), s.truncated());
            if (s.done()) {
                episode++;
                s = env.reset(Seeds.derive(seed, episode));
            }
        }
        return data;
    }
}
