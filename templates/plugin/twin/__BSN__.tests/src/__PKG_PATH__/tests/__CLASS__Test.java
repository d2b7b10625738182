package __PACKAGE__.tests;

import org.junit.jupiter.api.Test;
import org.nettwin.api.testkit.OsgiServices;
import org.nettwin.api.testkit.TwinConformance;
import org.nettwin.api.twin.TwinBuilder;

/** The test kit's conformance checks on the registered twin builder (data of the test kit's random walk). */
class __CLASS__Test {

    @Test
    void theRegisteredTwinBuilderConforms() {
        TwinConformance.check(OsgiServices.await(TwinBuilder.class, "__ID__"));
    }
}
