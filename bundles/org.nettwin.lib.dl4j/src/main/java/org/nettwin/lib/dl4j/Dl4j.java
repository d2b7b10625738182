package org.nettwin.lib.dl4j;

import java.util.concurrent.Callable;

import org.nd4j.common.config.ND4JClassLoading;
import org.osgi.framework.FrameworkUtil;

/**
 * Runs deeplearning4j / ND4J code inside OSGi. ND4J finds its backend and JavaCPP its native
 * libraries through the thread context class loader and ND4J's own class-loader setting; in
 * Equinox both must be this bundle's class loader, or the first ND4J call fails with
 * {@code NoAvailableBackendException}. Wrap every call that creates, trains, serialises or
 * deserialises a network in {@link #call}.
 *
 * @since 0.1
 */
public final class Dl4j {

    private static volatile boolean configured;

    private Dl4j() {
    }

    /** @return the class loader that sees every embedded library */
    public static ClassLoader classLoader() {
        return Dl4j.class.getClassLoader();
    }

    /** Runs {@code work} with this bundle's class loader as context class loader, and returns its result. */
    public static <T> T call(Callable<T> work) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(classLoader());
        try {
            if (!configured) {
                ND4JClassLoading.setNd4jClassloader(classLoader());
                configured = true;
            }
            return work.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** As {@link #call}, for work that throws no checked exception. */
    public static <T> T get(java.util.function.Supplier<T> work) {
        try {
            return call(work::get);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return whether this class was loaded by an OSGi bundle (false on a plain class path) */
    public static boolean insideOsgi() {
        return FrameworkUtil.getBundle(Dl4j.class) != null;
    }
}
