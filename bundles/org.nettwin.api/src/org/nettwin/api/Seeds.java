package org.nettwin.api;

/**
 * Reproducible random streams. Every component that needs randomness takes a seed and derives
 * its own stream from it with {@link #derive(long, String)}, so adding a random draw in one
 * component does not shift the numbers of another.
 *
 * @since 0.1
 */
public final class Seeds {

    private Seeds() {
    }

    /** @return a fast generator for {@code seed} whose state can be saved and restored */
    public static SeededRandom generator(long seed) {
        return new SeededRandom(seed);
    }

    /** @return a seed for the named purpose, statistically independent of {@code seed} itself */
    public static long derive(long seed, String purpose) {
        long h = seed ^ 0x9E3779B97F4A7C15L;
        for (int i = 0; i < purpose.length(); i++) {
            h = mix(h + purpose.charAt(i));
        }
        return mix(h);
    }

    /** @return the {@code index}-th seed of a family derived from {@code seed} */
    public static long derive(long seed, long index) {
        return mix(seed ^ mix(index + 0x632BE59BD9B4E019L));
    }

    // SplitMix64 finaliser: a bijection with good avalanche.
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
