package org.nettwin.ui.model;

import java.util.Arrays;

/** A growing list of (step, value) pairs in two primitive arrays: adding allocates only when it grows. */
final class Points {

    private double[] x = new double[64];
    private double[] y = new double[64];
    private int size;

    void add(double step, double value) {
        if (size == x.length) {
            x = Arrays.copyOf(x, size * 2);
            y = Arrays.copyOf(y, size * 2);
        }
        x[size] = step;
        y[size] = value;
        size++;
    }

    int size() {
        return size;
    }

    Series toSeries(String label) {
        return new Series(label, Arrays.copyOf(x, size), Arrays.copyOf(y, size));
    }
}
