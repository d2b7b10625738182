package org.nettwin.plot.internal;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.Locale;

import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnit;
import org.jfree.chart.ui.RectangleEdge;

/**
 * A linear axis with "nice" tick steps (1, 2, 2.5, 5 × 10<sup>k</sup>, JFreeChart's standard units,
 * labels in the root locale) and at most {@link #MOST_TICKS} of them: JFreeChart alone picks the
 * smallest step whose labels do not overlap, which on a tall axis means twenty-odd ticks; this axis
 * takes the larger of that step and the smallest standard step leaving at most {@link #MOST_TICKS}.
 */
public final class SparseTickAxis extends NumberAxis {

    private static final long serialVersionUID = 1L;
    public static final int MOST_TICKS = 10;

    public SparseTickAxis(String label) {
        super(label);
        setStandardTickUnits(NumberAxis.createStandardTickUnits(Locale.ROOT));
        setAutoRangeIncludesZero(false);
    }

    @Override
    protected void selectAutoTickUnit(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        super.selectAutoTickUnit(g2, dataArea, edge);
        TickUnit sparse = getStandardTickUnits().getCeilingTickUnit(getRange().getLength() / MOST_TICKS);
        if (sparse.getSize() > getTickUnit().getSize()) {
            setTickUnit((NumberTickUnit) sparse, false, false);
        }
    }
}
