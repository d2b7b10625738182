package __PACKAGE__.tests;

import org.junit.jupiter.api.Test;
import org.nettwin.api.rl.AlgorithmProvider;
import org.nettwin.api.testkit.AlgorithmConformance;
import org.nettwin.api.testkit.OsgiServices;

/** The test kit's conformance checks on the registered algorithm (on the test kit's random walk). */
class __CLASS__Test {

    @Test
    void theRegisteredAlgorithmConforms() {
        AlgorithmConformance.check(OsgiServices.await(AlgorithmProvider.class, "__ID__"));
    }
}
