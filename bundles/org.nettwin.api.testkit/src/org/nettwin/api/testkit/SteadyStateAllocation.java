package org.nettwin.api.testkit;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.time.Duration;

/**
 * Measures what a piece of work allocates once the JIT has compiled it. "Hot loops allocate
 * nothing" holds for compiled code only: interpreted, the Vector API that {@code org.nettwin.nn}'s
 * kernels use boxes every vector, and when C2 gets to a method depends on the machine's load. So
 * the work runs in windows until one window allocates less than the limit, or the deadline passes;
 * a test then asserts on the returned bytes of the last window, which fail it when the code still
 * allocates at the deadline.
 *
 * <pre>{@code
 * long bytes = SteadyStateAllocation.of(() -> { for (int i = 0; i < 500; i++) learner.update(); }, 1024,
 *         Duration.ofSeconds(60));
 * assertTrue(bytes < 1024, "500 updates allocated " + bytes + " bytes");
 * }</pre>
 *
 * <p>Counts the calling thread's allocations through HotSpot's {@code com.sun.management.ThreadMXBean}
 * and fails with an {@link AssertionError} on a JVM without it.
 *
 * @since 0.1
 */
public final class SteadyStateAllocation {

    private SteadyStateAllocation() {
    }

    /**
     * Runs {@code window} until one run of it allocates fewer than {@code limitBytes} on this
     * thread or {@code deadline} has passed (at least once); returns the bytes the last run
     * allocated.
     */
    public static long of(Runnable window, long limitBytes, Duration deadline) {
        Object bean = ManagementFactory.getThreadMXBean();
        Method counter;
        try {
            counter = ClassLoader.getPlatformClassLoader().loadClass("com.sun.management.ThreadMXBean")
                    .getMethod("getCurrentThreadAllocatedBytes");
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("counting allocations needs a HotSpot JVM's per-thread allocation counter", e);
        }
        if (!counter.getDeclaringClass().isInstance(bean)) {
            throw new AssertionError("this JVM's thread bean does not count allocations");
        }
        long end = System.nanoTime() + deadline.toNanos();
        long bytes;
        do {
            long before = allocated(counter, bean);
            window.run();
            bytes = allocated(counter, bean) - before;
        } while (bytes >= limitBytes && System.nanoTime() < end);
        return bytes;
    }

    private static long allocated(Method counter, Object bean) {
        try {
            return (Long) counter.invoke(bean);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("reading the allocation counter failed", e);
        }
    }
}
