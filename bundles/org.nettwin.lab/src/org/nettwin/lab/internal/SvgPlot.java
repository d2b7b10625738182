package org.nettwin.lab.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small, dependency-free line chart rendered as SVG (deterministic text, so the same data
 * gives the same file). Axes get "nice" ticks; each series gets its own colour and a legend.
 */
final class SvgPlot {

    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"};
    private static final int W = 800;
    private static final int H = 480;
    private static final int LEFT = 80;
    private static final int RIGHT = 20;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;

    private record Series(String name, double[] x, double[] y, boolean faint) {
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();

    SvgPlot(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /** Adds a line; {@code faint} draws it thin and translucent (raw data under a smoothed line). */
    SvgPlot line(String name, double[] x, double[] y, boolean faint) {
        series.add(new Series(name, x, y, faint));
        return this;
    }

    String render() {
        double x0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < s.x.length; i++) {
                x0 = Math.min(x0, s.x[i]);
                x1 = Math.max(x1, s.x[i]);
                y0 = Math.min(y0, s.y[i]);
                y1 = Math.max(y1, s.y[i]);
            }
        }
        if (!(x0 <= x1)) {
            x0 = 0;
            x1 = 1;
            y0 = 0;
            y1 = 1;
        }
        if (x0 == x1) {
            x1 = x0 + 1;
        }
        if (y0 == y1) {
            y0 -= 0.5;
            y1 += 0.5;
        }
        double[] xt = ticks(x0, x1);
        double[] yt = ticks(y0, y1);
        x0 = Math.min(x0, xt[0]);
        x1 = Math.max(x1, xt[xt.length - 1]);
        y0 = Math.min(y0, yt[0]);
        y1 = Math.max(y1, yt[yt.length - 1]);
        StringBuilder sb = new StringBuilder();
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(W).append("\" height=\"").append(H)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        sb.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        sb.append(text(W / 2.0, 24, escape(title), "middle", 16));
        int pw = W - LEFT - RIGHT;
        int ph = H - TOP - BOTTOM;
        for (double t : xt) {
            double px = LEFT + (t - x0) / (x1 - x0) * pw;
            sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>%n", px, TOP, px, TOP + ph));
            sb.append(text(px, TOP + ph + 18, label(t), "middle", 12));
        }
        for (double t : yt) {
            double py = TOP + ph - (t - y0) / (y1 - y0) * ph;
            sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n", LEFT, py, LEFT + pw, py));
            sb.append(text(LEFT - 6, py + 4, label(t), "end", 12));
        }
        sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#333\"/>%n", LEFT, TOP, pw, ph));
        sb.append(text(LEFT + pw / 2.0, H - 18, escape(xLabel), "middle", 13));
        sb.append(String.format(Locale.ROOT, "<text x=\"18\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"13\" transform=\"rotate(-90 18 %.1f)\">%s</text>%n",
                TOP + ph / 2.0, TOP + ph / 2.0, escape(yLabel)));
        int colour = 0;
        int legend = 0;
        for (Series s : series) {
            String c = COLOURS[colour % COLOURS.length];
            if (!s.faint) {
                colour++;
            }
            StringBuilder pts = new StringBuilder();
            for (int i = 0; i < s.x.length; i++) {
                double px = LEFT + (s.x[i] - x0) / (x1 - x0) * pw;
                double py = TOP + ph - (s.y[i] - y0) / (y1 - y0) * ph;
                pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
            }
            sb.append("<polyline fill=\"none\" stroke=\"").append(c).append(s.faint ? "\" stroke-opacity=\"0.25\" stroke-width=\"1\"" : "\" stroke-width=\"2\"")
                    .append(" points=\"").append(pts.toString().trim()).append("\"/>\n");
            if (!s.faint) {
                double ly = TOP + 14 + 16 * legend++;
                sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                        LEFT + 10, ly - 4, LEFT + 30, ly - 4, c));
                sb.append(text(LEFT + 36, ly, escape(s.name), "start", 12));
            }
        }
        sb.append("</svg>\n");
        return sb.toString();
    }

    private static String text(double x, double y, String s, String anchor, int size) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\">%s</text>%n", x, y, anchor, size, s);
    }

    static double[] ticks(double lo, double hi) {
        double span = hi - lo;
        double raw = span / 6;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = mag * (raw / mag < 1.5 ? 1 : raw / mag < 3 ? 2 : raw / mag < 7 ? 5 : 10);
        double start = Math.floor(lo / step) * step;
        int n = (int) Math.ceil((hi - start) / step - 1e-9) + 1;
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = start + i * step;
        }
        return t;
    }

    private static String label(double v) {
        double a = Math.abs(v);
        if (a != 0 && (a >= 1e6 || a < 1e-3)) {
            return String.format(Locale.ROOT, "%.1e", v);
        }
        String s = String.format(Locale.ROOT, "%.3f", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
