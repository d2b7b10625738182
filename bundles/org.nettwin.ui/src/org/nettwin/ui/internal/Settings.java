package org.nettwin.ui.internal;

import java.nio.file.Path;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.e4.core.di.annotations.Creatable;
import org.osgi.service.prefs.BackingStoreException;

import jakarta.inject.Singleton;

/**
 * The Workbench's preferences: the runs folder (where runs are written and read) and the plugins
 * folder (watched for plugin jars; the runtime reads it when it starts). Defaults come from the
 * {@code nettwin} script's system properties, as for the headless commands.
 */
@Creatable
@Singleton
public final class Settings {

    static final String RUNS = "runsFolder";
    static final String PLUGINS = "pluginsFolder";

    private final IEclipsePreferences prefs = InstanceScope.INSTANCE.getNode("org.nettwin.ui");

    /** @return where runs go: the preference, else system property {@code nettwin.runs}, else {@code runs} in the working folder */
    public Path runsFolder() {
        return Path.of(prefs.get(RUNS, System.getProperty("nettwin.runs", Path.of("runs").toAbsolutePath().toString())));
    }

    /** @return the plugins folder: the preference, else system property {@code nettwin.plugins}, else {@code plugins} */
    public Path pluginsFolder() {
        return Path.of(prefs.get(PLUGINS, System.getProperty("nettwin.plugins", Path.of("plugins").toAbsolutePath().toString())));
    }

    /** @return where new experiment files go: {@code experiments} beside the runs folder */
    public Path experimentsFolder() {
        Path runs = runsFolder().toAbsolutePath();
        return (runs.getParent() == null ? runs : runs.getParent()).resolve("experiments");
    }

    /** Stores both folders. */
    public void save(Path runs, Path plugins) throws BackingStoreException {
        prefs.put(RUNS, runs.toString());
        prefs.put(PLUGINS, plugins.toString());
        prefs.flush();
    }
}
