package org.nettwin.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.nettwin.api.io.AtomicFolder;
import org.nettwin.lab.Experiment;
import org.nettwin.lab.ExperimentException;
import org.nettwin.lab.ExperimentRunner;
import org.nettwin.lab.RunOptions;
import org.nettwin.lab.RunResult;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * {@code nettwin demo [--quick] [--out DIR]}: the headline experiment. Runs the shipped twin-loop
 * experiments of {@code examples/demo/} (or {@code examples/demo/quick/}) — vanilla DRL against
 * DT-enhanced DRL, same seeds — each into a subfolder, and writes a {@code summary.json} whose top
 * level carries the first experiment's comparison ({@code vanilla_real_steps},
 * {@code twin_real_steps}, {@code real_steps_ratio}, per seed) and, under {@code runs}, every
 * experiment's summary. The whole folder appears at once or not at all.
 */
final class DemoCommand {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ExperimentRunner runner;

    DemoCommand(ExperimentRunner runner) {
        this.runner = runner;
    }

    int run(List<String> args, PrintStream out, PrintStream err) {
        boolean quick = false;
        Path output = null;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--quick" -> quick = true;
                case "--out" -> {
                    if (++i >= args.size()) {
                        err.println("nettwin demo: --out needs a folder");
                        return Commands.USAGE;
                    }
                    output = Path.of(args.get(i));
                }
                default -> {
                    err.println("nettwin demo: unexpected argument '" + args.get(i) + "'\n" + Commands.USAGE_TEXT);
                    return Commands.USAGE;
                }
            }
        }
        Path folder = Path.of(System.getProperty("nettwin.home", "."), "examples", "demo");
        if (quick) {
            folder = folder.resolve("quick");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted(Comparator.comparing(Path::toString)).toList();
        } catch (IOException e) {
            err.println("nettwin demo: cannot read the demo experiments in " + folder + ": " + e.getMessage());
            return Commands.FAILED;
        }
        if (files.isEmpty()) {
            err.println("nettwin demo: no experiment files in " + folder);
            return Commands.FAILED;
        }
        if (output == null) {
            try {
                output = org.nettwin.lab.RunFolders.fresh(Path.of("runs"), quick ? "demo-quick" : "demo");
            } catch (IOException e) {
                err.println("nettwin demo: " + RunFolders.describe(e));
                return Commands.FAILED;
            }
        }
        if (Files.exists(output)) {
            err.println("nettwin demo: output folder " + output + " already exists; choose another --out or remove it");
            return Commands.USAGE;
        }
        List<Experiment> experiments = new ArrayList<>();
        try {
            for (Path f : files) {
                Experiment e = runner.load(f);
                runner.validate(e);
                experiments.add(e);
            }
        } catch (ExperimentException e) {
            e.problems().forEach(err::println);
            return Commands.USAGE;
        } catch (IOException e) {
            err.println("nettwin demo: " + e.getMessage());
            return Commands.FAILED;
        }
        try (AtomicFolder published = AtomicFolder.claim(output)) {
            Path staging = published.staging();
            Map<String, Object> runs = new LinkedHashMap<>();
            for (Experiment e : experiments) {
                err.println("nettwin demo: " + e.name() + " (" + e.type() + ", " + e.seeds().size() + " seeds)");
                RunResult result = runner.run(e, new RunOptions(staging.resolve(e.name()), err));
                runs.put(e.name(), result.summary());
                result.lines().forEach(out::println);
            }
            Map<String, Object> top = new LinkedHashMap<>(castFirst(runs));
            top.put("demo", quick ? "quick" : "default");
            top.put("headline_experiment", experiments.get(0).name());
            top.put("runs", runs);
            Files.writeString(staging.resolve("summary.json"), JSON.writeValueAsString(top) + "\n", StandardCharsets.UTF_8);
            published.commit();
            out.println("results in " + output.toAbsolutePath().normalize());
            return Commands.OK;
        } catch (AtomicFolder.TakenException e) {
            err.println("nettwin demo: " + e.getMessage());
            return Commands.USAGE;
        } catch (IOException e) {
            err.println("nettwin demo: " + RunFolders.describe(e));
            return Commands.FAILED;
        } catch (RuntimeException e) {
            err.println("nettwin demo: the run failed: " + e);
            e.printStackTrace(err);
            return Commands.FAILED;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castFirst(Map<String, Object> runs) {
        Map<String, Object> first = (Map<String, Object>) runs.values().iterator().next();
        Map<String, Object> copy = new LinkedHashMap<>(first);
        copy.remove("per_seed");
        copy.put("per_seed", first.get("per_seed"));
        return copy;
    }
}
