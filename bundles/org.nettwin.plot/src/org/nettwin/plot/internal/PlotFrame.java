package org.nettwin.plot.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/**
 * The part every chart shares: a white image, a title, axis labels, a plot rectangle with ticked
 * axes, and the mapping from data coordinates to pixels. Charts draw their content inside
 * {@link #plotLeft}..{@link #plotRight} × {@link #plotTop}..{@link #plotBottom}.
 */
public final class PlotFrame {

    public static final Color AXIS = new Color(40, 40, 40);
    public static final Color GRID = new Color(225, 225, 225);

    public final BufferedImage image;
    public final Graphics2D g;
    public final int plotLeft;
    public final int plotRight;
    public final int plotTop;
    public final int plotBottom;
    private final double xLo;
    private final double xHi;
    private final double yLo;
    private final double yHi;

    /**
     * @param rightMargin room right of the plot (for a legend or colour scale)
     */
    public PlotFrame(int width, int height, String title, String xLabel, String yLabel, double xLo, double xHi, double yLo,
            double yHi, int rightMargin) {
        if (width < 120 || height < 100) {
            throw new IllegalArgumentException("chart size must be at least 120 x 100 pixels, got " + width + " x " + height);
        }
        this.image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        this.g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        this.xLo = xLo;
        this.xHi = xHi;
        this.yLo = yLo;
        this.yHi = yHi;
        this.plotLeft = 70;
        this.plotTop = 36;
        this.plotRight = Math.max(plotLeft + 20, width - 20 - rightMargin);
        this.plotBottom = Math.max(plotTop + 20, height - 50);
        drawTitles(title, xLabel, yLabel);
    }

    public int px(double x) {
        return (int) Math.round(plotLeft + (x - xLo) / (xHi - xLo) * (plotRight - plotLeft));
    }

    public int py(double y) {
        return (int) Math.round(plotBottom - (y - yLo) / (yHi - yLo) * (plotBottom - plotTop));
    }

    private void drawTitles(String title, String xLabel, String yLabel) {
        g.setColor(AXIS);
        Font base = g.getFont();
        g.setFont(base.deriveFont(Font.BOLD, 14f));
        centred(title, (plotLeft + plotRight) / 2, 22);
        g.setFont(base);
        centred(xLabel, (plotLeft + plotRight) / 2, image.getHeight() - 10);
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2);
        // rotated: x is minus the screen y, y is the screen x
        centred(yLabel, -(plotTop + plotBottom) / 2, 16);
        g.setTransform(saved);
    }

    /** Draws grid lines and ticked axes; call after the content so the axes stay on top. */
    public void drawAxes(boolean grid) {
        Ticks xt = Ticks.covering(xLo, xHi, 6);
        Ticks yt = Ticks.covering(yLo, yHi, 6);
        FontMetrics fm = g.getFontMetrics();
        for (int i = 0; i < xt.count; i++) {
            int x = px(xt.value(i));
            if (grid) {
                g.setColor(GRID);
                g.drawLine(x, plotTop, x, plotBottom);
            }
            g.setColor(AXIS);
            g.drawLine(x, plotBottom, x, plotBottom + 5);
            centred(xt.label(i), x, plotBottom + 6 + fm.getAscent());
        }
        for (int i = 0; i < yt.count; i++) {
            int y = py(yt.value(i));
            if (grid) {
                g.setColor(GRID);
                g.drawLine(plotLeft, y, plotRight, y);
            }
            g.setColor(AXIS);
            g.drawLine(plotLeft - 5, y, plotLeft, y);
            String label = yt.label(i);
            g.drawString(label, plotLeft - 8 - fm.stringWidth(label), y + fm.getAscent() / 2 - 1);
        }
        g.setColor(AXIS);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(plotLeft, plotTop, plotRight - plotLeft, plotBottom - plotTop);
    }

    public void centred(String text, int x, int baseline) {
        if (text == null || text.isEmpty()) {
            return;
        }
        g.drawString(text, x - g.getFontMetrics().stringWidth(text) / 2, baseline);
    }

    /** Clips drawing to the plot rectangle (content must not spill onto the axes' labels). */
    public void clipToPlot() {
        g.setClip(plotLeft, plotTop, plotRight - plotLeft + 1, plotBottom - plotTop + 1);
    }

    public void unclip() {
        g.setClip(null);
    }

    public BufferedImage finish() {
        g.dispose();
        return image;
    }
}
