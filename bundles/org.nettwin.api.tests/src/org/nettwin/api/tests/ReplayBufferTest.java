package org.nettwin.api.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.nettwin.api.Seeds;
import org.nettwin.api.data.ReplayBuffer;

class ReplayBufferTest {

    /** Adds transition {@code k}: observation (k, -k), action (k/10), reward k, next (k+1, -k-1), terminated when k is odd. */
    private static void addTransition(ReplayBuffer b, int k) {
        b.add(new double[] {k, -k}, new double[] {k / 10.0}, k, new double[] {k + 1, -k - 1}, k % 2 == 1);
    }

    @Test
    void whenFullTheOldestAreOverwrittenAndTheNewestKept() {
        ReplayBuffer b = new ReplayBuffer(4, 2, 1);
        for (int k = 0; k < 6; k++) {
            addTransition(b, k);
        }
        assertEquals(4, b.size());
        assertEquals(4, b.capacity());
        Set<Double> rewards = new HashSet<>();
        double[] obs = new double[2];
        double[] act = new double[1];
        double[] next = new double[2];
        for (int i = 0; i < b.size(); i++) {
            double k = b.reward(i);
            rewards.add(k);
            b.observation(i, obs, 0);
            b.action(i, act, 0);
            b.nextObservation(i, next, 0);
            assertArrayEquals(new double[] {k, -k}, obs, "slot " + i + " holds one whole transition");
            assertArrayEquals(new double[] {k / 10.0}, act);
            assertArrayEquals(new double[] {k + 1, -k - 1}, next);
            assertEquals(((int) k) % 2 == 1, b.terminated(i));
        }
        assertEquals(Set.of(2.0, 3.0, 4.0, 5.0), rewards, "transitions 0 and 1 were overwritten");
        for (int k = 6; k < 10; k++) {
            addTransition(b, k);
        }
        rewards.clear();
        for (int i = 0; i < b.size(); i++) {
            rewards.add(b.reward(i));
        }
        assertEquals(Set.of(6.0, 7.0, 8.0, 9.0), rewards);
    }

    @Test
    void samplingReturnsOnlyStoredTransitions() {
        ReplayBuffer b = new ReplayBuffer(100, 2, 1);
        for (int k = 0; k < 3; k++) {
            addTransition(b, k);
        }
        int[] idx = new int[3000];
        b.sampleIndices(Seeds.generator(1), idx);
        int[] counts = new int[3];
        for (int i : idx) {
            assertTrue(i >= 0 && i < 3, "index " + i + " is not a stored transition");
            counts[i]++;
        }
        for (int c : counts) {
            assertTrue(c > 850 && c < 1150, "uniform: " + Arrays.toString(counts));
        }
    }

    @Test
    void sameSeedSameSamples() {
        ReplayBuffer b = new ReplayBuffer(50, 2, 1);
        for (int k = 0; k < 80; k++) {
            addTransition(b, k);
        }
        int[] first = new int[64];
        int[] again = new int[64];
        int[] other = new int[64];
        b.sampleIndices(Seeds.generator(99), first);
        b.sampleIndices(Seeds.generator(99), again);
        b.sampleIndices(Seeds.generator(100), other);
        assertArrayEquals(first, again);
        assertFalse(Arrays.equals(first, other), "another seed, other samples");
    }

    @Test
    void storedTransitionsAreCopies() {
        ReplayBuffer b = new ReplayBuffer(2, 2, 1);
        double[] o = {1, 2};
        double[] a = {3};
        double[] n = {4, 5};
        b.add(o, a, 6, n, false);
        o[0] = 100;
        a[0] = 100;
        n[0] = 100;
        double[] out = new double[4];
        b.observation(0, out, 1);
        assertArrayEquals(new double[] {0, 0, 1, 2}, out, "row 1 of a batch of width 2 starts at offset 2");
        double[] act = new double[1];
        b.action(0, act, 0);
        assertArrayEquals(new double[] {3}, act);
    }

    @Test
    void misuseIsRefused() {
        IllegalStateException empty = assertThrows(IllegalStateException.class,
                () -> new ReplayBuffer(4, 1, 1).sampleIndices(Seeds.generator(0), new int[1]));
        assertEquals("cannot sample from an empty replay buffer", empty.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ReplayBuffer(0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new ReplayBuffer(1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new ReplayBuffer(1, 1, 0));
    }
}
