package org.nettwin.ui.handlers;

import java.io.IOException;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.nettwin.lab.ExperimentException;
import org.nettwin.ui.internal.RunLauncher;
import org.nettwin.ui.parts.EditorPart;

/** Run > Run experiment: saves the editor's file and runs it as a job; the live chart follows it. */
public final class RunHandler {

    @Execute
    void execute(Shell shell, EPartService parts, RunLauncher launcher) {
        EditorPart editor = Parts.show(parts, Parts.EDITOR, EditorPart.class);
        if (editor.file() == null) {
            MessageDialog.openInformation(shell, "Run", "Open or create an experiment first (File > New experiment...).");
            return;
        }
        try {
            editor.save();
            // the live view exists before the run starts, so it sees the run's first points
            parts.showPart(Parts.LIVE, EPartService.PartState.ACTIVATE);
            launcher.launch(editor.file());
        } catch (ExperimentException e) {
            MessageDialog.openError(shell, "Run", "The experiment is not valid:\n" + String.join("\n", e.problems()));
        } catch (IOException | RuntimeException e) {
            MessageDialog.openError(shell, "Run", e.getMessage());
        }
    }
}
