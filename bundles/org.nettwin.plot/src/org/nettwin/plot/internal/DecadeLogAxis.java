package org.nettwin.plot.internal;

import java.awt.Graphics2D;
import java.awt.font.TextAttribute;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.text.AttributedString;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.LogTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A base-10 logarithmic axis whose ticks sit where readers expect them. JFreeChart's {@link LogAxis}
 * picks a tick step in the exponent, which for ranges under two decades gives labels such as
 * 10<sup>0.25</sup>; this axis instead labels
 * <ul>
 * <li>every decade 10<sup>k</sup> inside the range (every second, third, ... decade when more than
 * eight are inside), with unlabelled grid lines at 2..9 × 10<sup>k</sup>, when at least two decades
 * are inside;</li>
 * <li>otherwise 1, 2 and 5 × 10<sup>k</sup> as plain numbers (1..9 × 10<sup>k</sup> when fewer than
 * two of those are inside).</li>
 * </ul>
 */
public final class DecadeLogAxis extends LogAxis {

    private static final long serialVersionUID = 1L;
    private static final int MOST_LABELLED_DECADES = 8;

    public DecadeLogAxis(String label) {
        super(label);
        setBase(10);
        setSmallestValue(Double.MIN_NORMAL);
        setMinorTickMarksVisible(false);
        ChartStyle.style(this);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        TextAnchor anchor = RectangleEdge.isTopOrBottom(edge) ? TextAnchor.TOP_CENTER
                : edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT;
        return ticks(getLowerBound(), getUpperBound(), anchor);
    }

    /** @return the ticks of the range [{@code lo}, {@code hi}] by the rules of the class comment */
    List<ValueTick> ticks(double lo, double hi, TextAnchor anchor) {
        int k0 = (int) Math.floor(Math.log10(lo)) - 1;
        int k1 = (int) Math.ceil(Math.log10(hi)) + 1;
        int decadesInside = 0;
        for (int k = k0; k <= k1; k++) {
            decadesInside += inside(decade(k), lo, hi) ? 1 : 0;
        }
        List<ValueTick> ticks = new ArrayList<>();
        if (decadesInside >= 2) {
            int every = (decadesInside + MOST_LABELLED_DECADES - 1) / MOST_LABELLED_DECADES;
            for (int k = k0; k <= k1; k++) {
                if (inside(decade(k), lo, hi)) {
                    AttributedString label = Math.floorMod(k, every) == 0 ? label(1, k, true) : null;
                    ticks.add(new LogTick(TickType.MAJOR, decade(k), label, anchor));
                }
                for (int m = 2; m <= 9; m++) {
                    if (inside(m * decade(k), lo, hi)) {
                        ticks.add(new LogTick(TickType.MINOR, m * decade(k), null, anchor));
                    }
                }
            }
            return ticks;
        }
        for (int[] multipliers : new int[][] {{1, 2, 5}, {1, 2, 3, 4, 5, 6, 7, 8, 9}}) {
            ticks.clear();
            for (int k = k0; k <= k1; k++) {
                for (int m : multipliers) {
                    if (inside(m * decade(k), lo, hi)) {
                        ticks.add(new LogTick(TickType.MAJOR, m * decade(k), label(m, k, false), anchor));
                    }
                }
            }
            if (ticks.size() >= 2) {
                break;
            }
        }
        return ticks;
    }

    private static double decade(int k) {
        return Math.pow(10, k);
    }

    private static boolean inside(double v, double lo, double hi) {
        return v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9);
    }

    /**
     * "m × 10^k": in power form ({@code power}, or an exponent outside -4..5) 10 with a superscript
     * exponent, otherwise a plain number ("0.002", "5000").
     */
    private AttributedString label(int m, int k, boolean power) {
        String text;
        int superscriptFrom = -1;
        if (power || k < -4 || k > 5) {
            String base = m == 1 ? "10" : m + "\u00d710";
            text = base + Integer.toString(k).replace('-', '\u2212');
            superscriptFrom = base.length();
        } else {
            text = BigDecimal.valueOf(m).scaleByPowerOfTen(k).stripTrailingZeros().toPlainString();
        }
        AttributedString s = new AttributedString(text);
        s.addAttributes(getTickLabelFont().getAttributes(), 0, text.length());
        if (superscriptFrom >= 0) {
            s.addAttribute(TextAttribute.SUPERSCRIPT, TextAttribute.SUPERSCRIPT_SUPER, superscriptFrom, text.length());
        }
        return s;
    }
}
