package org.nettwin.ui.parts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.ui.MDirtyable;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.nettwin.lab.Experiment;
import org.nettwin.lab.ExperimentException;
import org.nettwin.lab.ExperimentRunner;
import org.nettwin.ui.internal.Topics;
import org.nettwin.ui.model.Problem;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The experiment editor: an experiment file's text, checked by the lab as one types (a moment
 * after the last key): its located errors are underlined in the text and listed below, each with
 * line and column; double-clicking one moves the caret there.
 */
public final class EditorPart {

    /** Widget data keys the end-to-end test finds widgets by. */
    public static final String TEXT = "editor.text";
    /** The problems table. */
    public static final String PROBLEMS = "editor.problems";

    static final int CHECK_DELAY_MS = 400;

    private final ExperimentRunner runner;
    private final UISynchronize ui;
    private final MDirtyable dirty;
    private StyledText text;
    private Table problemsTable;
    private Path file;
    private List<Problem> problems = List.of();
    private int generation;
    private volatile int checks;

    /** Injected by e4. */
    @Inject
    public EditorPart(ExperimentRunner runner, UISynchronize ui, MDirtyable dirty) {
        this.runner = runner;
        this.ui = ui;
        this.dirty = dirty;
    }

    @PostConstruct
    void create(Composite parent) {
        parent.setLayout(new FillLayout());
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        text = new StyledText(sash, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL);
        text.setData("nettwin.id", TEXT);
        text.setFont(JFaceResources.getTextFont());
        text.setText("// File > New experiment... or File > Open experiment...\n");
        text.setEditable(false);
        problemsTable = new Table(sash, SWT.BORDER | SWT.FULL_SELECTION);
        problemsTable.setData("nettwin.id", PROBLEMS);
        problemsTable.setHeaderVisible(true);
        for (String[] c : new String[][] {{"Line", "50"}, {"Col", "50"}, {"Problem", "700"}}) {
            TableColumn col = new TableColumn(problemsTable, SWT.LEFT);
            col.setText(c[0]);
            col.setWidth(Integer.parseInt(c[1]));
        }
        sash.setWeights(78, 22);
        text.addListener(SWT.Modify, e -> {
            dirty.setDirty(file != null);
            scheduleCheck();
        });
        problemsTable.addListener(SWT.DefaultSelection, e -> {
            int i = problemsTable.getSelectionIndex();
            if (i >= 0) {
                text.setSelection(problems.get(i).offset(text.getText()));
                text.setFocus();
            }
        });
    }

    @Inject
    @Optional
    void openRequested(@UIEventTopic(Topics.OPEN_EXPERIMENT) Path path) {
        if (text != null && !text.isDisposed()) {
            open(path);
        }
    }

    /** Shows {@code path}'s text and checks it. */
    public void open(Path path) {
        try {
            String content = Files.readString(path, StandardCharsets.UTF_8);
            file = path.toAbsolutePath();
            text.setEditable(true);
            text.setText(content);
            dirty.setDirty(false);
        } catch (IOException e) {
            show(List.of(new Problem(0, 0, path + ": " + e.getMessage())));
        }
    }

    /** @return the file shown, or {@code null} */
    public Path file() {
        return file;
    }

    /** Writes the text to the file. */
    public void save() throws IOException {
        if (file != null) {
            Files.writeString(file, text.getText(), StandardCharsets.UTF_8);
            dirty.setDirty(false);
        }
    }

    /** @return the text */
    public String text() {
        return text.getText();
    }

    /** Replaces the text (as typing would). */
    public void setText(String content) {
        text.setText(content);
    }

    /** @return the problems marked now */
    public List<Problem> problems() {
        return problems;
    }

    /** @return how many checks have finished (the end-to-end test waits for one) */
    public int checks() {
        return checks;
    }

    private void scheduleCheck() {
        int mine = ++generation;
        text.getDisplay().timerExec(CHECK_DELAY_MS, () -> {
            if (mine == generation && !text.isDisposed() && file != null) {
                check(text.getText(), mine);
            }
        });
    }

    /** Reads and validates the text off the UI thread (validation may load plugins); marks the result if still current. */
    private void check(String content, int mine) {
        Path where = file;
        Thread t = new Thread(() -> {
            List<Problem> found = new ArrayList<>();
            try {
                Experiment e = runner.read(where, content.getBytes(StandardCharsets.UTF_8));
                runner.validate(e);
            } catch (ExperimentException e) {
                found.addAll(Problem.parse(where.toString(), e.problems()));
            } catch (IOException | RuntimeException e) {
                found.add(new Problem(0, 0, e.getMessage() == null ? e.toString() : e.getMessage()));
            }
            ui.asyncExec(() -> {
                checks++;
                if (mine == generation && !text.isDisposed()) {
                    show(found);
                }
            });
        }, "nettwin-editor-check");
        t.setDaemon(true);
        t.start();
    }

    private void show(List<Problem> found) {
        problems = found;
        String content = text.getText();
        text.setStyleRanges(new StyleRange[0]);
        problemsTable.removeAll();
        for (Problem p : found) {
            if (p.line() > 0 && !content.isEmpty()) {
                StyleRange r = new StyleRange();
                r.start = Math.min(p.offset(content), content.length() - 1);
                r.length = Math.min(p.length(content), content.length() - r.start);
                r.underline = true;
                r.underlineStyle = SWT.UNDERLINE_SQUIGGLE;
                r.underlineColor = text.getDisplay().getSystemColor(SWT.COLOR_RED);
                text.setStyleRange(r);
            }
            TableItem item = new TableItem(problemsTable, SWT.NONE);
            item.setText(new String[] {p.line() == 0 ? "" : Integer.toString(p.line()), p.column() == 0 ? "" : Integer.toString(p.column()),
                p.message()});
        }
    }
}
