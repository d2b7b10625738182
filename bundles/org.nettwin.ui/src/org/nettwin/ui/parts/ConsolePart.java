package org.nettwin.ui.parts;

import java.util.function.Consumer;

import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;
import org.nettwin.ui.internal.LabLog;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/** The lab's log: progress lines of runs, their results and errors, and the Workbench's messages. */
public final class ConsolePart {

    private final LabLog log;
    private final UISynchronize ui;
    private Text text;
    private final Consumer<String> listener = line -> appendLater(line);

    /** Injected by e4. */
    @Inject
    public ConsolePart(LabLog log, UISynchronize ui) {
        this.log = log;
        this.ui = ui;
    }

    @PostConstruct
    void create(Composite parent) {
        parent.setLayout(new FillLayout());
        text = new Text(parent, SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL);
        text.setFont(org.eclipse.jface.resource.JFaceResources.getTextFont());
        text.setText(String.join("\n", log.lines()) + (log.lines().isEmpty() ? "" : "\n"));
        log.listen(listener);
    }

    @PreDestroy
    void dispose() {
        log.unlisten(listener);
    }

    private void appendLater(String line) {
        ui.asyncExec(() -> {
            if (!text.isDisposed()) {
                text.append(line + "\n");
            }
        });
    }

    /** @return what the console shows */
    public String text() {
        return text.getText();
    }
}
