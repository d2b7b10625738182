package org.nettwin.api.twin;

import org.nettwin.api.data.TransitionDataset;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A {@link DigitalTwin} capability: open-loop predictions from a real starting point, fed the real
 * actions, so twin and real trajectories can be compared (and plotted) step by step. Obtain it with
 * {@code twin.capability(TrajectoryPredictor.class)}.
 *
 * @since 0.1
 */
@ConsumerType
public interface TrajectoryPredictor {

    /**
     * @param real  real transitions, encoded in the twin's spaces
     * @param start index of the starting transition in {@code real}
     * @param steps most steps to predict; fewer when the real episode ends first
     * @return rows of encoded observations: row 0 is the real observation at {@code start}, row
     *         {@code h} the twin's prediction after the first {@code h} real actions
     */
    double[][] predictOpenLoop(TransitionDataset real, int start, int steps);
}
