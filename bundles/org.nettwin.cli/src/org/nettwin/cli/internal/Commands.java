package org.nettwin.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.nettwin.api.NetTwinException;
import org.nettwin.api.io.AtomicFolder;
import org.nettwin.lab.Experiment;
import org.nettwin.lab.ExperimentException;
import org.nettwin.lab.ExperimentRunner;
import org.nettwin.lab.FailedPlugin;
import org.nettwin.lab.PluginCatalog;
import org.nettwin.lab.PluginEntry;
import org.nettwin.lab.PluginKind;
import org.nettwin.lab.RunOptions;
import org.nettwin.lab.RunResult;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The commands shared by the one-shot command line and the Gogo console. Each returns a process
 * exit status: 0 success, 1 failure while running, 2 bad usage or invalid input.
 */
final class Commands {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    static final String USAGE_TEXT = """
            usage: nettwin COMMAND [ARGS]
              list [--json] [--verbose]                   list installed plugins (and failed ones; --verbose: with their stack traces)
              run EXPERIMENT.json [--out DIR] [--seed N]  run an experiment; writes DIR atomically
              run --resume DIR                            continue a run that was killed before it finished
              collect EXPERIMENT.json [--out DIR] [--seed N]  record a behaviour policy's transitions as datasets
              clean [FOLDER]                              remove what runs killed before they finished left in FOLDER (default runs)
              demo [--quick] [--out DIR]                  vanilla vs DT-enhanced DRL on the slicing scenarios (examples/demo)
              serve [--plugins DIR]                       keep a runtime up: Gogo console + watched plugin folder
              bench [REGEX] [--json FILE]                 run the JMH benchmarks
              test                                        build and run every test
            """;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final PluginCatalog catalog;
    private final ExperimentRunner runner;
    private final DemoCommand demo;

    Commands(PluginCatalog catalog, ExperimentRunner runner) {
        this.catalog = catalog;
        this.runner = runner;
        this.demo = new DemoCommand(runner);
    }

    int demo(List<String> args, PrintStream out, PrintStream err) {
        return demo.run(args, out, err);
    }

    int list(List<String> args, PrintStream out, PrintStream err) {
        boolean json = false;
        boolean verbose = false;
        for (String a : args) {
            if (a.equals("--json")) {
                json = true;
            } else if (a.equals("--verbose")) {
                verbose = true;
            } else {
                err.println("nettwin list: unknown option '" + a + "'\n" + USAGE_TEXT);
                return USAGE;
            }
        }
        List<PluginEntry> entries = catalog.list();
        List<FailedPlugin> failed = catalog.failed();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            for (PluginKind kind : PluginKind.values()) {
                List<Map<String, Object>> items = new ArrayList<>();
                for (PluginEntry e : entries) {
                    if (e.kind() == kind) {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("id", e.id());
                        m.put("version", e.version());
                        m.put("bundle", e.bundle());
                        m.put("title", e.title());
                        m.put("description", e.description());
                        items.add(m);
                    }
                }
                doc.put(kind.key(), items);
            }
            List<Map<String, Object>> bad = new ArrayList<>();
            for (FailedPlugin f : failed) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", f.id());
                m.put("version", f.version());
                m.put("bundle", f.bundle());
                m.put("error", f.error());
                m.put("source", f.source().isEmpty() ? null : f.source());
                m.put("detail", f.detail().isEmpty() ? null : f.detail());
                bad.add(m);
            }
            doc.put("failed", bad);
            try {
                out.println(JSON.writeValueAsString(doc));
            } catch (IOException e) {
                err.println("nettwin list: " + e.getMessage());
                return FAILED;
            }
            return OK;
        }
        for (PluginKind kind : PluginKind.values()) {
            List<PluginEntry> of = entries.stream().filter(e -> e.kind() == kind).toList();
            out.println(kind.key() + " (" + of.size() + ")");
            int width = of.stream().mapToInt(e -> e.id().length()).max().orElse(0);
            for (PluginEntry e : of) {
                out.printf(Locale.ROOT, "  %-" + width + "s  %s  [%s %s]%n", e.id(), e.title(), e.bundle(), e.version());
            }
        }
        if (!failed.isEmpty()) {
            out.println("failed (" + failed.size() + ")");
            for (FailedPlugin f : failed) {
                out.println("  " + oneLine(f));
                if (verbose && !f.detail().isEmpty()) {
                    f.detail().lines().forEach(line -> out.println("      " + line));
                }
            }
            if (!verbose && failed.stream().anyMatch(f -> !f.detail().isEmpty())) {
                out.println("(list --verbose adds the stack traces)");
            }
        }
        return OK;
    }

    /** {@code FILE: ID [BUNDLE VERSION]: ERROR}, leaving out what is not known. */
    static String oneLine(FailedPlugin f) {
        List<String> who = new ArrayList<>();
        if (!f.id().isEmpty()) {
            who.add(f.id());
        }
        if (!f.bundle().isEmpty()) {
            who.add("[" + f.bundle() + (f.version().isEmpty() ? "" : " " + f.version()) + "]");
        }
        return (f.source().isEmpty() ? "" : Path.of(f.source()).getFileName() + ": ") + (who.isEmpty() ? "" : String.join(" ", who) + ": ")
                + f.error();
    }

    int run(List<String> args, PrintStream out, PrintStream err) {
        return execute("run", null, args, out, err);
    }

    /** Like run, for experiments of type "collect" only. */
    int collect(List<String> args, PrintStream out, PrintStream err) {
        return execute("collect", "collect", args, out, err);
    }

    private int execute(String command, String requiredType, List<String> args, PrintStream out, PrintStream err) {
        Path file = null;
        Path output = null;
        Path resume = null;
        Long seed = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--out" -> {
                    if (++i >= args.size()) {
                        return usage(err, command, "--out needs a folder");
                    }
                    output = Path.of(args.get(i));
                }
                case "--resume" -> {
                    if (++i >= args.size() || !command.equals("run")) {
                        return usage(err, command, command.equals("run") ? "--resume needs the run folder" : "--resume is for nettwin run");
                    }
                    resume = Path.of(args.get(i));
                }
                case "--seed" -> {
                    if (++i >= args.size()) {
                        return usage(err, command, "--seed needs a whole number");
                    }
                    try {
                        seed = Long.parseLong(args.get(i));
                    } catch (NumberFormatException e) {
                        return usage(err, command, "--seed needs a whole number, got '" + args.get(i) + "'");
                    }
                }
                default -> {
                    if (a.startsWith("--") || file != null) {
                        return usage(err, command, "unexpected argument '" + a + "'");
                    }
                    file = Path.of(a);
                }
            }
        }
        if (resume != null && (file != null || output != null || seed != null)) {
            return usage(err, command, "--resume DIR continues a run as it was started; give no file, --out or --seed with it");
        }
        if (file == null && resume == null) {
            return usage(err, command, command + " needs an experiment file");
        }
        try {
            RunResult result;
            if (resume != null) {
                result = runner.resume(resume, new RunOptions(resume, err));
            } else {
                Experiment experiment = runner.load(file);
                if (requiredType != null && !experiment.type().equals(requiredType)) {
                    err.println(experiment.locate("type") + ": type: nettwin " + command + " needs an experiment of type \"" + requiredType
                            + "\"; use nettwin run for other types");
                    return USAGE;
                }
                if (seed != null) {
                    experiment = experiment.withSeed(seed);
                }
                runner.validate(experiment);
                boolean named = output != null;
                if (!named) {
                    output = org.nettwin.lab.RunFolders.fresh(Path.of("runs"), experiment.name());
                }
                for (int attempt = 1;; attempt++) {
                    err.println("nettwin " + command + ": " + experiment.name() + ": a \"" + experiment.type() + "\" experiment, "
                            + experiment.seeds().size() + " seed(s), into " + output);
                    try {
                        result = runner.run(experiment, new RunOptions(output, err));
                        break;
                    } catch (AtomicFolder.TakenException taken) {
                        // a default name is this run's to choose: another run started in the same
                        // millisecond claimed it first, so take the next free one (the claim comes
                        // before any work, so nothing is lost); a named --out stays refused
                        if (named || attempt == 20) {
                            throw taken;
                        }
                        output = org.nettwin.lab.RunFolders.fresh(Path.of("runs"), experiment.name());
                    }
                }
            }
            result.lines().forEach(out::println);
            out.printf(Locale.ROOT, "results in %s%n", result.folder());
            return OK;
        } catch (ExperimentException e) {
            for (String p : e.problems()) {
                err.println(p);
            }
            return USAGE;
        } catch (AtomicFolder.TakenException e) {
            err.println("nettwin " + command + ": " + e.getMessage());
            return USAGE;
        } catch (NoSuchFileException e) {
            err.println("nettwin " + command + ": " + e.getFile() + ": " + (e.getReason() == null ? "no such file" : e.getReason()));
            return USAGE;
        } catch (java.nio.file.AccessDeniedException e) {
            err.println("nettwin " + command + ": " + e.getFile() + ": permission denied");
            return e.getFile() != null && file != null && Path.of(e.getFile()).equals(file) ? USAGE : FAILED;
        } catch (IOException e) {
            err.println("nettwin " + command + ": " + RunFolders.describe(e));
            return FAILED;
        } catch (NetTwinException e) {
            err.println("nettwin " + command + ": " + e.getMessage());
            return FAILED;
        } catch (java.util.concurrent.CancellationException e) {
            err.println("nettwin " + command + ": " + e.getMessage());
            return FAILED;
        } catch (OutOfMemoryError e) {
            err.println("nettwin " + command + ": the run ran out of memory (" + e.getMessage() + "); nothing was written. Give the JVM more with "
                    + "NETTWIN_JVM_OPTS=-Xmx8g (now at most " + java.lang.Runtime.getRuntime().maxMemory() / (1 << 20) + " MB), or make the "
                    + "experiment smaller (replay capacity, agents, seeds run at once: -Dnettwin.threads=1)");
            return FAILED;
        } catch (RuntimeException | Error e) {
            err.println("nettwin " + command + ": the run failed: " + RunFolders.describe(e));
            if (Boolean.getBoolean("nettwin.trace") || !(e instanceof IllegalArgumentException || e instanceof IllegalStateException)) {
                e.printStackTrace(err);
            }
            return FAILED;
        }
    }

    /** {@code clean [FOLDER]}: removes the claims and staging folders of runs that stopped before they finished. */
    int clean(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() > 1 || (!args.isEmpty() && args.get(0).startsWith("--"))) {
            return usage(err, "clean", "clean takes one folder (default runs)");
        }
        Path folder = Path.of(args.isEmpty() ? "runs" : args.get(0));
        try {
            List<AtomicFolder.Claim> stale = AtomicFolder.stale(folder);
            for (AtomicFolder.Claim c : stale) {
                c.clean();
                out.println("removed the unfinished run " + c);
            }
            out.println(stale.isEmpty() ? "nothing to clean in " + folder : "removed " + stale.size() + " unfinished run(s) in " + folder);
            return OK;
        } catch (IOException e) {
            err.println("nettwin clean: " + RunFolders.describe(e));
            return FAILED;
        }
    }

    private static int usage(PrintStream err, String command, String message) {
        err.println("nettwin " + command + ": " + message + "\n" + USAGE_TEXT);
        return USAGE;
    }
}
