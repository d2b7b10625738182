package org.nettwin.ui.internal;

/** Event-broker topics the parts talk through (no part knows another). */
public final class Topics {

    /** A run was launched; data: its {@link LiveRun}. */
    public static final String RUN_STARTED = "nettwin/run/started";
    /** A run ended (finished, failed or cancelled); data: its {@link LiveRun}. */
    public static final String RUN_ENDED = "nettwin/run/ended";
    /** Runs were selected in the runs view; data: a {@code List<RunRow>}. */
    public static final String RUNS_SELECTED = "nettwin/runs/selected";
    /** An experiment file should be opened in the editor; data: its {@code Path}. */
    public static final String OPEN_EXPERIMENT = "nettwin/experiment/open";
    /** The preferences changed. */
    public static final String SETTINGS_CHANGED = "nettwin/settings/changed";

    private Topics() {
    }
}
