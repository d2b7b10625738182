package org.nettwin.metric.bsm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.env.MdpTables;
import org.nettwin.api.similarity.SimilarityMetric;
import org.nettwin.api.testkit.OsgiServices;

/** The three metrics are Declarative Services components registered under their ids. */
class MetricServicesIT {

    @Test
    void theThreeMetricsAreServices() {
        assertEquals(MdpTables.class, OsgiServices.await(SimilarityMetric.class, "metric/dt-bsm-wasserstein").subjectType());
        assertEquals(MdpTables.class, OsgiServices.await(SimilarityMetric.class, "metric/dt-bsm-tv").subjectType());
        assertEquals(TransitionDataset.class, OsgiServices.await(SimilarityMetric.class, "metric/dt-bsm-empirical").subjectType());
    }
}
