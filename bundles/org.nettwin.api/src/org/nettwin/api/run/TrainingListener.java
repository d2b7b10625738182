package org.nettwin.api.run;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives progress from a learning or data-collecting process: episode ends, named scalar
 * metrics (losses, epsilon, twin error) and the step count, and may cancel it. Callbacks run on
 * the learning thread and must be quick.
 *
 * @since 0.1
 */
@ConsumerType
public interface TrainingListener {

    /** A listener that ignores everything. */
    TrainingListener NONE = new TrainingListener() {
    };

    /** An episode finished. */
    default void onEpisode(EpisodeEvent event) {
    }

    /** A named scalar was measured at environment step {@code step}. */
    default void onMetric(long step, String name, double value) {
    }

    /** Environment steps taken so far, out of {@code total}; called at least once per episode. */
    default void onProgress(long step, long total) {
    }

    /** @return whether the process should stop as soon as it can (it then returns normally) */
    default boolean isCancelled() {
        return false;
    }
}
