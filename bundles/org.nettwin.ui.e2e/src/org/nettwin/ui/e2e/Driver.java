package org.nettwin.ui.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.nettwin.lab.ExperimentRunner;
import org.nettwin.lab.RunListener;
import org.nettwin.lab.RunOptions;
import org.nettwin.ui.handlers.Parts;
import org.nettwin.ui.internal.LiveRun;
import org.nettwin.ui.internal.SmokeCheck;
import org.nettwin.ui.model.ExperimentDraft;
import org.nettwin.ui.model.PluginRow;
import org.nettwin.ui.model.RunRow;
import org.nettwin.ui.parts.ConsolePart;
import org.nettwin.ui.parts.EditorPart;
import org.nettwin.ui.parts.LivePart;
import org.nettwin.ui.parts.PluginsPart;
import org.nettwin.ui.parts.RunPart;
import org.nettwin.ui.parts.RunsPart;

import jakarta.annotation.PostConstruct;

/**
 * Drives the real Workbench as a person would, once it is up: opens each view, creates an
 * experiment with the wizard (typing into its fields, pressing Finish), sees the editor mark an
 * error, launches a quick run, watches the live chart receive points while it runs, opens the
 * finished run, compares two runs, and screenshots each step into {@code nettwin.e2e.out}. It prints
 * {@code E2E OK} and exits 0, or {@code E2E FAILED: reason} and exits 1. Added to the product only by
 * the end-to-end test ({@code releng/org.nettwin.workbench.tests}).
 */
public final class Driver {

    private static final long TIMEOUT_MS = 120_000;

    private IEclipseContext app;
    private Display display;
    private Path out;
    private final List<String> timings = new ArrayList<>();

    @PostConstruct
    void start(IEclipseContext context, IEventBroker events) {
        app = context;
        out = Path.of(System.getProperty("nettwin.e2e.out", "e2e"));
        events.subscribe(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE, e -> Display.getDefault().asyncExec(this::run));
    }

    private void run() {
        display = Display.getCurrent();
        int status = 0;
        try {
            drive();
            say("E2E OK " + String.join(" ", timings));
        } catch (Throwable e) {
            e.printStackTrace();
            say("E2E FAILED: " + e);
            status = 1;
        }
        SmokeCheck.exit(status);
    }

    private void drive() throws Exception {
        Files.createDirectories(out);
        MWindow window = app.get(MApplication.class).getChildren().get(0);
        IEclipseContext wc = window.getContext();
        EPartService parts = wc.get(EPartService.class);
        Shell shell = (Shell) window.getWidget();

        // 1. every view opens
        for (String id : Parts.ALL) {
            Parts.show(parts, id, Object.class);
            parts.showPart(id, EPartService.PartState.ACTIVATE);
            settle(200);
            shot(shell, "view-" + id.substring(id.lastIndexOf('.') + 1));
        }
        PluginsPart plugins = Parts.show(parts, Parts.PLUGINS, PluginsPart.class);
        check(plugins.rows().stream().anyMatch(r -> r.group().equals("scenarios")), "the plugins view lists scenarios: " + plugins.rows());
        check(plugins.rows().stream().anyMatch(r -> r.group().equals("algorithms")), "the plugins view lists algorithms");
        say("plugins view: " + plugins.rows().size() + " rows, " + plugins.rows().stream().filter(PluginRow::failed).count() + " failed");

        // 1b. a plugin jar dropped into the watched folder appears, and goes when removed
        String jar = System.getProperty("nettwin.e2e.plugin");
        if (jar != null) {
            Path dropped = Path.of(System.getProperty("nettwin.plugins")).resolve(Path.of(jar).getFileName());
            Files.copy(Path.of(jar), dropped);
            waitFor("the dropped plugin appears", () -> plugins.rows().stream().anyMatch(r -> r.id().equals("example/ChannelAccess-v1")));
            shot(shell, "plugins-dropped");
            Files.delete(dropped);
            waitFor("the removed plugin goes", () -> plugins.rows().stream().noneMatch(r -> r.id().equals("example/ChannelAccess-v1")));
            say("plugins view: a dropped jar appeared and went again");
        }

        // 2. the wizard makes an experiment
        String name = "e2e-" + System.currentTimeMillis();
        display.timerExec(300, () -> fillWizard(name));
        execute(wc, "org.nettwin.ui.command.new");
        EditorPart editor = Parts.show(parts, Parts.EDITOR, EditorPart.class);
        check(editor.file() != null && editor.file().getFileName().toString().equals(name + ".json"), "the editor shows the new file: " + editor.file());
        int checks = editor.checks();
        waitFor("the editor checks the new file", () -> editor.checks() > checks);
        check(editor.problems().isEmpty(), "the wizard's experiment is valid: " + editor.problems());
        shot(shell, "editor-new");

        // 3. a typing mistake is marked where it is, then undone
        String good = editor.text();
        int before = editor.checks();
        String bad = good.replace("\"seeds\" : [ 1, 2 ]", "\"seeds\" : [ 1, 1 ]");
        check(!bad.equals(good), "the wizard wrote seeds 1 and 2: " + good);
        editor.setText(bad);
        waitFor("the editor marks the duplicate seed", () -> editor.checks() > before && !editor.problems().isEmpty());
        check(editor.problems().get(0).line() > 0, "the problem has a place: " + editor.problems());
        settle(300); // the marker and the problems table painted
        shot(shell, "editor-error");
        say("editor marker: " + editor.problems().get(0));
        int again = editor.checks();
        editor.setText(good);
        waitFor("the editor clears the marker", () -> editor.checks() > again && editor.problems().isEmpty());

        // 4. a quick run; the live chart receives points while it runs
        LivePart live = Parts.show(parts, Parts.LIVE, LivePart.class);
        long t0 = System.nanoTime();
        execute(wc, "org.nettwin.ui.command.run");
        waitFor("a run starts", () -> live.runs().size() == 1);
        LiveRun first = live.runs().get(0);
        waitFor("the live chart receives points", () -> live.points() > 0);
        boolean whileRunning = first.state() == LiveRun.State.RUNNING;
        say("live chart: " + live.points() + " points drawn " + (whileRunning ? "while the run was running" : "(the run had ended)"));
        shot(shell, "live-running");
        waitFor("the run finishes", () -> first.state() != LiveRun.State.RUNNING);
        check(first.state() == LiveRun.State.FINISHED, "the run finished: " + first.state() + " " + first.message());
        timings.add(String.format(Locale.ROOT, "run1=%.1fs", (System.nanoTime() - t0) / 1e9));
        settle(600);
        check(live.points() > 0, "the curves stay after the run");
        double seconds = (System.nanoTime() - t0) / 1e9;
        say(String.format(Locale.ROOT, "live chart: %d points in %.1f s of run (%.0f points/s), %d redraws of %.2f ms each = %.1f%% of one core",
                live.points(), seconds, live.points() / seconds, live.redraws(), live.redrawMillis(),
                live.redraws() * live.redrawMillis() / 10 / seconds));
        shot(shell, "live-finished");
        check(Files.isRegularFile(first.folder().resolve("summary.json")) && Files.isRegularFile(first.folder().resolve("metrics.csv")),
                "the run folder is complete: " + first.folder());

        // 5. a second run of the same experiment, for the comparison
        execute(wc, "org.nettwin.ui.command.run");
        waitFor("a second run starts", () -> live.runs().size() == 2);
        LiveRun second = live.runs().get(1);
        waitFor("the second run finishes", () -> second.state() != LiveRun.State.RUNNING);
        check(second.state() == LiveRun.State.FINISHED, "the second run finished: " + second.message());

        // 6. the runs view lists both; opening one shows it, selecting both compares
        RunsPart runs = Parts.show(parts, Parts.RUNS, RunsPart.class);
        parts.showPart(Parts.RUNS, EPartService.PartState.ACTIVATE);
        runs.reload();
        List<RunRow> shown = runs.shown();
        int a = indexOf(shown, first.folder());
        int b = indexOf(shown, second.folder());
        check(a >= 0 && b >= 0, "the runs view lists both runs: " + shown.stream().map(RunRow::name).toList());
        check(shown.get(a).status().equals(RunRow.FINISHED) && shown.get(a).kind().equals("train"), "the row tells kind and status: " + shown.get(a));
        say("runs view: " + shown.size() + " runs in " + runs.lastLoadMillis() + " ms");
        RunPart run = Parts.show(parts, Parts.RUN, RunPart.class);
        runs.select(a);
        parts.showPart(Parts.RUN, EPartService.PartState.VISIBLE);
        settle(400);
        check(run.curves() == 2, "one run shows one curve per seed: " + run.curves());
        shot(shell, "run-opened");
        runs.select(a, b);
        settle(400);
        check(run.curves() == 4, "comparing two runs of two seeds overlays four curves: " + run.curves());
        shot(shell, "runs-compared");

        ConsolePart console = Parts.show(parts, Parts.CONSOLE, ConsolePart.class);
        check(console.text().contains("results in " + first.folder()), "the console shows the lab's log");

        measureLiveChartCost(editor, good, live, wc);
        measureRunsView(runs, first.folder());
    }

    /**
     * What following a run live costs it: the same experiment with a bigger budget (thousands of
     * points per second), run alternately without a listener (the lab's runner on a thread of its
     * own, as the command line runs it) and from the Workbench with the live chart drawing; the runs'
     * own wall times ({@code summary.json}) compared.
     */
    private void measureLiveChartCost(EditorPart editor, String good, LivePart live, IEclipseContext wc) throws Exception {
        // long episodes (2,000 steps) over 8 million steps: a few thousand points per second, a few seconds per run
        String name = editor.file().getFileName().toString().replace(".json", "");
        String big = new ExperimentDraft(name, "train").plugin("scenario", "admission/Control-v1", Map.of("timeLimit", 2000))
                .plugin("algorithm", "rl/q-learning", Map.of()).settings("budget", Map.of("steps", 8_000_000)).seeds(List.of(1L, 2L)).text();
        editor.setText(big);
        editor.save();
        Path file = editor.file();
        ExperimentRunner runner = app.get(ExperimentRunner.class);
        double quiet = 0;
        double followed = 0;
        long points = 0;
        double seconds = 0;
        int rounds = 2;
        for (int i = 0; i < rounds; i++) {
            Path folder = file.resolveSibling("quiet-" + i);
            java.util.concurrent.atomic.AtomicReference<Object> done = new java.util.concurrent.atomic.AtomicReference<>();
            Thread t = new Thread(() -> {
                try {
                    done.set(runner.run(runner.load(file), new RunOptions(folder, null, RunListener.NONE, null)));
                } catch (Throwable e) {
                    done.set(e);
                }
            });
            t.start();
            waitFor("the quiet run " + i, () -> done.get() != null);
            check(done.get() instanceof org.nettwin.lab.RunResult, "the quiet run finished: " + done.get());
            quiet += wallSeconds(folder);
            int n = live.runs().size();
            execute(wc, "org.nettwin.ui.command.run");
            waitFor("a followed run starts", () -> live.runs().size() == n + 1);
            LiveRun r = live.runs().get(n);
            waitFor("the followed run " + i, () -> r.state() != LiveRun.State.RUNNING);
            check(r.state() == LiveRun.State.FINISHED, "the followed run finished: " + r.message());
            settle(300);
            followed += wallSeconds(r.folder());
            points += r.curves().points();
            seconds += wallSeconds(r.folder());
        }
        say(String.format(Locale.ROOT, "live chart cost: runs of %d points (%.0f points/s) took %.3f s followed live vs %.3f s quiet (%+.1f%%); "
                + "chart redraws %.2f ms each", points / rounds, points / seconds, followed / rounds, quiet / rounds, 100 * (followed - quiet) / quiet,
                live.redrawMillis()));
        editor.setText(good);
        editor.save();
    }

    /** The runs view on a folder of 1,000 runs: copies of a finished run. */
    private void measureRunsView(RunsPart runs, Path finished) throws Exception {
        Path folder = finished.getParent();
        for (int i = 0; i < 1000; i++) {
            Path copy = Files.createDirectories(folder.resolve("copy-" + i));
            try (java.util.stream.Stream<Path> files = Files.list(finished)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(f, copy.resolve(f.getFileName()));
                }
            }
        }
        runs.reload();
        settle(200);
        runs.reload(); // the second, with the file system cache warm, is what a person sees on opening the view again
        check(runs.shown().size() >= 1000, "the runs view lists the 1,000 runs: " + runs.shown().size());
        say("runs view: " + runs.shown().size() + " runs in " + runs.lastLoadMillis() + " ms");
    }

    private static double wallSeconds(Path run) throws java.io.IOException {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"wall_seconds\"\\s*:\\s*([0-9.eE+-]+)\\s*}\\s*$")
                .matcher(Files.readString(run.resolve("summary.json")));
        check(m.find(), "summary.json of " + run + " ends with wall_seconds");
        return Double.parseDouble(m.group(1));
    }

    /** Fills the wizard in and presses Finish (runs inside the wizard's modal loop). */
    private void fillWizard(String name) {
        Shell wizard = null;
        for (Shell s : display.getShells()) {
            if ("New experiment".equals(s.getText())) {
                wizard = s;
            }
        }
        if (wizard == null) {
            display.timerExec(200, () -> fillWizard(name));
            return;
        }
        type(wizard, "wizard.name", name);
        pick(wizard, "wizard.kind", "train");
        pick(wizard, "wizard.scenario.id", "admission/Control-v1");
        pick(wizard, "wizard.algorithm.id", "rl/q-learning");
        type(wizard, "wizard.budget.steps", "30000");
        type(wizard, "wizard.seeds", "1 2");
        settle(200);
        try {
            shot(wizard, "wizard");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Button finish = find(wizard, Button.class, b -> b.getText().replace("&", "").equals("Finish"));
        check(finish.isEnabled(), "Finish is enabled once the wizard is filled in");
        finish.notifyListeners(SWT.Selection, null);
    }

    private void type(Composite root, String id, String text) {
        Text t = find(root, Text.class, c -> id.equals(c.getData("nettwin.id")));
        t.setText(text);
    }

    private void pick(Composite root, String id, String item) {
        Combo c = find(root, Combo.class, x -> id.equals(x.getData("nettwin.id")));
        int i = c.indexOf(item);
        check(i >= 0, id + " offers " + item + ": " + List.of(c.getItems()));
        c.select(i);
        c.notifyListeners(SWT.Selection, null);
    }

    private static <T extends Control> T find(Composite root, Class<T> type, java.util.function.Predicate<T> match) {
        for (Control c : root.getChildren()) {
            if (type.isInstance(c) && match.test(type.cast(c))) {
                return type.cast(c);
            }
            if (c instanceof Composite k) {
                try {
                    return find(k, type, match);
                } catch (IllegalStateException e) {
                    // not under this one
                }
            }
        }
        throw new IllegalStateException("no " + type.getSimpleName() + " found");
    }

    private static int indexOf(List<RunRow> rows, Path folder) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).folder().toAbsolutePath().equals(folder.toAbsolutePath())) {
                return i;
            }
        }
        return -1;
    }

    private void execute(IEclipseContext wc, String command) {
        ECommandService commands = wc.get(ECommandService.class);
        EHandlerService handlers = wc.get(EHandlerService.class);
        handlers.executeHandler(commands.createCommand(command, null));
    }

    private void waitFor(String what, BooleanSupplier condition) {
        long end = System.currentTimeMillis() + TIMEOUT_MS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("timed out: " + what);
            }
            settle(50);
        }
    }

    private void settle(long millis) {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            if (!display.readAndDispatch()) {
                display.timerExec(10, () -> {
                });
                display.sleep();
            }
        }
    }

    private void shot(Shell shell, String name) throws java.io.IOException {
        SmokeCheck.screenshot(shell, out.resolve(name + ".png"));
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }

    private static void say(String line) {
        System.out.println("e2e: " + line);
        System.out.flush();
    }
}
