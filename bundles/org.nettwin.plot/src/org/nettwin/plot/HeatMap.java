package org.nettwin.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import org.nettwin.api.io.AtomicFiles;
import org.nettwin.plot.internal.PlotFrame;
import org.nettwin.plot.internal.PngFiles;
import org.nettwin.plot.internal.Ticks;
import org.nettwin.plot.internal.Values;

/**
 * A heat map of values on a rectangular grid, with a colour scale and iso-lines, rendered
 * headless to PNG. {@code z[j][i]} is the value at {@code (xs[i], ys[j])}: one row per y value,
 * as a table is printed. Each grid point is painted as the cell reaching half-way to its
 * neighbours; colours run from dark purple (minimum) through teal to yellow (maximum), a
 * viridis-like perceptually ordered scale ({@link #colourOf(double)}). Iso-lines at
 * {@link #ISO_LEVELS} evenly spaced values between the minimum and the maximum are traced by
 * marching squares with linear interpolation between grid points.
 *
 * @since 0.1
 */
public final class HeatMap {

    /** Number of iso-lines drawn (interior levels; 0 turns them off via {@link #isoLines(int)}). */
    public static final int ISO_LEVELS = 8;

    /** Anchor colours of the scale at 0, 0.25, 0.5, 0.75, 1, interpolated linearly between. */
    private static final int[][] SCALE = {{68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}};

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final double[] xs;
    private final double[] ys;
    private final double[][] z;
    private int isoLevels = ISO_LEVELS;

    /**
     * @throws IllegalArgumentException if {@code xs} or {@code ys} has fewer than 2 values or does not
     *         increase, if {@code z} is not {@code ys.length} rows of {@code xs.length}, or a value is
     *         not finite
     */
    public HeatMap(String title, String xLabel, String yLabel, double[] xs, double[] ys, double[][] z) {
        Values.requireIncreasing("xs", xs);
        Values.requireIncreasing("ys", ys);
        if (xs.length < 2 || ys.length < 2) {
            throw new IllegalArgumentException("heat map needs at least 2 xs and 2 ys, got " + xs.length + " and " + ys.length);
        }
        if (z == null || z.length != ys.length) {
            throw new IllegalArgumentException("z must have one row per y value (" + ys.length + "), got "
                    + (z == null ? "null" : z.length + " rows"));
        }
        this.z = new double[ys.length][];
        for (int j = 0; j < ys.length; j++) {
            if (z[j] == null || z[j].length != xs.length) {
                throw new IllegalArgumentException("z[" + j + "] must have one value per x value (" + xs.length + "), got "
                        + (z[j] == null ? "null" : z[j].length));
            }
            Values.requireFinite("z[" + j + "]", z[j]);
            this.z[j] = z[j].clone();
        }
        this.title = title == null ? "" : title;
        this.xLabel = xLabel == null ? "" : xLabel;
        this.yLabel = yLabel == null ? "" : yLabel;
        this.xs = xs.clone();
        this.ys = ys.clone();
    }

    /** Sets the number of iso-lines (0 for none). */
    public HeatMap isoLines(int levels) {
        if (levels < 0 || levels > 50) {
            throw new IllegalArgumentException("isoLines must be in [0, 50], got " + levels);
        }
        this.isoLevels = levels;
        return this;
    }

    /** @return the scale's colour for {@code t} in [0, 1] (clamped): 0 the minimum, 1 the maximum */
    public static Color colourOf(double t) {
        double u = Math.max(0, Math.min(1, t)) * (SCALE.length - 1);
        int k = Math.min((int) u, SCALE.length - 2);
        double f = u - k;
        int[] a = SCALE[k];
        int[] b = SCALE[k + 1];
        return new Color((int) Math.round(a[0] + f * (b[0] - a[0])), (int) Math.round(a[1] + f * (b[1] - a[1])),
                (int) Math.round(a[2] + f * (b[2] - a[2])));
    }

    /** @return the chart as an image of {@code width} × {@code height} pixels */
    public BufferedImage render(int width, int height) {
        double zLo = Double.POSITIVE_INFINITY, zHi = Double.NEGATIVE_INFINITY;
        for (double[] row : z) {
            zLo = Math.min(zLo, Values.min(row));
            zHi = Math.max(zHi, Values.max(row));
        }
        double[] zr = Ticks.padded(zLo, zHi);
        double xLo = xs[0] - (xs[1] - xs[0]) / 2, xHi = xs[xs.length - 1] + (xs[xs.length - 1] - xs[xs.length - 2]) / 2;
        double yLo = ys[0] - (ys[1] - ys[0]) / 2, yHi = ys[ys.length - 1] + (ys[ys.length - 1] - ys[ys.length - 2]) / 2;
        PlotFrame frame = new PlotFrame(width, height, title, xLabel, yLabel, xLo, xHi, yLo, yHi, 80);
        frame.clipToPlot();
        for (int j = 0; j < ys.length; j++) {
            int top = frame.py(j == ys.length - 1 ? yHi : (ys[j] + ys[j + 1]) / 2);
            int bottom = frame.py(j == 0 ? yLo : (ys[j - 1] + ys[j]) / 2);
            for (int i = 0; i < xs.length; i++) {
                int left = frame.px(i == 0 ? xLo : (xs[i - 1] + xs[i]) / 2);
                int right = frame.px(i == xs.length - 1 ? xHi : (xs[i] + xs[i + 1]) / 2);
                frame.g.setColor(colourOf((z[j][i] - zr[0]) / (zr[1] - zr[0])));
                frame.g.fillRect(left, top, right - left + 1, bottom - top + 1);
            }
        }
        drawIsoLines(frame, zr[0], zr[1]);
        frame.unclip();
        frame.drawAxes(false);
        drawScale(frame, zr[0], zr[1]);
        return frame.finish();
    }

    /**
     * Marching squares: each grid cell's four corners are classified above/below the level; the
     * level crosses the edges whose corners differ, at the linearly interpolated point. Saddle
     * cells (opposite corners alike) are split using the cell's mean, the usual disambiguation.
     */
    private void drawIsoLines(PlotFrame frame, double zLo, double zHi) {
        frame.g.setColor(new Color(255, 255, 255, 150));
        frame.g.setStroke(new BasicStroke(1f));
        double[] ex = new double[4];
        double[] ey = new double[4];
        for (int level = 1; level <= isoLevels; level++) {
            double c = zLo + (zHi - zLo) * level / (isoLevels + 1);
            for (int j = 0; j + 1 < ys.length; j++) {
                for (int i = 0; i + 1 < xs.length; i++) {
                    // corners counter-clockwise from bottom-left: (i,j) (i+1,j) (i+1,j+1) (i,j+1)
                    double v0 = z[j][i], v1 = z[j][i + 1], v2 = z[j + 1][i + 1], v3 = z[j + 1][i];
                    int n = 0;
                    n = crossing(v0, v1, c, xs[i], ys[j], xs[i + 1], ys[j], ex, ey, n);
                    n = crossing(v1, v2, c, xs[i + 1], ys[j], xs[i + 1], ys[j + 1], ex, ey, n);
                    n = crossing(v2, v3, c, xs[i + 1], ys[j + 1], xs[i], ys[j + 1], ex, ey, n);
                    n = crossing(v3, v0, c, xs[i], ys[j + 1], xs[i], ys[j], ex, ey, n);
                    if (n == 2) {
                        segment(frame, ex[0], ey[0], ex[1], ey[1]);
                    } else if (n == 4) {
                        boolean centreAbove = (v0 + v1 + v2 + v3) / 4 >= c;
                        boolean firstAbove = v0 >= c;
                        // crossings lie on edges 0-1, 1-2, 2-3, 3-0 in that order
                        if (centreAbove == firstAbove) {
                            segment(frame, ex[0], ey[0], ex[1], ey[1]);
                            segment(frame, ex[2], ey[2], ex[3], ey[3]);
                        } else {
                            segment(frame, ex[0], ey[0], ex[3], ey[3]);
                            segment(frame, ex[1], ey[1], ex[2], ey[2]);
                        }
                    }
                }
            }
        }
    }

    private static int crossing(double va, double vb, double c, double xa, double ya, double xb, double yb, double[] ex,
            double[] ey, int n) {
        if ((va >= c) == (vb >= c)) {
            return n;
        }
        double t = (c - va) / (vb - va);
        ex[n] = xa + t * (xb - xa);
        ey[n] = ya + t * (yb - ya);
        return n + 1;
    }

    private static void segment(PlotFrame frame, double x0, double y0, double x1, double y1) {
        frame.g.draw(new Line2D.Double(frame.px(x0), frame.py(y0), frame.px(x1), frame.py(y1)));
    }

    private static void drawScale(PlotFrame frame, double zLo, double zHi) {
        int left = frame.plotRight + 16;
        int barWidth = 16;
        int top = frame.plotTop;
        int bottom = frame.plotBottom;
        for (int y = top; y <= bottom; y++) {
            frame.g.setColor(colourOf((double) (bottom - y) / (bottom - top)));
            frame.g.drawLine(left, y, left + barWidth, y);
        }
        frame.g.setColor(PlotFrame.AXIS);
        frame.g.drawRect(left, top, barWidth, bottom - top);
        Ticks ticks = Ticks.covering(zLo, zHi, 6);
        FontMetrics fm = frame.g.getFontMetrics();
        for (int i = 0; i < ticks.count; i++) {
            int y = (int) Math.round(bottom - (ticks.value(i) - zLo) / (zHi - zLo) * (bottom - top));
            frame.g.drawLine(left + barWidth, y, left + barWidth + 4, y);
            frame.g.drawString(ticks.label(i), left + barWidth + 6, y + fm.getAscent() / 2 - 1);
        }
    }

    /** @return the chart encoded as PNG */
    public byte[] toPng(int width, int height) {
        return PngFiles.encode(render(width, height));
    }

    /** Writes the chart as PNG atomically (a temporary file beside {@code file}, then a move). */
    public void writePng(Path file, int width, int height) throws IOException {
        AtomicFiles.write(file, toPng(width, height));
    }
}
