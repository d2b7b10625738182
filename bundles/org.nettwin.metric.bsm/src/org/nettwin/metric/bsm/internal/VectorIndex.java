package org.nettwin.metric.bsm.internal;

import java.util.Arrays;

/**
 * Numbers distinct vectors of a fixed width (encoded observations or actions) in the order they
 * are first seen: equal vectors, whichever dataset they come from, get the same number, which is
 * how the empirical metric matches real and twin states through observations. Open addressing
 * over one flat array; looking up allocates nothing.
 */
final class VectorIndex {

    private final int width;
    private double[] vectors;
    private int[] table;
    private int size;

    VectorIndex(int width) {
        this.width = width;
        this.vectors = new double[16 * width];
        this.table = new int[64];
        Arrays.fill(table, -1);
    }

    /** @return how many distinct vectors were seen */
    int size() {
        return size;
    }

    /** @return the number of {@code v[offset .. offset+width)}, adding it if new */
    int index(double[] v, int offset) {
        int mask = table.length - 1;
        int slot = hash(v, offset) & mask;
        while (true) {
            int id = table[slot];
            if (id < 0) {
                break;
            }
            if (Arrays.equals(vectors, id * width, id * width + width, v, offset, offset + width)) {
                return id;
            }
            slot = (slot + 1) & mask;
        }
        if ((size + 1) * width > vectors.length) {
            vectors = Arrays.copyOf(vectors, vectors.length * 2);
        }
        System.arraycopy(v, offset, vectors, size * width, width);
        table[slot] = size;
        size++;
        if (size * 2 > table.length) {
            rehash();
        }
        return size - 1;
    }

    private int hash(double[] v, int offset) {
        long h = 1;
        for (int k = 0; k < width; k++) {
            h = 31 * h + Double.doubleToLongBits(v[offset + k] + 0.0); // + 0.0: -0.0 and 0.0 are one value
        }
        h ^= h >>> 29;
        h *= 0xbf58476d1ce4e5b9L;
        return (int) (h ^ (h >>> 32));
    }

    private void rehash() {
        int[] bigger = new int[table.length * 2];
        Arrays.fill(bigger, -1);
        int mask = bigger.length - 1;
        for (int id = 0; id < size; id++) {
            int slot = hash(vectors, id * width) & mask;
            while (bigger[slot] >= 0) {
                slot = (slot + 1) & mask;
            }
            bigger[slot] = id;
        }
        table = bigger;
    }
}
