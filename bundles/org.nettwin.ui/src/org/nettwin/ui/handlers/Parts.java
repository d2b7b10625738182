package org.nettwin.ui.handlers;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

/** The parts' ids in Application.e4xmi, and finding their objects. */
public final class Parts {

    /** The plugins view. */
    public static final String PLUGINS = "org.nettwin.ui.part.plugins";
    /** The runs view. */
    public static final String RUNS = "org.nettwin.ui.part.runs";
    /** The run (and compare) view. */
    public static final String RUN = "org.nettwin.ui.part.run";
    /** The experiment editor. */
    public static final String EDITOR = "org.nettwin.ui.part.editor";
    /** Live charts. */
    public static final String LIVE = "org.nettwin.ui.part.live";
    /** The console. */
    public static final String CONSOLE = "org.nettwin.ui.part.console";

    /** Every part, in the order the smoke check opens them. */
    public static final String[] ALL = {PLUGINS, RUNS, EDITOR, RUN, LIVE, CONSOLE};

    private Parts() {
    }

    /** @return the object of part {@code id}, shown (created) first */
    public static <T> T show(EPartService parts, String id, Class<T> type) {
        MPart part = parts.showPart(id, EPartService.PartState.VISIBLE);
        if (part == null || !type.isInstance(part.getObject())) {
            throw new IllegalStateException("part " + id + " did not open (" + (part == null ? "not in the model" : part.getObject()) + ")");
        }
        return type.cast(part.getObject());
    }
}
