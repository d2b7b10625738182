package org.nettwin.api.rl;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An {@link Algorithm} capability: its whole learning state (networks, target networks, optimiser
 * moments, schedules' step counters; not its experience) can be written and read back. Used for
 * checkpoints and to hand a policy from one agent to another, as the twin closed loop does from
 * the agent trained in the twin (agent 2) to the one acting on the real network (agent 1).
 * Obtain it with {@code algorithm.capability(Checkpointable.class)}.
 *
 * @since 0.1
 */
@ConsumerType
public interface Checkpointable {

    /** Writes the learning state in the algorithm's documented, versioned format. */
    void saveCheckpoint(OutputStream out) throws IOException;

    /**
     * Replaces the learning state with one written by {@link #saveCheckpoint} of an algorithm of
     * the same kind created for the same spaces and network sizes. The experience (replay) of this
     * algorithm is kept.
     *
     * @throws IOException saying what does not match (format, version, spaces, sizes) or that
     *                     the stream is truncated or corrupt; the state is then unchanged
     */
    void loadCheckpoint(InputStream in) throws IOException;
}
