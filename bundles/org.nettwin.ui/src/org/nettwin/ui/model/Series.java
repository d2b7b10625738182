package org.nettwin.ui.model;

/**
 * One curve: a metric of one seed (or arm) of one run, as a chart draws it.
 *
 * @param label the legend's text, e.g. {@code run-a seed 2}
 * @param x     steps
 * @param y     values, as many as steps
 */
public record Series(String label, double[] x, double[] y) {

    /** Checks the lengths. */
    public Series {
        if (x.length != y.length) {
            throw new IllegalArgumentException("series " + label + ": " + x.length + " steps but " + y.length + " values");
        }
    }
}
