package org.nettwin.api.similarity;

import org.nettwin.api.NetTwinPlugin;
import org.nettwin.api.config.Config;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A similarity-metric plugin (id {@code metric/NAME}) between two subjects of one type: exact MDP
 * tables ({@link org.nettwin.api.env.MdpTables}) for bisimulation metrics, transition datasets
 * ({@link org.nettwin.api.data.TransitionDataset}) for empirical or learned similarities.
 *
 * @param <T> the subject type
 * @since 0.1
 */
@ConsumerType
public interface SimilarityMetric<T> extends NetTwinPlugin {

    /** @return the type of subjects compared */
    Class<T> subjectType();

    /** @return the distance between {@code a} and {@code b} */
    Similarity measure(T a, T b, Config config, long seed);
}
