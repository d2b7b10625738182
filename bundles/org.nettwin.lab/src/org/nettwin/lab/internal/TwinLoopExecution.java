package org.nettwin.lab.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.nettwin.lab.Experiment;
import org.nettwin.lab.RunResult;

/**
 * Runs every (seed, arm) of a twin-loop experiment — in parallel on up to {@code nettwin.threads}
 * threads (default: the cores, at most 2), each with its own environments and agents, so the
 * numbers do not depend on the schedule — then writes {@code metrics.csv} in seed order,
 * {@code summary.json}, {@code reward.png} and {@code twin-error.png}.
 */
final class TwinLoopExecution {

    private final Experiment experiment;
    private final TwinLoopRun.Plugins plugins;
    private final PrintStream progressOut;

    TwinLoopExecution(Experiment experiment, TwinLoopRun.Plugins plugins, PrintStream progressOut) {
        this.experiment = experiment;
        this.plugins = plugins;
        this.progressOut = progressOut;
    }

    static int threads() {
        return Math.max(1, Integer.getInteger("nettwin.threads", Math.min(2, Runtime.getRuntime().availableProcessors())));
    }

    List<RunResult.SeedResult> run(Path dir) throws IOException {
        long start = System.nanoTime();
        boolean vanilla = experiment.loop().vanilla();
        long total = experiment.budget().steps() * experiment.seeds().size() * (vanilla ? 2 : 1);
        SharedProgress progress = new SharedProgress(progressOut, total);
        List<Callable<TwinLoopRun.Arm>> tasks = new ArrayList<>();
        for (long seed : experiment.seeds()) {
            // the twin arm first: it is the longer one, so the schedule packs better
            tasks.add(() -> TwinLoopRun.twin(plugins, experiment, seed, progress));
            if (vanilla) {
                tasks.add(() -> TwinLoopRun.vanilla(plugins, experiment, seed, progress));
            }
        }
        List<TwinLoopRun.Arm> arms = runAll(tasks);
        List<TwinLoopRun.Arm> twins = new ArrayList<>();
        List<TwinLoopRun.Arm> vanillas = new ArrayList<>();
        for (TwinLoopRun.Arm a : arms) {
            (a.name().equals(TwinLoopRun.TWIN) ? twins : vanillas).add(a);
        }
        try (MetricsCsv metrics = new MetricsCsv(dir.resolve("metrics.csv"))) {
            for (int i = 0; i < twins.size(); i++) {
                if (vanilla) {
                    write(metrics, vanillas.get(i));
                }
                write(metrics, twins.get(i));
            }
        }
        double wall = (System.nanoTime() - start) / 1e9;
        Map<String, Object> summary = TwinLoopReport.summary(experiment, vanillas, twins, wall);
        TwinLoopReport.rewardPlot(experiment, vanillas, twins, dir.resolve("reward.png"));
        TwinLoopReport.twinErrorPlot(experiment, twins, dir.resolve("twin-error.png"));
        if (twins.get(0).trajectory() != null) {
            TwinLoopReport.trajectoryPlot(experiment, twins.get(0), dir.resolve("twin-vs-real.png"));
        }
        if (experiment.landscape() != null) {
            TwinLoopReport.landscapes(experiment, arms, dir.resolve("landscape"));
            summary.put("landscape", TwinLoopReport.landscapeSummary(experiment, vanillas, twins));
        }
        Files.writeString(dir.resolve("summary.json"), DefaultExperimentRunner.JSON.writeValueAsString(summary) + "\n", StandardCharsets.UTF_8);
        List<RunResult.SeedResult> results = new ArrayList<>();
        for (TwinLoopRun.Arm t : twins) {
            long episodes = t.rows().stream().filter(r -> r.metric().endsWith("/episode_return")).count();
            double last = t.curve().get(t.curve().size() - 1).evalReturn();
            results.add(new RunResult.SeedResult(t.seed(), experiment.budget().steps(), episodes, TwinLoopReport.finalReturn(t.curve()), last,
                    t.wallSeconds()));
        }
        return results;
    }

    private static void write(MetricsCsv metrics, TwinLoopRun.Arm arm) {
        for (TwinLoopRun.Row r : arm.rows()) {
            metrics.row(arm.seed(), r.step(), r.metric(), r.value());
        }
    }

    private static List<TwinLoopRun.Arm> runAll(List<Callable<TwinLoopRun.Arm>> tasks) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads(), tasks.size()), r -> {
            Thread t = new Thread(r, "nettwin-twin-loop");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<TwinLoopRun.Arm>> futures = new ArrayList<>();
            for (Callable<TwinLoopRun.Arm> task : tasks) {
                futures.add(pool.submit(task));
            }
            List<TwinLoopRun.Arm> arms = new ArrayList<>();
            for (Future<TwinLoopRun.Arm> f : futures) {
                arms.add(f.get());
            }
            return arms;
        } catch (ExecutionException ex) {
            Throwable cause = ex.getCause();
            if (cause instanceof java.io.UncheckedIOException io) {
                throw io.getCause();
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("a twin-loop arm failed", cause);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Progress over all arms, at most a line a second, with an ETA from the overall rate. */
    private static final class SharedProgress implements TwinLoopRun.Progress {
        private final PrintStream out;
        private final long total;
        private final long start = System.nanoTime();
        private final Map<String, Long> done = new HashMap<>();
        private long lastPrint;

        SharedProgress(PrintStream out, long total) {
            this.out = out;
            this.total = total;
        }

        @Override
        public synchronized void advance(String label, long realSteps, long budget) {
            done.put(label, realSteps);
            long now = System.nanoTime();
            if (out == null || (now - lastPrint < 1_000_000_000L && realSteps < budget)) {
                return;
            }
            lastPrint = now;
            long all = done.values().stream().mapToLong(Long::longValue).sum();
            double seconds = Math.max(1e-9, (now - start) / 1e9);
            double rate = all / seconds;
            long eta = rate > 0 ? Math.round((total - all) / rate) : -1;
            out.printf(Locale.ROOT, "%s %,d/%,d real steps; all arms %3d%%  ETA %s%n", label, realSteps, budget, all * 100 / Math.max(1, total),
                    eta < 0 ? "?" : ProgressReporter.clock(eta));
            out.flush();
        }
    }
}
