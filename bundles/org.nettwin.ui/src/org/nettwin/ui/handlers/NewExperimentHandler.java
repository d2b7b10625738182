package org.nettwin.ui.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Shell;
import org.nettwin.lab.PluginCatalog;
import org.nettwin.ui.internal.NewExperimentWizard;
import org.nettwin.ui.internal.Settings;
import org.nettwin.ui.internal.Topics;

/** File > New experiment...: the wizard, then the new file in the editor. */
public final class NewExperimentHandler {

    @Execute
    void execute(Shell shell, PluginCatalog catalog, Settings settings, EPartService parts, IEventBroker events) {
        NewExperimentWizard wizard = new NewExperimentWizard(catalog, settings.experimentsFolder());
        if (new WizardDialog(shell, wizard).open() == WizardDialog.OK && wizard.created() != null) {
            parts.showPart(Parts.EDITOR, EPartService.PartState.ACTIVATE);
            events.send(Topics.OPEN_EXPERIMENT, wizard.created());
        }
    }
}
