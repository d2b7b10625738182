package org.nettwin.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.AbstractXYItemRenderer;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalDataItem;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.nettwin.api.io.AtomicFiles;
import org.nettwin.plot.internal.ChartStyle;
import org.nettwin.plot.internal.DecadeLogAxis;
import org.nettwin.plot.internal.Values;

/**
 * A chart of named x-y series — lines, means over seeds with a band, scatter points, step lines,
 * CDFs and dashed reference lines — with a legend below the plot and ticked linear or logarithmic
 * axes, rendered headless to PNG through JFreeChart:
 * <pre>
 * new LineChart("return", "step", "mean return").seriesOverSeeds("dqn", x, returnsPerSeed)
 *         .horizontalLine("target", 180).writePng(dir.resolve("return.png"), 800, 500);
 * </pre>
 * Series {@code i} (counting every kind, in the order added) is drawn in {@link #colour(int)
 * colour(i)}, later series over earlier ones. The x axis spans the data exactly, the y axis with 5 %
 * head room above and below (on a log axis 5 % of the decades spanned). Not thread-safe.
 *
 * @since 0.1
 */
public final class LineChart {

    /** Distinct colours (the "tab10" qualitative palette), reused cyclically. */
    private static final Color[] PALETTE = {
        new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(214, 39, 40),
        new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194), new Color(127, 127, 127),
        new Color(188, 189, 34), new Color(23, 190, 207)};

    /** Opacity of the band around a mean over seeds. */
    static final float BAND_ALPHA = 0.22f;

    private static final Stroke LINE = new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    private static final Stroke DASHED = new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {7f, 5f}, 0f);

    private enum Kind { LINE, BAND, SCATTER, STEP, CDF, REFERENCE, LEVEL }

    /** One series; {@code lower}/{@code upper} only for bands; a LEVEL has one y and no x. */
    private record Series(String name, Kind kind, double[] x, double[] y, double[] lower, double[] upper) {
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private boolean logX;
    private boolean logY;

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
     * Adds a line through the points in the order given (the arrays are copied); a one-point series is a dot.
     *
     * @throws IllegalArgumentException if the arrays are empty, differ in length or hold NaN/infinity
     */
    public LineChart series(String name, double[] x, double[] y) {
        return add(name, Kind.LINE, x, y);
    }

    /** As {@link #seriesOverSeeds(String, double[], double[][], Band)} with a ± one standard deviation band. */
    public LineChart seriesOverSeeds(String name, double[] x, double[][] ySeeds) {
        return seriesOverSeeds(name, x, ySeeds, Band.STANDARD_DEVIATION);
    }

    /**
     * Adds the mean over seeds as a line with a translucent band in the same colour around it.
     * Curves sampled at different x go through {@link SeedCurves#bucketed} first.
     *
     * @param ySeeds {@code ySeeds[s][k]} is seed {@code s}'s value at {@code x[k]}
     * @throws IllegalArgumentException if there is no seed, a seed's curve is not as long as
     *         {@code x}, or a value is NaN/infinite
     */
    public LineChart seriesOverSeeds(String name, double[] x, double[][] ySeeds, Band band) {
        String label = label(name);
        String what = "series '" + label + "'";
        Values.requireFinite(what + " x", x);
        if (ySeeds == null || ySeeds.length == 0) {
            throw new IllegalArgumentException(what + ": ySeeds must hold at least one seed");
        }
        if (band == null) {
            throw new IllegalArgumentException(what + ": band must be given");
        }
        for (int s = 0; s < ySeeds.length; s++) {
            Values.requireFinite(what + " ySeeds[" + s + "]", ySeeds[s]);
            if (ySeeds[s].length != x.length) {
                throw new IllegalArgumentException(what + ": ySeeds[" + s + "] has " + ySeeds[s].length + " values, x has " + x.length);
            }
        }
        int n = x.length;
        double[] mean = new double[n];
        double[] lower = new double[n];
        double[] upper = new double[n];
        for (int k = 0; k < n; k++) {
            double sum = 0;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double[] seed : ySeeds) {
                sum += seed[k];
                lo = Math.min(lo, seed[k]);
                hi = Math.max(hi, seed[k]);
            }
            mean[k] = sum / ySeeds.length;
            if (band == Band.MIN_MAX) {
                lower[k] = lo;
                upper[k] = hi;
            } else {
                double squares = 0;
                for (double[] seed : ySeeds) {
                    squares += (seed[k] - mean[k]) * (seed[k] - mean[k]);
                }
                double sd = ySeeds.length < 2 ? 0 : Math.sqrt(squares / (ySeeds.length - 1));
                lower[k] = mean[k] - sd;
                upper[k] = mean[k] + sd;
            }
        }
        series.add(new Series(label, Kind.BAND, x.clone(), mean, lower, upper));
        return this;
    }

    /** Adds points without lines (filled circles). @throws IllegalArgumentException as {@link #series} */
    public LineChart scatter(String name, double[] x, double[] y) {
        return add(name, Kind.SCATTER, x, y);
    }

    /**
     * Adds a step line: {@code y[k]} holds from {@code x[k]} up to {@code x[k+1]}, where it jumps to
     * {@code y[k+1]}. @throws IllegalArgumentException as {@link #series}
     */
    public LineChart steps(String name, double[] x, double[] y) {
        return add(name, Kind.STEP, x, y);
    }

    /**
     * Adds the empirical CDF {@code P(X ≤ x)} of {@code sample} as a step line
     * ({@link EmpiricalCdf#cumulative()}): 0 from the left edge of the x axis up to the smallest
     * value (on a linear y axis; a log axis has no 0), 1 from the largest value to the right edge.
     *
     * @throws IllegalArgumentException if the sample is empty or holds NaN/infinity
     */
    public LineChart cdf(String name, double[] sample) {
        EmpiricalCdf cdf = EmpiricalCdf.of("series '" + label(name) + "' sample", sample);
        return add(name, Kind.CDF, cdf.values(), cdf.cumulative());
    }

    /**
     * Adds the empirical complementary CDF {@code P(X ≥ x)} of {@code sample} as a step line
     * ({@link EmpiricalCdf#complementary()}; never 0, so it suits a log y axis).
     *
     * @throws IllegalArgumentException if the sample is empty or holds NaN/infinity
     */
    public LineChart ccdf(String name, double[] sample) {
        EmpiricalCdf cdf = EmpiricalCdf.of("series '" + label(name) + "' sample", sample);
        return add(name, Kind.STEP, cdf.values(), cdf.complementary());
    }

    /** Adds a dashed line through the points (a bound y = f(x), a target). @throws IllegalArgumentException as {@link #series} */
    public LineChart referenceLine(String name, double[] x, double[] y) {
        return add(name, Kind.REFERENCE, x, y);
    }

    /** Adds a dashed horizontal line at {@code y} across the whole x axis. @throws IllegalArgumentException if y is not finite */
    public LineChart horizontalLine(String name, double y) {
        String label = label(name);
        Values.requireFinite("series '" + label + "' y", new double[] {y});
        series.add(new Series(label, Kind.LEVEL, null, new double[] {y}, null, null));
        return this;
    }

    /** Makes the x axis logarithmic (base 10); every x must then be positive. */
    public LineChart logX() {
        this.logX = true;
        return this;
    }

    /** Makes the y axis logarithmic (base 10); every y, and every band's lower edge, must then be positive. */
    public LineChart logY() {
        this.logY = true;
        return this;
    }

    private String label(String name) {
        return name == null ? "series " + series.size() : name;
    }

    private LineChart add(String name, Kind kind, double[] x, double[] y) {
        String label = label(name);
        Values.requirePairs("series '" + label + "'", x, y);
        series.add(new Series(label, kind, x.clone(), y.clone(), null, null));
        return this;
    }

    /**
     * @return the chart as an image of {@code width} × {@code height} pixels
     * @throws IllegalStateException if no series was added
     * @throws IllegalArgumentException if the size is below 120 × 100, or a log axis meets a value ≤ 0
     */
    public BufferedImage render(int width, int height) {
        return ChartStyle.render(build(), width, height, null);
    }

    /** @return the chart encoded as PNG */
    public byte[] toPng(int width, int height) {
        return ChartStyle.png(render(width, height));
    }

    /** Writes the chart as PNG atomically (a temporary file beside {@code file}, then a move). */
    public void writePng(Path file, int width, int height) throws IOException {
        AtomicFiles.write(file, toPng(width, height));
    }

    /** Where the data point (x, y) lands in the image of that size: {pixel column, pixel row}. For tests. */
    double[] pixelOf(double x, double y, int width, int height) {
        return ChartStyle.pixelOf(build(), x, y, width, height);
    }

    /** The rectangle the data is drawn in, in the image of that size. For tests. */
    Rectangle2D dataArea(int width, int height) {
        return ChartStyle.dataArea(build(), width, height);
    }

    private JFreeChart build() {
        if (series.isEmpty()) {
            throw new IllegalStateException("line chart '" + title + "' has no series");
        }
        double[] xr = xRange();
        double[] yr = yRange();
        XYPlot plot = ChartStyle.plot();
        plot.setDomainAxis(axis(xLabel, logX, xr[0], xr[1]));
        plot.setRangeAxis(axis(yLabel, logY, yr[0], yr[1]));
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setDomainMinorGridlinesVisible(logX);
        plot.setRangeMinorGridlinesVisible(logY);
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            plot.setDataset(i, dataset(s, xr));
            AbstractXYItemRenderer r = renderer(s);
            r.setSeriesPaint(0, colour(i));
            r.setSeriesFillPaint(0, colour(i));
            r.setDefaultItemLabelsVisible(false);
            plot.setRenderer(i, r);
        }
        return ChartStyle.chart(title, plot, true);
    }

    private static ValueAxis axis(String label, boolean log, double lo, double hi) {
        ValueAxis axis = log ? new DecadeLogAxis(label) : ChartStyle.linearAxis(label);
        axis.setAutoRange(false);
        axis.setRange(lo, hi);
        return axis;
    }

    private double[] xRange() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            if (s.kind == Kind.LEVEL) {
                continue;
            }
            if (logX) {
                Values.requirePositive("series '" + s.name + "' x", s.x, "the x axis is logarithmic");
            }
            lo = Math.min(lo, Values.min(s.x));
            hi = Math.max(hi, Values.max(s.x));
        }
        if (lo > hi) { // only horizontal lines
            return logX ? new double[] {1, 10} : new double[] {0, 1};
        }
        return logX ? Values.paddedLog(lo, hi) : Values.padded(lo, hi);
    }

    private double[] yRange() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            double[] low = s.kind == Kind.BAND ? s.lower : s.y;
            double[] high = s.kind == Kind.BAND ? s.upper : s.y;
            if (logY) {
                String why = "the y axis is logarithmic";
                Values.requirePositive("series '" + s.name + "' y", s.y, why);
                if (s.kind == Kind.BAND) {
                    Values.requirePositive("series '" + s.name + "' band lower edge", s.lower,
                            why + " (Band.MIN_MAX keeps the band of positive seeds positive)");
                }
            }
            lo = Math.min(lo, s.kind == Kind.CDF && !logY ? 0 : Values.min(low));
            hi = Math.max(hi, Values.max(high));
        }
        if (logY) {
            double[] r = Values.paddedLog(lo, hi);
            double room = Math.pow(r[1] / r[0], 0.05);
            return new double[] {r[0] / room, r[1] * room};
        }
        double[] r = Values.padded(lo, hi);
        double room = (r[1] - r[0]) * 0.05;
        return new double[] {r[0] - room, r[1] + room};
    }

    private XYDataset dataset(Series s, double[] xRange) {
        if (s.kind == Kind.BAND) {
            YIntervalSeries band = new YIntervalSeries(s.name, false, true);
            for (int k = 0; k < s.x.length; k++) {
                band.add(new YIntervalDataItem(s.x[k], s.y[k], s.lower[k], s.upper[k]), false);
            }
            YIntervalSeriesCollection c = new YIntervalSeriesCollection();
            c.addSeries(band);
            return c;
        }
        XYSeries xy = new XYSeries(s.name, false, true);
        if (s.kind == Kind.LEVEL) {
            xy.add(xRange[0], s.y[0], false);
            xy.add(xRange[1], s.y[0], false);
            return new XYSeriesCollection(xy);
        }
        if (s.kind == Kind.CDF && !logY) {
            xy.add(xRange[0], 0, false); // P(X <= x) = 0 left of the sample (not on a log axis)
        }
        for (int k = 0; k < s.x.length; k++) {
            xy.add(s.x[k], s.y[k], false);
        }
        if (s.kind == Kind.CDF) {
            xy.add(xRange[1], 1, false); // and 1 right of it
        }
        return new XYSeriesCollection(xy);
    }

    private static AbstractXYItemRenderer renderer(Series s) {
        XYLineAndShapeRenderer r = switch (s.kind) {
            case BAND -> {
                DeviationRenderer d = new DeviationRenderer(true, s.x.length == 1);
                d.setAlpha(BAND_ALPHA);
                yield d;
            }
            case SCATTER -> new XYLineAndShapeRenderer(false, true);
            case STEP, CDF -> new XYStepRenderer();
            case REFERENCE, LEVEL -> new XYLineAndShapeRenderer(true, false);
            case LINE -> new XYLineAndShapeRenderer(true, s.x.length == 1);
        };
        r.setSeriesStroke(0, s.kind == Kind.REFERENCE || s.kind == Kind.LEVEL ? DASHED : LINE);
        r.setSeriesShape(0, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
        r.setDrawSeriesLineAsPath(true);
        return r;
    }
}
