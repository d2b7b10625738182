package org.nettwin.api.twin;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A {@link DigitalTwin} capability: put the twin into a real state, with the real history that led
 * there, so that it can serve as a digital domain synchronised with the physical environment (paper
 * 001's differential domains) and predict from that state on. Obtain it with
 * {@code twin.capability(StateSync.class)}; after {@link #sync}, the twin's next
 * {@link org.nettwin.api.env.Environment#step step} continues from {@code observations[count − 1]}.
 *
 * @since 0.1
 */
@ConsumerType
public interface StateSync {

    /**
     * @param observations real observations encoded in the twin's observation space, oldest first;
     *                     row {@code count − 1} is the current state
     * @param actions      {@code actions[i]} is the real action taken after {@code observations[i]}, for
     *                     {@code i < count − 1}, in the twin's action space
     * @param count        how many rows are history (at least 1); the arrays may be longer (reused buffers)
     */
    void sync(double[][] observations, Object[] actions, int count);
}
