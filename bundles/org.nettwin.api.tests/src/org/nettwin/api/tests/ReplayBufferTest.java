package org.nettwin.api.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
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
    void aWrittenBufferReadsBackWithItsContentAndPosition() throws IOException {
        for (int added : new int[] {0, 3, 6}) {
            ReplayBuffer b = new ReplayBuffer(4, 2, 1);
            for (int k = 0; k < added; k++) {
                addTransition(b, k);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            b.write(new DataOutputStream(bytes));
            ReplayBuffer r = ReplayBuffer.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), 4, 2, 1);
            assertEquals(b.size(), r.size());
            addTransition(b, 100);
            addTransition(r, 100);
            double[] x = new double[2];
            double[] y = new double[2];
            for (int i = 0; i < b.size(); i++) {
                b.observation(i, x, 0);
                r.observation(i, y, 0);
                assertArrayEquals(x, y, "slot " + i + " after " + added + " and one more: the write position was kept");
                assertEquals(b.reward(i), r.reward(i));
                assertEquals(b.terminated(i), r.terminated(i));
            }
            byte[] saved = bytes.toByteArray();
            assertEquals("the saved replay buffer holds 4 transitions of 2 + 1 values, this one 5 of 2 + 1", assertThrows(IOException.class,
                    () -> ReplayBuffer.read(new DataInputStream(new ByteArrayInputStream(saved)), 5, 2, 1)).getMessage());
        }
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
