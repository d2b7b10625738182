package org.nettwin.ui.internal;

import java.lang.management.ManagementFactory;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.e4.ui.workbench.lifecycle.PostContextCreate;
import org.eclipse.swt.widgets.Display;

/**
 * The Workbench's life cycle: once the first window is up it logs how long the start took (JVM
 * start to a usable workbench) and, under {@code ./nettwin gui --smoke FILE.png} (system property
 * {@code nettwin.smoke}), runs the {@link SmokeCheck}.
 */
public final class WorkbenchLifeCycle {

    @PostContextCreate
    void contextCreated(IEclipseContext context, IEventBroker events) {
        events.subscribe(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE, event -> {
            long millis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            LabLog log = ContextInjectionFactory.make(LabLog.class, context);
            log.line("nettwin gui: workbench ready " + millis + " ms after the JVM started");
            String smoke = System.getProperty("nettwin.smoke");
            if (smoke != null && !smoke.isBlank()) {
                Display.getDefault().asyncExec(() -> new SmokeCheck(context, log).run(java.nio.file.Path.of(smoke)));
            }
        });
    }
}
