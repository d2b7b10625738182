package org.nettwin.ui.parts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.nettwin.ui.internal.CurveChart;
import org.nettwin.ui.internal.Topics;
import org.nettwin.ui.model.MetricsTable;
import org.nettwin.ui.model.RunRow;
import org.nettwin.ui.model.Series;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The runs selected in the runs view: one run's summary, its curves from {@code metrics.csv} and its
 * images (landscapes, twin against real); several runs' curves of one metric overlaid (compare).
 */
public final class RunPart {

    /** Widget data keys the end-to-end test finds widgets by. */
    public static final String METRIC = "run.metric";

    private Label title;
    private Combo metric;
    private Text summary;
    private CurveChart chart;
    private Composite images;
    private ScrolledComposite imageScroll;
    private final List<Image> loaded = new ArrayList<>();
    private final Map<RunRow, MetricsTable> tables = new LinkedHashMap<>();

    @PostConstruct
    void create(Composite parent) {
        parent.setLayout(new GridLayout(2, false));
        title = new Label(parent, SWT.NONE);
        title.setText("Select runs in the Runs view (several to compare).");
        title.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        metric = new Combo(parent, SWT.READ_ONLY);
        metric.setData("nettwin.id", METRIC);
        metric.setLayoutData(new GridData(220, SWT.DEFAULT));
        metric.addListener(SWT.Selection, e -> drawCurves());
        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        summary = new Text(sash, SWT.BORDER | SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL);
        SashForm right = new SashForm(sash, SWT.VERTICAL);
        chart = new CurveChart(right);
        imageScroll = new ScrolledComposite(right, SWT.H_SCROLL | SWT.V_SCROLL | SWT.BORDER);
        images = new Composite(imageScroll, SWT.NONE);
        images.setLayout(new RowLayout());
        imageScroll.setContent(images);
        right.setWeights(65, 35);
        sash.setWeights(30, 70);
        parent.addListener(SWT.Dispose, e -> disposeImages());
    }

    @Inject
    @Optional
    void selected(@UIEventTopic(Topics.RUNS_SELECTED) List<RunRow> runs) {
        if (summary == null || summary.isDisposed()) {
            return;
        }
        show(runs);
    }

    /** Shows {@code runs}: one in full, several compared. */
    public void show(List<RunRow> runs) {
        tables.clear();
        StringBuilder text = new StringBuilder();
        for (RunRow r : runs) {
            try {
                Path csv = r.folder().resolve("metrics.csv");
                if (Files.isRegularFile(csv)) {
                    tables.put(r, MetricsTable.read(csv));
                }
                Path s = r.folder().resolve("summary.json");
                text.append(runs.size() > 1 ? "== " + r.name() + "\n" : "").append(Files.isRegularFile(s) ? Files.readString(s) : "(no summary)")
                        .append('\n');
            } catch (IOException e) {
                text.append(r.name()).append(": ").append(e.getMessage()).append('\n');
            }
        }
        summary.setText(text.toString());
        title.setText(runs.isEmpty() ? "No run selected." : runs.size() == 1 ? runs.get(0).folder().toString() : "Comparing " + runs.size() + " runs");
        Set<String> metrics = new LinkedHashSet<>();
        tables.values().forEach(t -> metrics.addAll(t.metrics()));
        String previous = metric.getText();
        metric.setItems(metrics.toArray(String[]::new));
        String pick = metrics.contains(previous) ? previous : MetricsTable.preferred(List.copyOf(metrics));
        if (!pick.isEmpty()) {
            metric.select(List.copyOf(metrics).indexOf(pick));
        }
        drawCurves();
        showImages(runs.size() == 1 ? runs.get(0).folder() : null);
    }

    private void drawCurves() {
        String m = metric.getText();
        List<Series> all = new ArrayList<>();
        for (Map.Entry<RunRow, MetricsTable> e : tables.entrySet()) {
            all.addAll(e.getValue().series(m, tables.size() > 1 ? e.getKey().name() + " " : ""));
        }
        chart.show(tables.size() > 1 ? m + ": " + tables.size() + " runs" : m, m, all);
    }

    private void showImages(Path folder) {
        disposeImages();
        for (Control c : images.getChildren()) {
            c.dispose();
        }
        if (folder != null) {
            List<Path> pngs;
            try (Stream<Path> s = Files.walk(folder, 2)) {
                pngs = s.filter(p -> p.getFileName().toString().endsWith(".png")).sorted().limit(12).toList();
            } catch (IOException e) {
                pngs = List.of();
            }
            for (Path p : pngs) {
                ImageData data = new ImageData(p.toString());
                int width = 420;
                ImageData scaled = data.width > width ? data.scaledTo(width, data.height * width / data.width) : data;
                Image image = new Image(images.getDisplay(), scaled);
                loaded.add(image);
                Label l = new Label(images, SWT.NONE);
                l.setImage(image);
                l.setToolTipText(folder.relativize(p).toString());
            }
        }
        images.setSize(images.computeSize(SWT.DEFAULT, SWT.DEFAULT));
    }

    private void disposeImages() {
        loaded.forEach(Image::dispose);
        loaded.clear();
    }

    /** @return curves drawn now (the end-to-end test checks a comparison draws every run's) */
    public int curves() {
        return chart.curves();
    }

    /** @return images shown now */
    public int images() {
        return loaded.size();
    }
}
