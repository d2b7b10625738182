package org.nettwin.ui.internal;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.ILineSeries;
import org.eclipse.swtchart.ISeries;
import org.eclipse.swtchart.ISeries.SeriesType;
import org.nettwin.ui.model.Series;

/**
 * An SWTChart line chart of curves (reward against steps, one line per seed, arm or run), redrawn
 * from a list of {@link Series} each time.
 */
public final class CurveChart {

    /** Distinguishable line colours (Tableau 10), cycled. */
    private static final RGB[] PALETTE = {new RGB(31, 119, 180), new RGB(255, 127, 14), new RGB(44, 160, 44), new RGB(214, 39, 40),
        new RGB(148, 103, 189), new RGB(140, 86, 75), new RGB(227, 119, 194), new RGB(127, 127, 127), new RGB(188, 189, 34),
        new RGB(23, 190, 207)};

    private final Chart chart;
    private int shown;

    /** Creates the chart in {@code parent}. */
    public CurveChart(Composite parent) {
        chart = new Chart(parent, SWT.NONE);
        chart.getTitle().setText("");
        chart.getAxisSet().getXAxis(0).getTitle().setText("step");
        chart.getAxisSet().getYAxis(0).getTitle().setText("");
        chart.getLegend().setPosition(SWT.BOTTOM);
    }

    /** @return the SWT control (for layout) */
    public Chart control() {
        return chart;
    }

    /** Replaces the curves: {@code metric} on the y axis, one line per series. */
    public void show(String title, String metric, List<Series> series) {
        for (ISeries<?> s : chart.getSeriesSet().getSeries()) {
            chart.getSeriesSet().deleteSeries(s.getId());
        }
        int i = 0;
        for (Series s : series) {
            ILineSeries<?> line = (ILineSeries<?>) chart.getSeriesSet().createSeries(SeriesType.LINE, uniqueId(s.label(), i));
            line.setXSeries(s.x());
            line.setYSeries(s.y());
            line.setSymbolType(ILineSeries.PlotSymbolType.NONE);
            line.setLineColor(new Color(PALETTE[i % PALETTE.length]));
            i++;
        }
        shown = series.size();
        chart.getTitle().setText(title);
        chart.getAxisSet().getYAxis(0).getTitle().setText(metric);
        chart.getAxisSet().adjustRange();
        chart.redraw();
    }

    /** @return how many curves are drawn */
    public int curves() {
        return shown;
    }

    /** @return how many points the curves hold */
    public long points() {
        long n = 0;
        for (ISeries<?> s : chart.getSeriesSet().getSeries()) {
            n += s.getXSeries().length;
        }
        return n;
    }

    private String uniqueId(String label, int index) {
        return chart.getSeriesSet().getSeries(label) == null ? label : label + " (" + (index + 1) + ")";
    }
}
