package org.nettwin.plot.internal;

import java.awt.Color;
import java.awt.Paint;

import org.jfree.chart.renderer.PaintScale;

/**
 * A viridis-like, perceptually ordered colour scale from dark purple (lower bound) through teal to
 * yellow (upper bound), luminance increasing: five anchor colours interpolated linearly.
 * Values outside the bounds get the end colours.
 */
public final class ColourScale implements PaintScale {

    /** Anchor colours at 0, 0.25, 0.5, 0.75, 1. */
    private static final int[][] ANCHORS = {{68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}};

    private final double lower;
    private final double upper;

    public ColourScale(double lower, double upper) {
        this.lower = lower;
        this.upper = upper;
    }

    /** @return the colour of {@code t} in [0, 1] (clamped): 0 the lower bound, 1 the upper */
    public static Color at(double t) {
        double u = Math.max(0, Math.min(1, t)) * (ANCHORS.length - 1);
        int k = Math.min((int) u, ANCHORS.length - 2);
        double f = u - k;
        int[] a = ANCHORS[k];
        int[] b = ANCHORS[k + 1];
        return new Color((int) Math.round(a[0] + f * (b[0] - a[0])), (int) Math.round(a[1] + f * (b[1] - a[1])),
                (int) Math.round(a[2] + f * (b[2] - a[2])));
    }

    @Override
    public double getLowerBound() {
        return lower;
    }

    @Override
    public double getUpperBound() {
        return upper;
    }

    @Override
    public Paint getPaint(double value) {
        return at((value - lower) / (upper - lower));
    }
}
