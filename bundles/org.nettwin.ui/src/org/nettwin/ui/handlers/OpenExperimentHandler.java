package org.nettwin.ui.handlers;

import java.nio.file.Path;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.nettwin.ui.internal.Settings;
import org.nettwin.ui.internal.Topics;

/** File > Open experiment...: an experiment file into the editor. */
public final class OpenExperimentHandler {

    @Execute
    void execute(Shell shell, Settings settings, EPartService parts, IEventBroker events) {
        FileDialog dialog = new FileDialog(shell, SWT.OPEN);
        dialog.setFilterExtensions(new String[] {"*.json", "*"});
        dialog.setFilterPath(settings.experimentsFolder().toString());
        String chosen = dialog.open();
        if (chosen != null) {
            parts.showPart(Parts.EDITOR, EPartService.PartState.ACTIVATE);
            events.send(Topics.OPEN_EXPERIMENT, Path.of(chosen));
        }
    }
}
