package org.nettwin.nn.internal;

/**
 * SplitMix64 with Box–Muller normals: a tiny generator whose output is fixed by this code alone,
 * so a seed gives the same weights on every JDK (the JDK's generators may change their
 * algorithms between releases).
 */
public final class SplitMix {

    private long state;
    private double spare;
    private boolean hasSpare;

    /** A generator whose whole stream is determined by {@code seed}. */
    public SplitMix(long seed) {
        this.state = seed;
    }

    /** Restarts the stream as if built with {@code seed}. */
    public void reseed(long seed) {
        this.state = seed;
        this.hasSpare = false;
    }

    /** The next 64 random bits. */
    public long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1) with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Standard normal (Box–Muller, both values of a pair used). */
    public double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        double u1;
        do {
            u1 = nextDouble();
        } while (u1 == 0.0);
        double u2 = nextDouble();
        double r = Math.sqrt(-2.0 * Math.log(u1));
        spare = r * Math.sin(2.0 * Math.PI * u2);
        hasSpare = true;
        return r * Math.cos(2.0 * Math.PI * u2);
    }
}
