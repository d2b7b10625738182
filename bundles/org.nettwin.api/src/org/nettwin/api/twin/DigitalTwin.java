package org.nettwin.api.twin;

import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.env.Environment;
import org.nettwin.api.run.TrainingListener;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A digital twin: an {@link Environment} learned from data that stands in for the real one, so
 * any algorithm can train in it unchanged. Episodes start from states drawn from real data.
 *
 * @param <O> observation type (the real environment's)
 * @param <A> action type (the real environment's)
 * @since 0.1
 */
@ConsumerType
public interface DigitalTwin<O, A> extends Environment<O, A> {

    /** Re-calibrates the twin with fresh real transitions (the outer closed loop). */
    void calibrate(TransitionDataset fresh, TrainingListener listener);

    /** @return accuracy on {@code heldOut} real transitions, with {@code horizon}-step rollout errors */
    TwinAccuracy evaluate(TransitionDataset heldOut, int horizon);
}
