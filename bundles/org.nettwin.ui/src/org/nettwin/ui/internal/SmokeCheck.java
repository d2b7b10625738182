package org.nettwin.ui.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.nettwin.lab.Causes;
import org.nettwin.ui.handlers.Parts;

/**
 * {@code ./nettwin gui --smoke FILE.png}: opens every view, writes a screenshot of the window and
 * exits 0, or 1 naming every view that failed to open.
 */
public final class SmokeCheck {

    private final IEclipseContext context;
    private final LabLog log;

    SmokeCheck(IEclipseContext context, LabLog log) {
        this.context = context;
        this.log = log;
    }

    void run(Path png) {
        List<String> failed = new ArrayList<>();
        int status;
        try {
            MWindow window = context.get(MApplication.class).getChildren().get(0);
            EPartService parts = window.getContext().get(EPartService.class);
            for (String id : Parts.ALL) {
                try {
                    Object part = Parts.show(parts, id, Object.class);
                    log.line("smoke: " + id + " open (" + part.getClass().getSimpleName() + ")");
                } catch (RuntimeException e) {
                    failed.add(id + ": " + Causes.oneLine(e));
                }
            }
            // back to the views a person looks at first
            parts.showPart(Parts.RUNS, EPartService.PartState.VISIBLE);
            parts.showPart(Parts.PLUGINS, EPartService.PartState.ACTIVATE);
            Shell shell = (Shell) window.getWidget();
            settle(shell.getDisplay(), 500);
            screenshot(shell, png);
            log.line("smoke: screenshot " + png);
            status = failed.isEmpty() ? 0 : 1;
        } catch (RuntimeException | java.io.IOException e) {
            failed.add(Causes.oneLine(e));
            status = 1;
        }
        failed.forEach(f -> log.line("smoke: FAILED " + f));
        log.line("smoke: " + (failed.isEmpty() ? "every view opened" : failed.size() + " problem(s)"));
        exit(status);
    }

    /** Lets the display paint for {@code millis}. */
    static void settle(Display display, long millis) {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            if (!display.readAndDispatch()) {
                display.timerExec(20, () -> {
                });
                display.sleep();
            }
        }
    }

    /** Writes what the window shows on screen as a PNG. */
    public static void screenshot(Shell shell, Path png) throws java.io.IOException {
        Display display = shell.getDisplay();
        Rectangle b = shell.getBounds();
        Image image = new Image(display, b.width, b.height);
        GC gc = new GC(display);
        try {
            gc.copyArea(image, b.x, b.y);
        } finally {
            gc.dispose();
        }
        try {
            if (png.toAbsolutePath().getParent() != null) {
                Files.createDirectories(png.toAbsolutePath().getParent());
            }
            ImageLoader loader = new ImageLoader();
            loader.data = new org.eclipse.swt.graphics.ImageData[] {image.getImageData()};
            loader.save(png.toString(), SWT.IMAGE_PNG);
        } finally {
            image.dispose();
        }
    }

    /** Ends the process with {@code status}; halts if the framework does not stop within 15 s. */
    public static void exit(int status) {
        System.out.flush();
        System.err.flush();
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(15_000);
            } catch (InterruptedException e) {
                return;
            }
            Runtime.getRuntime().halt(status);
        }, "nettwin-exit-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        new Thread(() -> System.exit(status), "nettwin-exit").start();
    }
}
