package org.nettwin.ui.parts;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.nettwin.ui.internal.CurveChart;
import org.nettwin.ui.internal.LiveRun;
import org.nettwin.ui.internal.Topics;
import org.nettwin.ui.model.MetricsTable;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * Live curves of the runs launched from the Workbench: the chosen run's metric per seed and arm,
 * redrawn at most {@value #FRAMES_PER_SECOND} times a second while points arrive (the run never
 * waits for the chart: it only appends to its curves); the curves stay after the run. Cancel stops
 * the chosen run.
 */
public final class LivePart {

    /** Widget data keys the end-to-end test finds widgets by. */
    public static final String CANCEL = "live.cancel";

    static final int FRAMES_PER_SECOND = 4;

    private final List<LiveRun> runs = new ArrayList<>();
    private Combo runChoice;
    private Combo metric;
    private Label state;
    private Button cancel;
    private CurveChart chart;
    private long drawnVersion = -1;
    private LiveRun drawnRun;
    private long redraws;
    private long redrawNanos;

    @PostConstruct
    void create(Composite parent) {
        parent.setLayout(new GridLayout(4, false));
        runChoice = new Combo(parent, SWT.READ_ONLY);
        runChoice.setLayoutData(new GridData(260, SWT.DEFAULT));
        runChoice.addListener(SWT.Selection, e -> drawnVersion = -1);
        metric = new Combo(parent, SWT.READ_ONLY);
        metric.setLayoutData(new GridData(200, SWT.DEFAULT));
        metric.addListener(SWT.Selection, e -> drawnVersion = -1);
        state = new Label(parent, SWT.NONE);
        state.setText("No run launched yet: File > Run experiment.");
        state.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        cancel = new Button(parent, SWT.PUSH);
        cancel.setText("Cancel run");
        cancel.setData("nettwin.id", CANCEL);
        cancel.setEnabled(false);
        cancel.addListener(SWT.Selection, e -> {
            LiveRun r = chosen();
            if (r != null && r.job() != null) {
                r.job().cancel();
            }
        });
        chart = new CurveChart(parent);
        chart.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 4, 1));
        parent.getDisplay().timerExec(1000 / FRAMES_PER_SECOND, new Runnable() {
            @Override
            public void run() {
                if (!parent.isDisposed()) {
                    tick();
                    parent.getDisplay().timerExec(1000 / FRAMES_PER_SECOND, this);
                }
            }
        });
    }

    @Inject
    @Optional
    void started(@UIEventTopic(Topics.RUN_STARTED) LiveRun run) {
        if (runChoice == null || runChoice.isDisposed()) {
            return;
        }
        runs.add(run);
        runChoice.add(run.folder().getFileName().toString());
        runChoice.select(runs.size() - 1);
        drawnVersion = -1;
    }

    private LiveRun chosen() {
        int i = runChoice.getSelectionIndex();
        return i < 0 ? null : runs.get(i);
    }

    /** Redraws when the chosen run's curves moved; updates its state line. */
    private void tick() {
        LiveRun r = chosen();
        if (r == null) {
            return;
        }
        List<String> metrics = r.curves().metrics();
        if (metrics.size() != metric.getItemCount()) {
            String previous = metric.getText();
            metric.setItems(metrics.toArray(String[]::new));
            metric.select(metrics.contains(previous) ? metrics.indexOf(previous) : metrics.indexOf(MetricsTable.preferred(metrics)));
        }
        long version = r.curves().version();
        if (version != drawnVersion || r != drawnRun) {
            drawnVersion = version;
            drawnRun = r;
            String m = metric.getText();
            long start = System.nanoTime();
            chart.show(r.name() + ": " + m, m, r.curves().series(m));
            chart.control().update(); // paint now, so the time below is the frame's whole cost
            redrawNanos += System.nanoTime() - start;
            redraws++;
        }
        cancel.setEnabled(r.state() == LiveRun.State.RUNNING);
        state.setText(r.state().name().toLowerCase(java.util.Locale.ROOT) + ", " + r.unitsDone() + " unit(s) done, " + r.curves().points()
                + " points" + (r.message().isEmpty() ? "" : ": " + r.message().lines().findFirst().orElse("")));
    }

    /** @return points the chart draws now (the end-to-end test watches them arrive) */
    public long points() {
        return chart.points();
    }

    /** @return how often the chart was redrawn */
    public long redraws() {
        return redraws;
    }

    /** @return the mean time of a redraw (copying the curves, drawing them), in milliseconds */
    public double redrawMillis() {
        return redraws == 0 ? 0 : redrawNanos / 1e6 / redraws;
    }

    /** @return the runs launched, oldest first */
    public List<LiveRun> runs() {
        return List.copyOf(runs);
    }
}
