package org.nettwin.plot;

/**
 * What the shaded band around a mean curve over seeds shows ({@link LineChart#seriesOverSeeds}).
 *
 * @since 0.1
 */
public enum Band {
    /**
     * Mean ± one sample standard deviation over the seeds (divisor n − 1, as the lab's summaries
     * report it); zero width for a single seed. The usual choice in RL papers.
     */
    STANDARD_DEVIATION,
    /** From the lowest to the highest seed at each x: every seed's curve lies inside it. */
    MIN_MAX
}
