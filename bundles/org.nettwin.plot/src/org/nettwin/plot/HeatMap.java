package org.nettwin.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYZDataset;
import org.nettwin.api.io.AtomicFiles;
import org.nettwin.plot.internal.CellRenderer;
import org.nettwin.plot.internal.ChartStyle;
import org.nettwin.plot.internal.ColourScale;
import org.nettwin.plot.internal.IsoLines;
import org.nettwin.plot.internal.Values;

/**
 * A heat map of values on a rectangular grid with a colour bar, rendered headless to PNG through
 * JFreeChart. Two forms:
 * <ul>
 * <li>a <b>continuous</b> surface ({@link #HeatMap(String, String, String, double[], double[], double[][])}):
 * {@code z[j][i]} is the value at {@code (xs[i], ys[j])}, one row per y value, y increasing
 * upwards; each grid point is painted as the cell reaching half-way to its neighbours; iso-lines
 * at {@link #ISO_LEVELS} evenly spaced levels between the minimum and the maximum are traced by
 * marching squares with linear interpolation (saddles split by the cell mean);</li>
 * <li>a <b>matrix</b> of named cells ({@link #matrix}): {@code z[r][c]} is row {@code r},
 * column {@code c}, row 0 at the top as a table is printed; the axes show the names.</li>
 * </ul>
 * Colours run from dark purple (the scale's lower end) through teal to yellow (upper end), a
 * viridis-like perceptually ordered scale ({@link #colourOf(double)}); the scale spans the data
 * unless {@link #scale(double, double)} fixes it. {@link #cellValues(String)} prints each cell's
 * value in it. Not thread-safe.
 *
 * @since 0.1
 */
public final class HeatMap {

    /** Number of iso-lines a continuous heat map draws unless told otherwise (interior levels). */
    public static final int ISO_LEVELS = 8;

    private static final Color ISO_LINE = new Color(255, 255, 255, 150);
    private static final Color DARK_TEXT = new Color(20, 20, 20);
    private static final Color LIGHT_TEXT = Color.WHITE;

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final double[] xs;
    private final double[] ys;
    private final double[][] z;
    /** Names of columns and rows for a matrix, null for a continuous surface. */
    private final String[] columns;
    private final String[] rows;
    private int isoLevels;
    private String cellFormat;
    private double[] fixedScale;

    /**
     * A continuous surface.
     *
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
        this.title = title == null ? "" : title;
        this.xLabel = xLabel == null ? "" : xLabel;
        this.yLabel = yLabel == null ? "" : yLabel;
        this.xs = xs.clone();
        this.ys = ys.clone();
        this.z = copyGrid(z, ys.length, xs.length);
        this.columns = null;
        this.rows = null;
        this.isoLevels = ISO_LEVELS;
    }

    private HeatMap(String title, String xLabel, String yLabel, String[] columns, String[] rows, double[][] z) {
        this.title = title == null ? "" : title;
        this.xLabel = xLabel == null ? "" : xLabel;
        this.yLabel = yLabel == null ? "" : yLabel;
        this.columns = columns;
        this.rows = rows;
        this.xs = indices(columns.length);
        this.ys = indices(rows.length);
        this.z = copyGrid(z, rows.length, columns.length);
        this.isoLevels = 0;
    }

    /**
     * A matrix of named cells (a similarity matrix, a confusion matrix): {@code z[r][c]} is the
     * value of row {@code rows.get(r)} and column {@code columns.get(c)}; row 0 is drawn at the top.
     * No iso-lines.
     *
     * @throws IllegalArgumentException if there is no row or column, a name is null, or {@code z} is
     *         not {@code rows.size()} rows of {@code columns.size()} finite values
     */
    public static HeatMap matrix(String title, String xLabel, String yLabel, List<String> columns, List<String> rows,
            double[][] z) {
        return new HeatMap(title, xLabel, yLabel, names("columns", columns), names("rows", rows), z);
    }

    private static String[] names(String what, List<String> names) {
        if (names == null || names.isEmpty()) {
            throw new IllegalArgumentException(what + " must hold at least one name");
        }
        String[] array = names.toArray(new String[0]);
        for (int i = 0; i < array.length; i++) {
            if (array[i] == null) {
                throw new IllegalArgumentException(what + "[" + i + "] is null");
            }
        }
        return array;
    }

    private static double[] indices(int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = i;
        }
        return v;
    }

    private static double[][] copyGrid(double[][] z, int rows, int columns) {
        if (z == null || z.length != rows) {
            throw new IllegalArgumentException("z must have one row per y value (" + rows + "), got "
                    + (z == null ? "null" : z.length + " rows"));
        }
        double[][] copy = new double[rows][];
        for (int j = 0; j < rows; j++) {
            if (z[j] == null || z[j].length != columns) {
                throw new IllegalArgumentException("z[" + j + "] must have one value per x value (" + columns + "), got "
                        + (z[j] == null ? "null" : z[j].length));
            }
            Values.requireFinite("z[" + j + "]", z[j]);
            copy[j] = z[j].clone();
        }
        return copy;
    }

    /**
     * Sets the number of iso-lines (0 for none).
     *
     * @throws IllegalArgumentException if {@code levels} is outside [0, 50], or above 0 for a matrix
     *         (named cells have no surface between them)
     */
    public HeatMap isoLines(int levels) {
        if (levels < 0 || levels > 50) {
            throw new IllegalArgumentException("isoLines must be in [0, 50], got " + levels);
        }
        if (levels > 0 && columns != null) {
            throw new IllegalArgumentException("isoLines need a continuous surface; a matrix of named cells has none");
        }
        this.isoLevels = levels;
        return this;
    }

    /**
     * Prints each cell's value in it, formatted by {@code format} ({@link String#format} in the root
     * locale, e.g. {@code "%.2f"}), dark on bright cells and white on dark ones; null for none.
     *
     * @throws IllegalArgumentException if {@code format} does not format one double
     */
    public HeatMap cellValues(String format) {
        if (format != null) {
            try {
                String.format(Locale.ROOT, format, 0.0);
            } catch (java.util.IllegalFormatException e) {
                throw new IllegalArgumentException("cellValues format '" + format + "' does not format a double: " + e.getMessage(), e);
            }
        }
        this.cellFormat = format;
        return this;
    }

    /**
     * Fixes the colour scale to [{@code lo}, {@code hi}] (e.g. [0, 1] for similarities) instead of
     * the data's range; values outside get the end colours.
     *
     * @throws IllegalArgumentException unless {@code lo < hi}, both finite
     */
    public HeatMap scale(double lo, double hi) {
        if (!(Double.isFinite(lo) && Double.isFinite(hi) && lo < hi)) {
            throw new IllegalArgumentException("scale needs finite lo < hi, got [" + lo + ", " + hi + "]");
        }
        this.fixedScale = new double[] {lo, hi};
        return this;
    }

    /** @return the scale's colour for {@code t} in [0, 1] (clamped): 0 the minimum, 1 the maximum */
    public static Color colourOf(double t) {
        return ColourScale.at(t);
    }

    /** @return the chart as an image of {@code width} × {@code height} pixels */
    public BufferedImage render(int width, int height) {
        return ChartStyle.render(build(width), width, height, null);
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
        return ChartStyle.pixelOf(build(width), x, y, width, height);
    }

    /** The rectangle the data is drawn in, in the image of that size. For tests. */
    Rectangle2D dataArea(int width, int height) {
        return ChartStyle.dataArea(build(width), width, height);
    }

    private JFreeChart build(int width) {
        double zLo = Double.POSITIVE_INFINITY;
        double zHi = Double.NEGATIVE_INFINITY;
        for (double[] row : z) {
            zLo = Math.min(zLo, Values.min(row));
            zHi = Math.max(zHi, Values.max(row));
        }
        double[] zr = fixedScale != null ? fixedScale : Values.padded(zLo, zHi);
        ColourScale scale = new ColourScale(zr[0], zr[1]);
        double[] xEdges = edges(xs);
        double[] yEdges = edges(ys);

        XYPlot plot = ChartStyle.plot();
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setDomainAxis(columns == null ? ChartStyle.linearAxis(xLabel) : namedAxis(xLabel, columns, width, true));
        plot.setRangeAxis(rows == null ? ChartStyle.linearAxis(yLabel) : namedAxis(yLabel, rows, width, false));
        plot.getDomainAxis().setRange(xEdges[0], xEdges[xEdges.length - 1]);
        plot.getRangeAxis().setRange(yEdges[0], yEdges[yEdges.length - 1]);
        plot.getRangeAxis().setInverted(rows != null);
        DefaultXYZDataset data = new DefaultXYZDataset();
        double[][] cells = new double[3][xs.length * ys.length];
        for (int j = 0; j < ys.length; j++) {
            for (int i = 0; i < xs.length; i++) {
                cells[0][j * xs.length + i] = xs[i];
                cells[1][j * xs.length + i] = ys[j];
                cells[2][j * xs.length + i] = z[j][i];
            }
        }
        data.addSeries("z", cells);
        plot.setDataset(data);
        plot.setRenderer(new CellRenderer(xEdges, yEdges, scale));
        if (isoLevels > 0) {
            plot.addAnnotation(new XYShapeAnnotation(IsoLines.trace(xs, ys, z, isoLevels, zr[0], zr[1]), new BasicStroke(1f),
                    ISO_LINE));
        }
        if (cellFormat != null) {
            addCellValues(plot, scale);
        }
        JFreeChart chart = ChartStyle.chart(title, plot, false);
        chart.addSubtitle(colourBar(scale));
        return chart;
    }

    /** Cell edges: half-way between neighbouring grid points, the outer cells as wide as their inner neighbours' half-gaps. */
    private static double[] edges(double[] v) {
        int n = v.length;
        double[] e = new double[n + 1];
        if (n == 1) {
            e[0] = v[0] - 0.5;
            e[1] = v[0] + 0.5;
            return e;
        }
        e[0] = v[0] - (v[1] - v[0]) / 2;
        for (int i = 1; i < n; i++) {
            e[i] = (v[i - 1] + v[i]) / 2;
        }
        e[n] = v[n - 1] + (v[n - 1] - v[n - 2]) / 2;
        return e;
    }

    /** An axis that names the cells; column names turn vertical when they would not fit side by side. */
    private static ValueAxis namedAxis(String label, String[] names, int chartWidth, boolean horizontal) {
        SymbolAxis axis = new SymbolAxis(label, names);
        ChartStyle.style(axis);
        axis.setGridBandsVisible(false);
        axis.setAutoRange(false);
        if (horizontal) {
            FontRenderContext frc = new FontRenderContext(null, true, true);
            double widest = 0;
            for (String n : names) {
                widest = Math.max(widest, ChartStyle.TICK_FONT.getStringBounds(n, frc).getWidth());
            }
            // the plot gets roughly the chart's width less the y axis' names and the colour bar
            axis.setVerticalTickLabels(widest + 6 > (chartWidth - 260.0) / names.length);
        }
        return axis;
    }

    private void addCellValues(XYPlot plot, ColourScale scale) {
        int cells = Math.max(xs.length, ys.length);
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, cells > 16 ? 9 : cells > 8 ? 11 : 12);
        for (int j = 0; j < ys.length; j++) {
            for (int i = 0; i < xs.length; i++) {
                XYTextAnnotation text = new XYTextAnnotation(String.format(Locale.ROOT, cellFormat, z[j][i]), xs[i], ys[j]);
                text.setFont(font);
                text.setTextAnchor(TextAnchor.CENTER);
                Color c = (Color) scale.getPaint(z[j][i]);
                double luminance = 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
                text.setPaint(luminance > 140 ? DARK_TEXT : LIGHT_TEXT);
                plot.addAnnotation(text, false);
            }
        }
    }

    private static PaintScaleLegend colourBar(ColourScale scale) {
        NumberAxis axis = ChartStyle.linearAxis(null);
        axis.setRange(scale.getLowerBound(), scale.getUpperBound());
        PaintScaleLegend bar = new PaintScaleLegend(scale, axis);
        bar.setPosition(RectangleEdge.RIGHT);
        bar.setAxisLocation(AxisLocation.TOP_OR_RIGHT);
        bar.setStripWidth(16);
        bar.setStripOutlineVisible(true);
        bar.setStripOutlinePaint(ChartStyle.TEXT);
        bar.setSubdivisionCount(256);
        bar.setMargin(new RectangleInsets(6, 10, 6, 4));
        bar.setBackgroundPaint(Color.WHITE);
        return bar;
    }
}
