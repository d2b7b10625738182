package org.nettwin.twin.sequence;

/**
 * A real trajectory and the twin's open-loop prediction of it (same start, same actions):
 * {@code real[t][f]} and {@code twin[t][f]} for {@code t = 0..steps}, row 0 the shared start.
 *
 * @since 0.1
 */
public record TwinTrajectory(double[][] real, double[][] twin) {

    /** @return number of steps after the start */
    public int steps() {
        return real.length - 1;
    }
}
