package org.nettwin.plot.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The look every NetTwin chart shares, on top of JFreeChart: white background, dark text in the
 * logical sans-serif font (DejaVu Sans on Debian), light solid grid lines, the legend below the plot
 * (never over the data), tick labels formatted in the root locale so that a chart renders the
 * same whatever the JVM's locale; and rendering to an RGB image and PNG bytes.
 */
public final class ChartStyle {

    public static final Color TEXT = new Color(40, 40, 40);
    public static final Color GRID = new Color(222, 222, 222);
    public static final Color MINOR_GRID = new Color(240, 240, 240);
    public static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    public static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    public static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    public static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    /** Smallest chart drawn: below it axes and labels leave no room for data. */
    public static final int MIN_WIDTH = 120;
    public static final int MIN_HEIGHT = 100;

    private ChartStyle() {
    }

    /** A plot with the shared look: white, framed, solid light grid lines, axes flush with the data area. */
    public static XYPlot plot() {
        XYPlot plot = new XYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(TEXT);
        plot.setOutlineStroke(new BasicStroke(1f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        BasicStroke grid = new BasicStroke(1f);
        plot.setDomainGridlinePaint(GRID);
        plot.setDomainGridlineStroke(grid);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(grid);
        plot.setDomainMinorGridlinePaint(MINOR_GRID);
        plot.setDomainMinorGridlineStroke(grid);
        plot.setRangeMinorGridlinePaint(MINOR_GRID);
        plot.setRangeMinorGridlineStroke(grid);
        plot.setInsets(new RectangleInsets(6, 4, 4, 12));
        return plot;
    }

    /** A linear axis: "nice" tick steps, labels that do not overlap, at most ten ticks ({@link SparseTickAxis}). */
    public static NumberAxis linearAxis(String label) {
        NumberAxis axis = new SparseTickAxis(label);
        style(axis);
        return axis;
    }

    public static void style(Axis axis) {
        axis.setLabelFont(LABEL_FONT);
        axis.setLabelPaint(TEXT);
        axis.setTickLabelFont(TICK_FONT);
        axis.setTickLabelPaint(TEXT);
        axis.setAxisLinePaint(TEXT);
        axis.setTickMarkPaint(TEXT);
        axis.setTickMarkOutsideLength(4f);
        axis.setTickMarkInsideLength(0f);
    }

    /** The chart around {@code plot}: title on top (wrapped when long), legend below when asked for. */
    public static JFreeChart chart(String title, XYPlot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(null, TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        // snap lines to the pixel grid: one-pixel grid lines and frames stay crisp instead of
        // smearing over two pixel columns
        chart.getRenderingHints().put(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_NORMALIZE);
        chart.setPadding(new RectangleInsets(8, 8, 8, 8));
        if (!title.isEmpty()) {
            TextTitle t = new TextTitle(title, TITLE_FONT);
            t.setPaint(TEXT);
            t.setPadding(new RectangleInsets(2, 4, 8, 4));
            chart.setTitle(t);
        }
        if (legend) {
            LegendTitle l = new LegendTitle(plot);
            l.setItemFont(LEGEND_FONT);
            l.setItemPaint(TEXT);
            l.setBackgroundPaint(Color.WHITE);
            l.setFrame(BlockBorder.NONE);
            l.setPosition(RectangleEdge.BOTTOM);
            l.setHorizontalAlignment(HorizontalAlignment.CENTER);
            l.setItemLabelPadding(new RectangleInsets(2, 4, 2, 14));
            l.setMargin(new RectangleInsets(6, 0, 0, 0));
            chart.addLegend(l);
        }
        return chart;
    }

    /**
     * Draws {@code chart} on a white RGB image.
     *
     * @param info receives the plot's data area (may be null)
     */
    public static BufferedImage render(JFreeChart chart, int width, int height, ChartRenderingInfo info) {
        if (width < MIN_WIDTH || height < MIN_HEIGHT) {
            throw new IllegalArgumentException("chart size must be at least " + MIN_WIDTH + " x " + MIN_HEIGHT + " pixels, got "
                    + width + " x " + height);
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_NORMALIZE);
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height), null, info);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** @return the rectangle {@code chart}'s data is drawn in, in an image of that size */
    public static Rectangle2D dataArea(JFreeChart chart, int width, int height) {
        ChartRenderingInfo info = new ChartRenderingInfo();
        render(chart, width, height, info);
        return info.getPlotInfo().getDataArea();
    }

    /** @return where the data point (x, y) of {@code chart} lands in an image of that size: {column, row} */
    public static double[] pixelOf(JFreeChart chart, double x, double y, int width, int height) {
        Rectangle2D area = dataArea(chart, width, height);
        XYPlot plot = chart.getXYPlot();
        return new double[] {plot.getDomainAxis().valueToJava2D(x, area, plot.getDomainAxisEdge()),
            plot.getRangeAxis().valueToJava2D(y, area, plot.getRangeAxisEdge())};
    }

    /** @return {@code image} encoded as PNG by the JRE's ImageIO writer (the same image gives the same bytes) */
    public static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer available in this JRE");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode PNG", e);
        }
        return out.toByteArray();
    }
}
