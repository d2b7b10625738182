package org.nettwin.distill.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.function.Function;
import java.util.random.RandomGenerator;

import org.nettwin.api.Seeds;
import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.rl.Policy;
import org.nettwin.api.space.Space;

/** Hand-written teachers with known action functions, and datasets of their states. */
final class Teachers {

    private Teachers() {
    }

    /** A teacher acting by {@code rule}, claiming {@code parameters} parameters. */
    static <A> Policy<double[], A> of(Space<double[]> observations, Space<A> actions, long parameters, Function<double[], A> rule) {
        return new Policy<>() {
            @Override
            public Space<double[]> observationSpace() {
                return observations;
            }

            @Override
            public Space<A> actionSpace() {
                return actions;
            }

            @Override
            public A act(double[] observation) {
                return rule.apply(observation);
            }

            @Override
            public long parameterCount() {
                return parameters;
            }

            @Override
            public void save(OutputStream out) throws IOException {
                throw new IOException("test teacher");
            }
        };
    }

    /** {@code n} states sampled uniformly from {@code observations}, encoded (actions left at 0). */
    static TransitionDataset states(Space<double[]> observations, int n, long seed) {
        RandomGenerator random = Seeds.generator(seed);
        TransitionDataset data = new TransitionDataset(observations.encodedSize(), 1, Map.of());
        double[] o = new double[observations.encodedSize()];
        double[] zero = {0};
        for (int i = 0; i < n; i++) {
            observations.encode(observations.sample(random), o, 0);
            data.add(0, o, zero, 0, o, false, false);
        }
        return data;
    }
}
