package org.nettwin.api;

import java.util.random.RandomGenerator;

/**
 * The random stream every NetTwin component draws from: SplitMix64, the algorithm of
 * {@link java.util.SplittableRandom} (same seed, same numbers), with one difference that matters
 * for digital twins — its whole state is one {@code long} that can be read, restored and copied,
 * so an environment snapshot can include its randomness and a restored environment continues
 * exactly as the original did. Not thread-safe.
 *
 * @since 0.1
 */
public final class SeededRandom implements RandomGenerator {

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private long state;

    /** A stream starting from {@code seed}. */
    public SeededRandom(long seed) {
        this.state = seed;
    }

    /** @return the current state (restore it with {@link #setState}) */
    public long state() {
        return state;
    }

    /** Continues the stream from a state returned by {@link #state()}. */
    public void setState(long state) {
        this.state = state;
    }

    /** @return an independent generator in the same state */
    public SeededRandom copy() {
        return new SeededRandom(state);
    }

    @Override
    public long nextLong() {
        long z = state += GOLDEN_GAMMA;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    @Override
    public int nextInt() {
        long z = state += GOLDEN_GAMMA;
        z = (z ^ (z >>> 33)) * 0x62a9d9ed799705f5L;
        return (int) (((z ^ (z >>> 28)) * 0xcb24d0a5c88c35b3L) >>> 32);
    }

    @Override
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }
}
