package org.nettwin.plot.internal;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;

import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYZDataset;

/**
 * Paints heat-map cells whose edges need not be evenly spaced: item {@code j * columns + i} of the
 * dataset fills [{@code xEdges[i]}, {@code xEdges[i+1]}] × [{@code yEdges[j]}, {@code yEdges[j+1]}]
 * in the paint scale's colour of its z value. {@link XYBlockRenderer} alone draws blocks of one
 * fixed size. Cells are filled without anti-aliasing so that no seams show between neighbours.
 */
public final class CellRenderer extends XYBlockRenderer {

    private static final long serialVersionUID = 1L;

    private final double[] xEdges;
    private final double[] yEdges;

    public CellRenderer(double[] xEdges, double[] yEdges, ColourScale scale) {
        this.xEdges = xEdges.clone();
        this.yEdges = yEdges.clone();
        setPaintScale(scale);
    }

    @Override
    public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info, XYPlot plot,
            ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series, int item, CrosshairState crosshairState,
            int pass) {
        int columns = xEdges.length - 1;
        int i = item % columns;
        int j = item / columns;
        RectangleEdge xEdge = plot.getDomainAxisEdge();
        RectangleEdge yEdge = plot.getRangeAxisEdge();
        double x0 = domainAxis.valueToJava2D(xEdges[i], dataArea, xEdge);
        double x1 = domainAxis.valueToJava2D(xEdges[i + 1], dataArea, xEdge);
        double y0 = rangeAxis.valueToJava2D(yEdges[j], dataArea, yEdge);
        double y1 = rangeAxis.valueToJava2D(yEdges[j + 1], dataArea, yEdge);
        long left = Math.round(Math.min(x0, x1));
        long right = Math.round(Math.max(x0, x1));
        long top = Math.round(Math.min(y0, y1));
        long bottom = Math.round(Math.max(y0, y1));
        Object antialiasing = g2.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
        g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        g2.setPaint(getPaintScale().getPaint(((XYZDataset) dataset).getZValue(series, item)));
        g2.fillRect((int) left, (int) top, (int) (right - left), (int) (bottom - top));
        g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, antialiasing);
    }
}
