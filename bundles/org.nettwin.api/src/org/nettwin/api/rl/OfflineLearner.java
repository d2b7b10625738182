package org.nettwin.api.rl;

import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.run.TrainingListener;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An {@link Algorithm} capability: learning from a fixed dataset of historical transitions alone,
 * without acting (offline RL). Obtain it with {@code algorithm.capability(OfflineLearner.class)}.
 *
 * @since 0.1
 */
@ConsumerType
public interface OfflineLearner {

    /**
     * Performs {@code updates} gradient updates on transitions drawn from {@code data}, which is
     * encoded in the spaces of the algorithm's {@link EnvironmentSpec} (single agent). Metrics go
     * to {@code listener} with the update count as their step; {@code onProgress} counts updates.
     *
     * @return the number of updates done (fewer if the listener cancelled)
     * @throws IllegalArgumentException if the dataset's sizes do not fit the spaces or it is empty
     */
    long learnOffline(TransitionDataset data, long updates, TrainingListener listener);
}
