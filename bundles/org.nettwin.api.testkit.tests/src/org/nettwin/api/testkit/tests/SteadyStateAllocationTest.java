package org.nettwin.api.testkit.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.nettwin.api.testkit.SteadyStateAllocation;

class SteadyStateAllocationTest {

    /** Escapes, so the JIT cannot remove the allocation. */
    static volatile Object sink;

    @Test
    void workThatKeepsAllocatingIsReportedAtTheDeadline() {
        long start = System.nanoTime();
        long bytes = SteadyStateAllocation.of(() -> sink = new byte[10_000], 1024, Duration.ofMillis(300));
        assertTrue(bytes >= 10_000, "a 10,000-byte array per window, measured " + bytes);
        assertTrue(System.nanoTime() - start >= 300_000_000L, "kept trying until the deadline");
    }

    @Test
    void workThatAllocatesNothingReturnsAtOnce() {
        double[] a = new double[64];
        long start = System.nanoTime();
        long bytes = SteadyStateAllocation.of(() -> {
            for (int i = 0; i < a.length; i++) {
                a[i] = a[i] * 0.5 + i;
            }
        }, 1024, Duration.ofSeconds(60));
        assertTrue(bytes < 1024, "measured " + bytes);
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "returned long before the deadline");
    }
}
