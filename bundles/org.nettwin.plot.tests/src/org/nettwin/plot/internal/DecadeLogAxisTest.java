package org.nettwin.plot.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.AttributedCharacterIterator;
import java.text.AttributedString;
import java.awt.font.TextAttribute;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.axis.LogTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.TextAnchor;
import org.junit.jupiter.api.Test;

class DecadeLogAxisTest {

    /** The label's text, with superscript characters written as ^(...). */
    private static String text(ValueTick tick) {
        AttributedString label = ((LogTick) tick).getAttributedLabel();
        if (label == null) {
            return null;
        }
        StringBuilder s = new StringBuilder();
        AttributedCharacterIterator it = label.getIterator();
        boolean sup = false;
        for (char c = it.first(); c != AttributedCharacterIterator.DONE; c = it.next()) {
            boolean now = TextAttribute.SUPERSCRIPT_SUPER.equals(it.getAttribute(TextAttribute.SUPERSCRIPT));
            if (now && !sup) {
                s.append("^(");
            } else if (!now && sup) {
                s.append(')');
            }
            sup = now;
            s.append(c);
        }
        return s.append(sup ? ")" : "").toString();
    }

    private static List<String> labels(double lo, double hi) {
        List<String> out = new ArrayList<>();
        for (ValueTick t : new DecadeLogAxis("x").ticks(lo, hi, TextAnchor.TOP_CENTER)) {
            if (t.getTickType() == TickType.MAJOR) {
                out.add(t.getValue() + "=" + text(t));
            }
        }
        return out;
    }

    @Test
    void decadesAreLabelledAsPowersOfTen() {
        assertEquals(List.of("0.01=10^(\u22122)", "0.1=10^(\u22121)", "1.0=10^(0)", "10.0=10^(1)", "100.0=10^(2)"), labels(0.005, 300));
    }

    @Test
    void minorTicksAtTwoToNineTimesEachDecadeCarryNoLabel() {
        List<ValueTick> ticks = new DecadeLogAxis("x").ticks(1, 100, TextAnchor.TOP_CENTER);
        List<Double> minors = new ArrayList<>();
        for (ValueTick t : ticks) {
            if (t.getTickType() == TickType.MINOR) {
                assertEquals(null, text(t));
                minors.add(t.getValue());
            }
        }
        assertEquals(List.of(2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 90.0), minors);
    }

    @Test
    void rangesUnderTwoDecadesGetOneTwoFiveInPlainNumbers() {
        assertEquals(List.of("20.0=20", "50.0=50", "100.0=100", "200.0=200"), labels(15, 300));
        assertEquals(List.of("3.0=3", "4.0=4", "5.0=5", "6.0=6", "7.0=7"), labels(2.5, 7.5));
    }

    @Test
    void manyDecadesAreThinnedToAtMostEightLabels() {
        List<String> labelled = new ArrayList<>();
        long decades = 0;
        for (ValueTick t : new DecadeLogAxis("x").ticks(1e-8, 1e8, TextAnchor.TOP_CENTER)) {
            decades += t.getTickType() == TickType.MAJOR ? 1 : 0;
            if (text(t) != null) {
                labelled.add(text(t));
            }
        }
        // 17 decades inside: every third (ceil(17 / 8)) is labelled, those with exponents divisible by 3
        assertEquals(17, decades);
        assertEquals(List.of("10^(\u22126)", "10^(\u22123)", "10^(0)", "10^(3)", "10^(6)"), labelled);
    }
}
