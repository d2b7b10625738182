package __PACKAGE__.tests;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.nettwin.api.env.MdpTables;
import org.nettwin.api.similarity.SimilarityMetric;
import org.nettwin.api.testkit.MetricConformance;
import org.nettwin.api.testkit.OsgiServices;

/** The test kit's conformance checks on the registered metric, on two random walks that differ in slip. */
class __CLASS__Test {

    @Test
    @SuppressWarnings("unchecked")
    void theRegisteredMetricConforms() {
        SimilarityMetric<MdpTables> metric = OsgiServices.await(SimilarityMetric.class, "__ID__");
        List<MdpTables> walks = MetricConformance.randomWalks();
        MetricConformance.check(metric, walks.get(0), walks.get(1));
    }
}
