package org.nettwin.ui.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.swt.widgets.Shell;
import org.nettwin.ui.internal.PreferencesDialog;
import org.nettwin.ui.internal.Settings;

/** Window > Preferences...: the runs and plugins folders. */
public final class PreferencesHandler {

    @Execute
    void execute(Shell shell, Settings settings, IEventBroker events) {
        new PreferencesDialog(shell, settings, events).open();
    }
}
