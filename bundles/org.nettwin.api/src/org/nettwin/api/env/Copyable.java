package org.nettwin.api.env;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An environment that can make an independent copy of itself in its current state, e.g. to run
 * several digital domains side by side.
 *
 * @param <E> the environment type
 * @since 0.1
 */
@ConsumerType
public interface Copyable<E> {

    /** @return an independent environment in the same state, with its own copy of the random stream */
    E copy();
}
