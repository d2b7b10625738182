package org.nettwin.ui.handlers;

import java.io.IOException;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.nettwin.ui.parts.EditorPart;

/** File > Save: the editor's text to its file. */
public final class SaveHandler {

    @Execute
    void execute(Shell shell, EPartService parts) {
        try {
            Parts.show(parts, Parts.EDITOR, EditorPart.class).save();
        } catch (IOException e) {
            MessageDialog.openError(shell, "Save", e.getMessage());
        }
    }
}
