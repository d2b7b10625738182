package org.nettwin.twin.sequence.testkit;

import java.util.Map;
import java.util.random.RandomGenerator;

import org.nettwin.api.Seeds;
import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.env.Environment;
import org.nettwin.api.env.Step;
import org.nettwin.api.space.Space;

/**
 * Records transitions of a uniformly random behaviour policy, encoded in the environment's
 * spaces, one episode number per episode, as {@code nettwin collect} would.
 *
 * @since 0.1
 */
public final class Recorder {

    private Recorder() {
    }

    /** @return {@code transitions} transitions of random actions, episodes reset from {@code seed}'s stream */
    @SuppressWarnings("unchecked")
    public static TransitionDataset random(Environment<?, ?> environment, int transitions, long seed) {
        Environment<Object, Object> env = (Environment<Object, Object>) environment;
        Space<Object> obs = env.observationSpace();
        Space<Object> act = env.actionSpace();
        TransitionDataset data = new TransitionDataset(obs.encodedSize(), act.encodedSize(), Map.of("behaviour", "random", "seed", "" + seed));
        RandomGenerator policy = Seeds.generator(Seeds.derive(seed, "policy"));
        double[] o = new double[obs.encodedSize()];
        double[] a = new double[act.encodedSize()];
        double[] n = new double[obs.encodedSize()];
        Step<Object> step = env.reset(seed);
        int episode = 0;
        for (int i = 0; i < transitions; i++) {
            obs.encode(step.observation(), o, 0);
            Object action = act.sample(policy);
            act.encode(action, a, 0);
            step = env.step(action);
            obs.encode(step.observation(), n, 0);
            data.add(episode, o, a, step.reward(), n, step.terminated(), step.truncated());
            if (step.done()) {
                step = env.reset();
                episode++;
            }
        }
        return data;
    }

    /** @return the persistence baseline ("next state = current state"): RMSE per feature of {@code s' − s} */
    public static double[] persistenceError(TransitionDataset data) {
        double[] e = new double[data.observationSize()];
        for (int i = 0; i < data.size(); i++) {
            for (int k = 0; k < e.length; k++) {
                double d = data.nextObservation(i, k) - data.observation(i, k);
                e[k] += d * d;
            }
        }
        for (int k = 0; k < e.length; k++) {
            e[k] = Math.sqrt(e[k] / Math.max(1, data.size()));
        }
        return e;
    }

    /** @return the mean of {@code v} */
    public static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return v.length == 0 ? 0 : s / v.length;
    }
}
