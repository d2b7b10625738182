package org.nettwin.rl.baseline.internal;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.random.RandomGenerator;

import org.nettwin.api.Seeds;
import org.nettwin.api.rl.Policy;
import org.nettwin.api.space.Space;

/**
 * Acts uniformly at random in its action space, from its own seeded stream (so even its
 * "deterministic" action sequence is reproducible). The lower bound every learner must beat.
 */
final class RandomPolicy<O, A> implements Policy<O, A> {

    static final int MAGIC = 0x4E545250; // "NTRP"
    static final int VERSION = 1;

    private final Space<O> observations;
    private final Space<A> actions;
    private final long seed;
    private final RandomGenerator random;

    RandomPolicy(Space<O> observations, Space<A> actions, long seed) {
        this.observations = observations;
        this.actions = actions;
        this.seed = seed;
        this.random = Seeds.generator(seed);
    }

    @Override
    public Space<O> observationSpace() {
        return observations;
    }

    @Override
    public Space<A> actionSpace() {
        return actions;
    }

    @Override
    public A act(O observation) {
        return actions.sample(random);
    }

    @Override
    public A sample(O observation, RandomGenerator rng) {
        return actions.sample(rng);
    }

    @Override
    public long parameterCount() {
        return 0;
    }

    /** Format: int magic "NTRP", int version 1, UTF observation space, UTF action space, long seed. */
    @Override
    public void save(OutputStream out) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(MAGIC);
        d.writeInt(VERSION);
        d.writeUTF(observations.describe());
        d.writeUTF(actions.describe());
        d.writeLong(seed);
        d.flush();
    }
}
