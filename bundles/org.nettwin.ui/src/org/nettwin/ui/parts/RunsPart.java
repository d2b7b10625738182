package org.nettwin.ui.parts;

import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.nettwin.ui.internal.LabLog;
import org.nettwin.ui.internal.LiveRun;
import org.nettwin.ui.internal.Settings;
import org.nettwin.ui.internal.Topics;
import org.nettwin.ui.model.RunRow;
import org.nettwin.ui.model.RunsTable;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The runs folder as a table (name, kind, scenario, algorithm, seeds, headline figures, date,
 * status), sortable by any column and filtered by words; selecting runs shows them in the run view
 * (several: their curves overlaid). A virtual table: only visible rows are made.
 */
public final class RunsPart {

    /** Widget data keys the end-to-end test finds widgets by. */
    public static final String TABLE = "runs.table";
    /** The filter field. */
    public static final String FILTER = "runs.filter";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final Settings settings;
    private final LabLog log;
    private final IEventBroker events;
    private Table table;
    private Text filter;
    private Label status;
    private RunsTable runs;
    private List<RunRow> shown = List.of();
    private RunsTable.Column sortColumn = RunsTable.Column.DATE;
    private boolean ascending;
    private long lastLoadMillis;

    /** Injected by e4. */
    @Inject
    public RunsPart(Settings settings, LabLog log, IEventBroker events) {
        this.settings = settings;
        this.log = log;
        this.events = events;
    }

    @PostConstruct
    void create(Composite parent) {
        parent.setLayout(new GridLayout(3, false));
        filter = new Text(parent, SWT.BORDER | SWT.SEARCH | SWT.ICON_SEARCH);
        filter.setMessage("filter: words in name, kind, scenario, algorithm, status");
        filter.setData("nettwin.id", FILTER);
        filter.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        filter.addListener(SWT.Modify, e -> show());
        Button reload = new Button(parent, SWT.PUSH);
        reload.setText("Reload");
        reload.addListener(SWT.Selection, e -> reload());
        status = new Label(parent, SWT.NONE);
        status.setLayoutData(new GridData(SWT.END, SWT.CENTER, false, false));
        table = new Table(parent, SWT.BORDER | SWT.MULTI | SWT.FULL_SELECTION | SWT.VIRTUAL);
        table.setData("nettwin.id", TABLE);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
        String[][] columns = {{"Name", "220"}, {"Kind", "70"}, {"Scenario", "180"}, {"Algorithm", "110"}, {"Seeds", "50"},
            {"Headline", "300"}, {"Date", "120"}, {"Status", "80"}};
        for (int i = 0; i < columns.length; i++) {
            TableColumn c = new TableColumn(table, SWT.LEFT);
            c.setText(columns[i][0]);
            c.setWidth(Integer.parseInt(columns[i][1]));
            RunsTable.Column sortBy = RunsTable.Column.values()[i];
            c.addListener(SWT.Selection, e -> sortBy(sortBy, c));
        }
        table.addListener(SWT.SetData, e -> {
            TableItem item = (TableItem) e.item;
            RunRow r = shown.get(table.indexOf(item));
            item.setText(new String[] {r.name(), r.kind(), r.scenario(), r.algorithm(), r.seeds() == 0 ? "" : Integer.toString(r.seeds()),
                r.headlineText(3), DATE.format(r.date()), r.status()});
            item.setData(r);
        });
        table.addListener(SWT.Selection, e -> publishSelection());
        table.addListener(SWT.DefaultSelection, e -> publishSelection());
        reload();
    }

    /** Reads the runs folder again. */
    public void reload() {
        long start = System.nanoTime();
        try {
            runs = RunsTable.load(settings.runsFolder());
            runs.unreadable().forEach(u -> log.line("runs view: cannot read " + u));
        } catch (IOException e) {
            log.line("runs view: cannot read " + settings.runsFolder() + ": " + e.getMessage());
            runs = null;
        }
        show();
        lastLoadMillis = (System.nanoTime() - start) / 1_000_000;
    }

    private void show() {
        shown = runs == null ? List.of() : runs.view(filter.getText(), sortColumn, ascending);
        table.clearAll();
        table.setItemCount(shown.size());
        status.setText(shown.size() + " of " + (runs == null ? 0 : runs.rows().size()) + " runs in " + settings.runsFolder());
        status.getParent().layout(new org.eclipse.swt.widgets.Control[] {status});
    }

    private void sortBy(RunsTable.Column column, TableColumn header) {
        ascending = column == sortColumn ? !ascending : true;
        sortColumn = column;
        table.setSortColumn(header);
        table.setSortDirection(ascending ? SWT.UP : SWT.DOWN);
        show();
    }

    private void publishSelection() {
        List<RunRow> selected = new ArrayList<>();
        for (int i : table.getSelectionIndices()) {
            selected.add(shown.get(i));
        }
        events.send(Topics.RUNS_SELECTED, selected);
    }

    /** Selects the rows at {@code indices} as a person would (the end-to-end test compares runs this way). */
    public void select(int... indices) {
        table.setSelection(indices);
        publishSelection();
    }

    /** @return the rows shown, in the table's order */
    public List<RunRow> shown() {
        return shown;
    }

    /** @return how long the last reload took, for the log and the speed check */
    public long lastLoadMillis() {
        return lastLoadMillis;
    }

    @Inject
    @Optional
    void runEnded(@UIEventTopic(Topics.RUN_ENDED) LiveRun run) {
        if (table != null && !table.isDisposed()) {
            reload();
        }
    }

    @Inject
    @Optional
    void settingsChanged(@UIEventTopic(Topics.SETTINGS_CHANGED) Object any) {
        if (table != null && !table.isDisposed()) {
            reload();
        }
    }
}
