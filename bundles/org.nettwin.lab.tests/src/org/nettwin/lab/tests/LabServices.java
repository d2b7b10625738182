package org.nettwin.lab.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.nettwin.lab.ExperimentRunner;
import org.nettwin.lab.PluginCatalog;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** The lab's services as the integration tests reach them: from the framework's registry. */
final class LabServices {

    private LabServices() {
    }

    static BundleContext context() {
        return FrameworkUtil.getBundle(ExperimentRunner.class).getBundleContext();
    }

    /** @return the registered experiment runner, waiting up to 10 s for it */
    static ExperimentRunner runner() throws InterruptedException {
        ServiceTracker<ExperimentRunner, ExperimentRunner> t = new ServiceTracker<>(context(), ExperimentRunner.class, null);
        t.open();
        ExperimentRunner runner = t.waitForService(10_000);
        t.close();
        assertNotNull(runner, "the experiment runner is registered");
        return runner;
    }

    /** @return the plugin catalog, after every id in {@code ids} is listed in it */
    static PluginCatalog catalogWith(String... ids) throws InterruptedException {
        BundleContext context = context();
        PluginCatalog catalog = context.getService(context.getServiceReference(PluginCatalog.class));
        for (String id : ids) {
            PluginCatalogIT.await(() -> catalog.list().stream().anyMatch(p -> p.id().equals(id)), id);
        }
        return catalog;
    }
}
