package org.nettwin.ui.internal;

import java.nio.file.Path;

import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.osgi.service.prefs.BackingStoreException;

/** The preferences: runs folder (read and written at once) and plugins folder (watched from the next start). */
public final class PreferencesDialog extends Dialog {

    private final Settings settings;
    private final IEventBroker events;
    private Text runs;
    private Text plugins;

    /** A dialog over {@code parent}. */
    public PreferencesDialog(Shell parent, Settings settings, IEventBroker events) {
        super(parent);
        this.settings = settings;
        this.events = events;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Preferences");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        area.setLayout(new GridLayout(2, false));
        new Label(area, SWT.NONE).setText("Runs folder");
        runs = new Text(area, SWT.BORDER);
        runs.setText(settings.runsFolder().toString());
        runs.setLayoutData(new GridData(480, SWT.DEFAULT));
        new Label(area, SWT.NONE).setText("Plugins folder");
        plugins = new Text(area, SWT.BORDER);
        plugins.setText(settings.pluginsFolder().toString());
        plugins.setLayoutData(new GridData(480, SWT.DEFAULT));
        Label note = new Label(area, SWT.WRAP);
        note.setText("Jars dropped into the plugins folder are installed while the Workbench runs; another folder is watched from the next start.");
        note.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        return area;
    }

    @Override
    protected void okPressed() {
        try {
            settings.save(Path.of(runs.getText().strip()), Path.of(plugins.getText().strip()));
            events.post(Topics.SETTINGS_CHANGED, Boolean.TRUE);
            super.okPressed();
        } catch (BackingStoreException | RuntimeException e) {
            MessageDialog.openError(getShell(), "Preferences", e.getMessage());
        }
    }
}
