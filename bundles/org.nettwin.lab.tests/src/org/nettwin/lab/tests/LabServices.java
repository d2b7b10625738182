package org.nettwin.lab.tests;

import org.nettwin.api.testkit.OsgiServices;
import org.nettwin.lab.ExperimentRunner;
import org.nettwin.lab.PluginCatalog;

/** The lab's services as the integration tests reach them: from the framework's registry. */
final class LabServices {

    private LabServices() {
    }

    /** @return the registered experiment runner */
    static ExperimentRunner runner() {
        return OsgiServices.await(ExperimentRunner.class);
    }

    /** @return the plugin catalog, after every id in {@code ids} is listed in it */
    static PluginCatalog catalogWith(String... ids) throws InterruptedException {
        PluginCatalog catalog = OsgiServices.await(PluginCatalog.class);
        for (String id : ids) {
            PluginCatalogIT.await(() -> catalog.list().stream().anyMatch(p -> p.id().equals(id)), id);
        }
        return catalog;
    }
}
