package org.nettwin.rl.baseline.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.random.RandomGenerator;

import org.nettwin.api.SeededRandom;
import org.nettwin.api.Seeds;
import org.nettwin.api.io.BinaryFormats;
import org.nettwin.api.rl.BasePolicy;
import org.nettwin.api.rl.PolicyHeader;
import org.nettwin.api.space.Space;

/**
 * Acts uniformly at random in its action space, from its own seeded stream (so even its
 * "deterministic" action sequence is reproducible). The lower bound every learner must beat.
 */
final class RandomPolicy<O, A> extends BasePolicy<O, A> {

    private final long seed;
    /** Drawn from by {@link #act}; its state is part of {@link RandomAlgorithm}'s resumable state. */
    final SeededRandom random;

    RandomPolicy(Space<O> observations, Space<A> actions, long seed) {
        super(observations, actions);
        this.seed = seed;
        this.random = Seeds.generator(seed);
    }

    @Override
    public A act(O observation) {
        return actionSpace().sample(random);
    }

    @Override
    public A sample(O observation, RandomGenerator rng) {
        return actionSpace().sample(rng);
    }

    @Override
    public long parameterCount() {
        return 0;
    }

    /**
     * Format ({@link BinaryFormats#RANDOM_POLICY}): the {@link PolicyHeader} (int magic "NTRP", int
     * version 1, UTF observation space, UTF action space), then long seed.
     */
    @Override
    public void save(OutputStream out) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        PolicyHeader.write(d, BinaryFormats.RANDOM_POLICY, observationSpace(), actionSpace());
        d.writeLong(seed);
        d.flush();
    }

    /** Reads a policy written by {@link #save}, checking it was saved for these spaces. */
    static <O, A> RandomPolicy<O, A> load(Space<O> observations, Space<A> actions, InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        try {
            PolicyHeader.read(d, BinaryFormats.RANDOM_POLICY).check(observations, actions);
            return new RandomPolicy<>(observations, actions, d.readLong());
        } catch (EOFException e) {
            throw new IOException(BinaryFormats.RANDOM_POLICY.name() + " file is truncated", e);
        }
    }
}
