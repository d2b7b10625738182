package org.nettwin.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.nettwin.api.NetTwinException;
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
              collect EXPERIMENT.json [--out DIR] [--seed N]  record a behaviour policy's transitions as datasets
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
        Long seed = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--out" -> {
                    if (++i >= args.size()) {
                        return usage(err, "--out needs a folder");
                    }
                    output = Path.of(args.get(i));
                }
                case "--seed" -> {
                    if (++i >= args.size()) {
                        return usage(err, "--seed needs a whole number");
                    }
                    try {
                        seed = Long.parseLong(args.get(i));
                    } catch (NumberFormatException e) {
                        return usage(err, "--seed needs a whole number, got '" + args.get(i) + "'");
                    }
                }
                default -> {
                    if (a.startsWith("--") || file != null) {
                        return usage(err, "unexpected argument '" + a + "'");
                    }
                    file = Path.of(a);
                }
            }
        }
        if (file == null) {
            return usage(err, "run needs an experiment file");
        }
        try {
            Experiment experiment = runner.load(file);
            if (requiredType != null && !experiment.type().equals(requiredType)) {
                err.println(experiment.locate("type") + ": type: nettwin " + command + " needs an experiment of type \"" + requiredType
                        + "\"; use nettwin run for other types");
                return USAGE;
            }
            if (seed != null) {
                experiment = experiment.withSeed(seed);
            }
            if (output == null) {
                output = Path.of("runs", experiment.name() + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
            }
            if (Files.exists(output)) {
                err.println("nettwin " + command + ": output folder " + output + " already exists; choose another --out or remove it");
                return USAGE;
            }
            runner.validate(experiment);
            err.println("nettwin " + command + ": " + experiment.name() + ": a \"" + experiment.type() + "\" experiment, "
                    + experiment.seeds().size() + " seed(s)");
            RunResult result = runner.run(experiment, new RunOptions(output, err));
            result.lines().forEach(out::println);
            out.printf(Locale.ROOT, "results in %s%n", result.folder());
            return OK;
        } catch (ExperimentException e) {
            for (String p : e.problems()) {
                err.println(p);
            }
            return USAGE;
        } catch (NoSuchFileException e) {
            err.println("nettwin " + command + ": no such file: " + e.getFile());
            return USAGE;
        } catch (IOException e) {
            err.println("nettwin " + command + ": " + e.getMessage());
            return FAILED;
        } catch (NetTwinException e) {
            err.println("nettwin " + command + ": " + e.getMessage());
            return FAILED;
        } catch (RuntimeException e) {
            err.println("nettwin " + command + ": the run failed: " + e);
            e.printStackTrace(err);
            return FAILED;
        }
    }

    private static int usage(PrintStream err, String message) {
        err.println("nettwin run: " + message + "\n" + USAGE_TEXT);
        return USAGE;
    }
}
