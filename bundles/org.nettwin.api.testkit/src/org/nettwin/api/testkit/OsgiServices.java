package org.nettwin.api.testkit;

import java.util.ArrayList;
import java.util.List;

import org.nettwin.api.NetTwinPlugin;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The one way OSGi integration tests reach services: wait (up to {@link #TIMEOUT_MS}) for a
 * service of a type, or for the plugin of a kind with a given {@code nettwin.id}; on timeout,
 * fail with a message saying what is registered instead, so a missing bundle or a failed
 * component is seen at once.
 *
 * @since 0.1
 */
public final class OsgiServices {

    /** How long to wait for a service. */
    public static final long TIMEOUT_MS = 20_000;

    private OsgiServices() {
    }

    /**
     * @return the test kit's bundle context (the framework the tests run in); the test kit is
     *         started if the test runtime left it resolved only
     */
    public static BundleContext context() {
        Bundle kit = FrameworkUtil.getBundle(OsgiServices.class);
        if (kit.getBundleContext() == null) {
            try {
                kit.start(Bundle.START_TRANSIENT);
            } catch (BundleException e) {
                throw new IllegalStateException("cannot start the test kit bundle", e);
            }
        }
        return kit.getBundleContext();
    }

    /** @return a registered service of {@code type} */
    public static <T> T await(Class<T> type) {
        return await(type, "(objectClass=" + type.getName() + ")", type.getName());
    }

    /** @return the registered plugin of {@code type} whose {@code nettwin.id} is {@code id} */
    public static <T extends NetTwinPlugin> T await(Class<T> type, String id) {
        return await(type, "(&(objectClass=" + type.getName() + ")(" + NetTwinPlugin.ID_PROPERTY + "=" + id + "))",
                type.getSimpleName() + " " + id);
    }

    private static <T> T await(Class<T> type, String filter, String what) {
        BundleContext context = context();
        Filter f;
        try {
            f = context.createFilter(filter);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("bad filter " + filter, e);
        }
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, f, null);
        tracker.open(true);
        try {
            T service = tracker.waitForService(TIMEOUT_MS);
            if (service == null) {
                throw new AssertionError("no " + what + " was registered within " + TIMEOUT_MS / 1000 + " s; registered "
                        + type.getSimpleName() + " services: " + registered(context, type));
            }
            return service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + what, e);
        } finally {
            tracker.close();
        }
    }

    private static List<String> registered(BundleContext context, Class<?> type) {
        List<String> out = new ArrayList<>();
        try {
            ServiceReference<?>[] refs = context.getAllServiceReferences(type.getName(), null);
            if (refs != null) {
                for (ServiceReference<?> r : refs) {
                    Object id = r.getProperty(NetTwinPlugin.ID_PROPERTY);
                    out.add((id == null ? "(no id)" : id) + " from " + (r.getBundle() == null ? "?" : r.getBundle().getSymbolicName()));
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
