package org.nettwin.distill;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.nettwin.api.NetTwinPlugin;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** Test helper: a plugin service by id from the running framework. */
final class Services {

    private Services() {
    }

    static <T> T get(Class<T> type, String id) throws Exception {
        BundleContext context = FrameworkUtil.getBundle(Services.class).getBundleContext();
        ServiceTracker<T, T> t = new ServiceTracker<>(context,
                context.createFilter("(&(objectClass=" + type.getName() + ")(" + NetTwinPlugin.ID_PROPERTY + "=" + id + "))"), null);
        t.open();
        try {
            T s = t.waitForService(10_000);
            assertNotNull(s, id + " registered");
            return s;
        } finally {
            t.close();
        }
    }
}
