package org.nettwin.api.rl;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An {@link Algorithm} capability: everything its learning depends on — networks, targets,
 * optimiser moments, experience (replay contents and position, a partly collected rollout),
 * random streams, schedules and counters, episode bookkeeping — written and read back, so that a
 * run killed between two {@code learn} calls can be continued in a new process and give the same
 * bytes as if it had never stopped. Unlike a {@link Checkpointable} handover, nothing is left out.
 * Obtain it with {@code algorithm.capability(Resumable.class)}.
 *
 * @since 0.1
 */
@ConsumerType
public interface Resumable {

    /** Writes the whole state, in the algorithm's documented, versioned format. */
    void saveState(OutputStream out) throws IOException;

    /**
     * Replaces the whole state with one {@link #saveState} wrote, into an algorithm created with the
     * same spec, configuration and seed; the next {@code learn} call then continues exactly as the
     * saving algorithm's would have.
     *
     * @throws IOException saying what does not match or that the stream is truncated or corrupt; the
     *                     state is then unchanged
     */
    void loadState(InputStream in) throws IOException;
}
