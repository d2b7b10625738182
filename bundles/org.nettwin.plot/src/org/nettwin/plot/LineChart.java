package org.nettwin.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.nettwin.api.io.AtomicFiles;
import org.nettwin.plot.internal.PlotFrame;
import org.nettwin.plot.internal.PngFiles;
import org.nettwin.plot.internal.Ticks;
import org.nettwin.plot.internal.Values;

/**
 * A line chart of named series with a legend and ticked axes, rendered headless to PNG:
 * <pre>
 * new LineChart("return", "step", "mean return").series("dqn", x, y).series("random", x, y2)
 *         .writePng(dir.resolve("return.png"), 800, 500);
 * </pre>
 * Series {@code i} is drawn in {@link #colour(int) colour(i)}, two pixels wide, in the order
 * added. The axes span the data of all series. Not thread-safe.
 *
 * @since 0.1
 */
public final class LineChart {

    /** Distinct colours (the "tab10" qualitative palette), reused cyclically. */
    private static final Color[] PALETTE = {
        new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(214, 39, 40),
        new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194), new Color(127, 127, 127),
        new Color(188, 189, 34), new Color(23, 190, 207)};

    private record Series(String name, double[] x, double[] y) {
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();

    public LineChart(String title, String xLabel, String yLabel) {
        this.title = title == null ? "" : title;
        this.xLabel = xLabel == null ? "" : xLabel;
        this.yLabel = yLabel == null ? "" : yLabel;
    }

    /** @return the colour series number {@code index} (from 0) is drawn in */
    public static Color colour(int index) {
        return PALETTE[Math.floorMod(index, PALETTE.length)];
    }

    /**
     * Adds a series (the arrays are copied).
     *
     * @throws IllegalArgumentException if the arrays are empty, differ in length or hold NaN/infinity
     */
    public LineChart series(String name, double[] x, double[] y) {
        String label = name == null ? "series " + series.size() : name;
        Values.requireFinite("series '" + label + "' x", x);
        Values.requireFinite("series '" + label + "' y", y);
        if (x.length != y.length) {
            throw new IllegalArgumentException("series '" + label + "': x has " + x.length + " values, y has " + y.length);
        }
        series.add(new Series(label, x.clone(), y.clone()));
        return this;
    }

    /** @return the chart as an image of {@code width} × {@code height} pixels */
    public BufferedImage render(int width, int height) {
        if (series.isEmpty()) {
            throw new IllegalStateException("line chart '" + title + "' has no series");
        }
        double xLo = Double.POSITIVE_INFINITY, xHi = Double.NEGATIVE_INFINITY;
        double yLo = Double.POSITIVE_INFINITY, yHi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            xLo = Math.min(xLo, Values.min(s.x));
            xHi = Math.max(xHi, Values.max(s.x));
            yLo = Math.min(yLo, Values.min(s.y));
            yHi = Math.max(yHi, Values.max(s.y));
        }
        double[] xr = Ticks.padded(xLo, xHi);
        double[] yr = Ticks.padded(yLo, yHi);
        // 5 % head room above and below, so flat extremes do not sit on the frame
        double pad = (yr[1] - yr[0]) * 0.05;
        PlotFrame frame = new PlotFrame(width, height, title, xLabel, yLabel, xr[0], xr[1], yr[0] - pad, yr[1] + pad,
                legendWidth(width));
        frame.drawAxes(true);
        frame.clipToPlot();
        frame.g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            frame.g.setColor(colour(i));
            if (s.x.length == 1) {
                frame.g.fillOval(frame.px(s.x[0]) - 3, frame.py(s.y[0]) - 3, 7, 7);
                continue;
            }
            Path2D.Double path = new Path2D.Double();
            path.moveTo(frame.px(s.x[0]), frame.py(s.y[0]));
            for (int k = 1; k < s.x.length; k++) {
                path.lineTo(frame.px(s.x[k]), frame.py(s.y[k]));
            }
            frame.g.draw(path);
        }
        frame.unclip();
        drawLegend(frame);
        return frame.finish();
    }

    private int legendWidth(int width) {
        int longest = 0;
        for (Series s : series) {
            longest = Math.max(longest, s.name.length());
        }
        // about 7 px per character at 12 pt, plus the colour swatch; at most a third of the chart
        return Math.min(width / 3, 40 + 7 * longest);
    }

    private void drawLegend(PlotFrame frame) {
        FontMetrics fm = frame.g.getFontMetrics();
        int x = frame.plotRight + 12;
        int y = frame.plotTop + 6;
        frame.g.setStroke(new BasicStroke(3f));
        for (int i = 0; i < series.size(); i++) {
            int row = y + i * (fm.getHeight() + 4);
            frame.g.setColor(colour(i));
            frame.g.drawLine(x, row + fm.getAscent() / 2, x + 18, row + fm.getAscent() / 2);
            frame.g.setColor(PlotFrame.AXIS);
            frame.g.drawString(series.get(i).name, x + 24, row + fm.getAscent());
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
