package org.nettwin.cli.internal;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.apache.felix.fileinstall.ArtifactInstaller;
import org.eclipse.osgi.service.environment.EnvironmentInfo;
import org.nettwin.lab.ExperimentRunner;
import org.nettwin.lab.PluginCatalog;
import org.nettwin.lab.PluginSource;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The headless application. When the runtime is started by the {@code nettwin} script (system
 * property {@code nettwin.headless=true}), it waits until every bundle has started, runs the
 * command given on the command line and exits the JVM with the command's status. With
 * {@code nettwin.watchPlugins=true} instead (the Workbench) it only watches the plugins folder, as
 * {@code serve} does. Without either (tests) it does nothing.
 */
@Component(immediate = true)
public final class HeadlessLauncher {

    private final BundleContext context;
    private final Commands commands;
    private final EnvironmentInfo environment;
    private final CountDownLatch stopped = new CountDownLatch(1);

    /** Only a FileInstall that is stuck takes this long: it normally handles the folder while it starts. */
    private static final long FILE_INSTALL_PATIENCE_MILLIS = 30_000;

    /** DS constructor injection. */
    @Activate
    public HeadlessLauncher(BundleContext context, @Reference PluginCatalog catalog, @Reference ExperimentRunner runner,
            @Reference EnvironmentInfo environment) {
        this.context = context;
        this.environment = environment;
        this.commands = new Commands(catalog, runner);
        if (Boolean.getBoolean("nettwin.headless")) {
            Thread main = new Thread(this::main, "nettwin-main");
            main.setDaemon(false);
            main.start();
        } else if (Boolean.getBoolean("nettwin.watchPlugins")) {
            // the Workbench: no command to run, but the same watched plugins folder as 'nettwin serve'
            Thread watch = new Thread(this::watchOnly, "nettwin-plugins");
            watch.setDaemon(true);
            watch.start();
        }
    }

    /** Watches the folder of system property {@code nettwin.plugins} for plugin jars, as {@code serve} does. */
    private void watchOnly() {
        try {
            awaitFrameworkStarted();
            Path plugins = pluginFolder(List.of());
            if (plugins != null) {
                watchPlugins(plugins, true);
            }
        } catch (BundleException | java.io.IOException e) {
            System.err.println("nettwin: cannot watch the plugins folder: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The framework (or this bundle) is stopping: let a serving main thread exit. */
    @Deactivate
    void deactivate() {
        stopped.countDown();
    }

    private void main() {
        int status;
        try {
            awaitFrameworkStarted();
            List<String> args = List.of(environment.getNonFrameworkArgs());
            boolean serving = !args.isEmpty() && args.get(0).equals("serve");
            Path plugins = pluginFolder(args);
            if (serving && args.contains("--plugins") && plugins != null && !Files.isDirectory(plugins)) {
                // a mistyped folder is not created silently: nothing would ever be found in it
                System.err.println("nettwin serve: plugin folder " + plugins + " does not exist; create it or correct the path");
                status = Commands.USAGE;
            } else {
                if (plugins != null) {
                    watchPlugins(plugins, serving);
                }
                status = dispatch(args, System.out, System.err);
            }
        } catch (BundleException | java.io.IOException e) {
            System.err.println("nettwin: cannot load plugins: " + e.getMessage());
            status = Commands.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = Commands.FAILED;
        } catch (OutOfMemoryError e) {
            System.err.println("nettwin: out of memory (" + e.getMessage() + "); give the JVM more with NETTWIN_JVM_OPTS=-Xmx8g");
            status = Commands.FAILED;
        } catch (Throwable e) {
            // an Error (or anything) must end the process with a message, never leave the framework up
            System.err.println("nettwin: internal error: " + e);
            e.printStackTrace();
            status = Commands.FAILED;
        }
        if (status >= 0) {
            System.out.flush();
            System.err.flush();
            exit(status);
        }
    }

    /** How long the framework may take to shut down after a command before the process is halted. */
    static final long EXIT_GRACE_MS = 20_000;

    /**
     * Exits with {@code status}; a watchdog halts the JVM if shutting down hangs (a plugin thread or
     * shutdown hook that never returns), so scripts and CI never wait for ever.
     */
    private static void exit(int status) {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(EXIT_GRACE_MS);
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("nettwin: the runtime did not stop within " + EXIT_GRACE_MS / 1000 + " s; halting");
            Runtime.getRuntime().halt(status == 0 ? Commands.FAILED : status);
        }, "nettwin-exit-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        System.exit(status);
    }

    private void awaitFrameworkStarted() throws InterruptedException {
        Bundle system = context.getBundle(0);
        if (system.getState() == Bundle.ACTIVE) {
            return;
        }
        CountDownLatch started = new CountDownLatch(1);
        FrameworkListener listener = event -> {
            if (event.getType() == FrameworkEvent.STARTED) {
                started.countDown();
            }
        };
        context.addFrameworkListener(listener);
        try {
            if (system.getState() != Bundle.ACTIVE) {
                started.await();
            }
        } finally {
            context.removeFrameworkListener(listener);
        }
    }

    /** @return the exit status, or -1 to keep the runtime up (serve) */
    int dispatch(List<String> args, PrintStream out, PrintStream err) throws InterruptedException {
        if (args.isEmpty()) {
            err.print(Commands.USAGE_TEXT);
            return Commands.USAGE;
        }
        List<String> rest = args.subList(1, args.size());
        return switch (args.get(0)) {
            case "list" -> commands.list(rest, out, err);
            case "run" -> commands.run(rest, out, err);
            case "collect" -> commands.collect(rest, out, err);
            case "clean" -> commands.clean(rest, out, err);
            case "demo" -> commands.demo(rest, out, err);
            case "serve" -> serve(rest, err);
            case "help", "--help", "-h" -> {
                out.print(Commands.USAGE_TEXT);
                yield Commands.OK;
            }
            default -> {
                err.println("nettwin: unknown command '" + args.get(0) + "'\n" + Commands.USAGE_TEXT);
                yield Commands.USAGE;
            }
        };
    }

    /** @return the plugin folder: {@code serve --plugins DIR}, else system property {@code nettwin.plugins}, else none */
    private static Path pluginFolder(List<String> args) {
        int at = args.indexOf("--plugins");
        if (!args.isEmpty() && args.get(0).equals("serve") && at > 0 && at + 1 < args.size()) {
            return Path.of(args.get(at + 1));
        }
        String p = System.getProperty("nettwin.plugins");
        return p == null || p.isBlank() ? null : Path.of(p);
    }

    /**
     * Installs and starts the bundle jars of {@code folder} before the command runs: Felix
     * FileInstall watches the folder and hands each jar to a {@link PluginFolder}, which installs it
     * or records why not (and tells the catalog, as a {@link PluginSource}). In serve mode
     * FileInstall keeps watching, so jars dropped in later register their services, changed ones
     * are updated and removed ones uninstalled.
     */
    private void watchPlugins(Path folder, boolean serving) throws java.io.IOException, BundleException, InterruptedException {
        Files.createDirectories(folder);
        Path dir = folder.toAbsolutePath().normalize();
        PluginFolder plugins = new PluginFolder(context, dir);
        // registered before FileInstall starts, so that it hands every jar to this installer from its first scan on
        context.registerService(new String[] {ArtifactInstaller.class.getName(), PluginSource.class.getName()}, plugins, null);
        System.setProperty("felix.fileinstall.dir", dir.toString());
        System.setProperty("felix.fileinstall.filter", ".*\\.jar");
        System.setProperty("felix.fileinstall.poll", serving ? "500" : "3600000");
        System.setProperty("felix.fileinstall.noInitialDelay", "true");
        System.setProperty("felix.fileinstall.log.level", "2");
        List<Path> jars;
        try (var files = Files.list(dir)) {
            jars = files.filter(f -> f.getFileName().toString().endsWith(".jar")).toList();
        }
        // with noInitialDelay, FileInstall scans the folder (and the installer installs or refuses every jar) inside start()
        start("org.apache.felix.fileinstall");
        List<Path> pending = plugins.awaitHandled(jars, FILE_INSTALL_PATIENCE_MILLIS);
        if (!pending.isEmpty()) {
            System.err.println("nettwin: FileInstall has not handled " + pending + " after " + FILE_INSTALL_PATIENCE_MILLIS / 1000
                    + " s; going on without them");
        }
    }

    private int serve(List<String> args, PrintStream err) throws InterruptedException {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--plugins") && i + 1 < args.size()) {
                i++;
            } else {
                err.println("nettwin serve: unexpected argument '" + args.get(i) + "'\n" + Commands.USAGE_TEXT);
                return Commands.USAGE;
            }
        }
        try {
            System.setProperty("gosh.args", "--noshutdown");
            start("org.apache.felix.gogo.runtime");
            start("org.apache.felix.gogo.command");
            start("org.apache.felix.gogo.shell");
        } catch (BundleException e) {
            err.println("nettwin serve: cannot start the console: " + e.getMessage());
            return Commands.FAILED;
        }
        err.println("nettwin serve: runtime up; watching " + System.getProperty("felix.fileinstall.dir", "(no plugin folder)")
                + " for plugin jars; console commands: nettwin:list [--json], nettwin:run FILE [--out DIR] [--seed N]; "
                + "'stop 0' shuts down");
        // keep the JVM up until the framework stops (which deactivates this component)
        stopped.await();
        return Commands.OK;
    }

    private void start(String symbolicName) throws BundleException {
        Bundle match = Arrays.stream(context.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst()
                .orElseThrow(() -> new BundleException(symbolicName + " is not installed in this runtime"));
        match.start(Bundle.START_TRANSIENT);
    }

}
