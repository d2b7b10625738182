package org.nettwin.lab.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nettwin.api.experiment.Report;
import org.nettwin.api.experiment.ReportContext;
import org.nettwin.api.experiment.Study;
import org.nettwin.api.experiment.UnitResult;
import org.nettwin.api.io.AtomicFolder;
import org.nettwin.lab.Experiment;
import org.nettwin.lab.ExperimentException;
import org.nettwin.lab.ExperimentRunner;
import org.nettwin.lab.PluginCatalog;
import org.nettwin.lab.RunOptions;
import org.nettwin.lab.RunResult;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Runs experiments of every kind the same way: read the file, resolve it against its experiment
 * kind and the installed plugins (every problem located, nothing created), run the study's units,
 * write {@code metrics.csv}, let the kind write its report, add {@code summary.json} and
 * {@code experiment.json}, and publish the run folder atomically. It knows no kind.
 */
@Component(service = ExperimentRunner.class)
public final class DefaultExperimentRunner implements ExperimentRunner {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final PluginCatalog catalog;
    private final BundleContext context;

    /** DS constructor injection. */
    @Activate
    public DefaultExperimentRunner(BundleContext context, @Reference PluginCatalog catalog) {
        this.context = context;
        this.catalog = catalog;
    }

    @Override
    public Experiment load(Path file) throws IOException {
        return ExperimentReader.read(file);
    }

    @Override
    public Experiment read(Path file, byte[] content) throws IOException {
        return ExperimentReader.read(file, content);
    }

    @Override
    public void validate(Experiment experiment) {
        ExperimentResolution.resolve(experiment, catalog).close();
    }

    @Override
    public RunResult run(Experiment e, RunOptions options) throws IOException {
        long start = System.nanoTime();
        try (ExperimentResolution r = ExperimentResolution.resolve(e, catalog); AtomicFolder folder = AtomicFolder.claim(options.output())) {
            RunStore store = RunStore.create(folder.staging(), new RunStore.Source(e.file(), ExperimentReader.bytes(e.file()), e.seeds(),
                    RunDescription.bundles(r)));
            return execute(r, folder, store, options, start);
        }
    }

    @Override
    public RunResult resume(Path output, RunOptions options) throws IOException {
        long start = System.nanoTime();
        AtomicFolder.Claim claim = AtomicFolder.read(output).orElseThrow(() -> new java.nio.file.NoSuchFileException(output.toString(), null,
                "no unfinished run claims this folder"));
        // everything is checked before the claim is taken over: a refused resume leaves what the run wrote as it was
        RunStore.Source source = RunStore.open(claim.staging()).source();
        Experiment e = ExperimentReader.read(source.file(), source.content()).withSeeds(source.seeds());
        try (ExperimentResolution r = ExperimentResolution.resolve(e, catalog)) {
            Map<String, String> now = RunDescription.bundles(r);
            if (!now.equals(source.bundles())) {
                throw new ExperimentException(List.of(e.file() + ":1:1: the run started with the plugin bundles " + source.bundles()
                        + "; this runtime has " + now + "; resume it with the same plugins"));
            }
            try (AtomicFolder folder = AtomicFolder.resume(output)) {
                if (options.progress() != null) {
                    options.progress().println("resuming " + output + " (" + e.name() + ")");
                }
                return execute(r, folder, RunStore.open(folder.staging()), options, start);
            }
        }
    }

    private RunResult execute(ExperimentResolution r, AtomicFolder folder, RunStore store, RunOptions options, long start) throws IOException {
        Experiment e = r.experiment();
        Thread cleanup = new Thread(() -> {
            try {
                folder.close();
            } catch (IOException ignored) {
                // best effort on interrupt: the hidden staging folder may remain (nettwin clean removes it)
            }
        }, "nettwin-run-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            Study study = r.study();
            Path dir = folder.staging();
            List<UnitResult> results = new UnitExecutor(study, study.units(), dir, options, store).run();
            MetricsCsv.write(dir.resolve("metrics.csv"), results);
            Report report = study.report(results, new ReportContext() {
                @Override
                public Path folder() {
                    return dir;
                }

                @Override
                public double wallSeconds() {
                    return (System.nanoTime() - start) / 1e9;
                }
            });
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("experiment", e.name());
            summary.put("type", e.type());
            summary.putAll(report.summary());
            summary.putIfAbsent("wall_seconds", (System.nanoTime() - start) / 1e9);
            writeJson(dir.resolve("summary.json"), summary);
            writeJson(dir.resolve("experiment.json"), RunDescription.of(r, context));
            store.delete();
            folder.commit();
            return new RunResult(folder.target(), summary, report.lines());
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or will run; nothing to undo
            }
        }
    }

    static void writeJson(Path file, Object value) throws IOException {
        Files.writeString(file, JSON.writeValueAsString(value) + "\n", StandardCharsets.UTF_8);
    }
}
