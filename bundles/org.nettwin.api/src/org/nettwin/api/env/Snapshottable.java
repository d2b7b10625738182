package org.nettwin.api.env;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An environment whose complete state (including its random stream) can be saved and restored,
 * so several actions can be tried from one state (digital domains) and k-step look-aheads
 * computed without disturbing the episode.
 *
 * @since 0.1
 */
@ConsumerType
public interface Snapshottable {

    /** @return an opaque, immutable copy of the current state */
    Object snapshot();

    /**
     * Restores a state taken from this environment (or an environment of the same scenario and
     * configuration); the next step continues exactly as after the snapshot.
     *
     * @throws IllegalArgumentException if the snapshot comes from an incompatible environment
     */
    void restore(Object snapshot);
}
