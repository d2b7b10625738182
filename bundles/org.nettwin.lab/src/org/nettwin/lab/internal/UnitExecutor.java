package org.nettwin.lab.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import org.nettwin.api.experiment.MetricRow;
import org.nettwin.api.experiment.Study;
import org.nettwin.api.experiment.Unit;
import org.nettwin.api.experiment.UnitContext;
import org.nettwin.api.experiment.UnitData;
import org.nettwin.api.experiment.UnitResult;
import org.nettwin.lab.RunOptions;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs a study's units on up to {@code nettwin.threads} threads (default: the cores, at most 2),
 * larger units first, and returns their results in the study's order. Units share nothing, so
 * the results do not depend on the schedule. A unit's data goes through its JSON form, exactly as
 * it would come from another machine. The first unit to fail cancels the others; the run then
 * fails with that unit's error.
 */
final class UnitExecutor {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Study study;
    private final List<Unit> units;
    private final Path folder;
    private final RunOptions options;
    private final RunProgress progress;
    private final RunStore store;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Set<String> files = new HashSet<>();

    /**
     * @param store where finished units' results and unfinished units' checkpoints are kept (and, on a
     *              resumed run, found)
     */
    UnitExecutor(Study study, List<Unit> units, Path folder, RunOptions options, RunStore store) {
        this.study = study;
        this.units = units;
        this.folder = folder;
        this.options = options;
        this.progress = new RunProgress(options.progress(), units, System::nanoTime);
        this.store = store;
    }

    /** @return the configured number of threads: {@code nettwin.threads}, else the cores, at most 2 */
    static int threads() {
        return Math.max(1, Integer.getInteger("nettwin.threads", Math.min(2, Runtime.getRuntime().availableProcessors())));
    }

    /** Checks that the study's unit keys are unique. */
    static void checkKeys(List<Unit> units) {
        Set<String> keys = new HashSet<>();
        for (Unit u : units) {
            if (!keys.add(u.key())) {
                throw new IllegalStateException("the study has two units with key '" + u.key() + "'");
            }
        }
        if (units.isEmpty()) {
            throw new IllegalStateException("the study has no units");
        }
    }

    List<UnitResult> run() throws IOException {
        checkKeys(units);
        List<Unit> schedule = new ArrayList<>(units);
        schedule.sort(Comparator.comparingLong(Unit::work).reversed());
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads(), units.size()), r -> {
            Thread t = new Thread(r, "nettwin-unit");
            t.setDaemon(true);
            return t;
        });
        Map<String, Future<UnitResult>> futures = new java.util.HashMap<>();
        try {
            for (Unit u : schedule) {
                futures.put(u.key(), pool.submit(() -> runUnit(u)));
            }
            List<UnitResult> results = new ArrayList<>();
            for (Unit u : units) {
                try {
                    results.add(futures.get(u.key()).get());
                } catch (java.util.concurrent.ExecutionException e) {
                    failure.compareAndSet(null, e.getCause());
                }
            }
            Throwable first = failure.get();
            if (first != null) {
                throw rethrow(first);
            }
            if (options.cancelled().getAsBoolean()) {
                throw new CancellationException("the run was cancelled; nothing was written");
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted; nothing was written");
        } finally {
            pool.shutdownNow();
        }
    }

    private static IOException rethrow(Throwable t) {
        if (t instanceof UncheckedIOException io) {
            return io.getCause();
        }
        if (t instanceof IOException io) {
            return io;
        }
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error err) {
            throw err; // the command line turns it into a message and exit status 1
        }
        throw new IllegalStateException(t.getMessage(), t);
    }

    private UnitResult runUnit(Unit unit) throws Exception {
        java.util.Optional<UnitResult> done = store.result(unit);
        if (done.isPresent()) {
            // finished before the run was killed: its saved result is what it computed
            progress.finished(unit);
            return done.get();
        }
        long start = System.nanoTime();
        Context context = new Context(unit, store.checkpoint(unit));
        options.listener().unitStarted(unit);
        try {
            UnitData data = study.run(unit, context);
            if (data == null) {
                throw new IllegalStateException("unit " + unit.key() + " returned no data");
            }
            // exactly what a unit run on another machine would deliver
            @SuppressWarnings("unchecked")
            Map<String, Object> tree = JSON.readValue(JSON.writeValueAsBytes(data.asMap()), Map.class);
            UnitResult result = new UnitResult(unit, List.copyOf(context.rows), UnitData.of(tree), (System.nanoTime() - start) / 1e9);
            if (!context.cancelled()) {
                store.saveResult(result);
            }
            progress.finished(unit);
            return result;
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
            throw t;
        } finally {
            options.listener().unitFinished(unit);
        }
    }

    /** The host side of one unit. */
    private final class Context implements UnitContext {
        private final Unit unit;
        private final List<MetricRow> rows = new ArrayList<>();
        private final java.util.Optional<byte[]> checkpoint;

        Context(Unit unit, java.util.Optional<RunStore.Checkpoint> saved) {
            this.unit = unit;
            saved.ifPresent(c -> rows.addAll(c.rows()));
            this.checkpoint = saved.map(RunStore.Checkpoint::state);
        }

        @Override
        public java.util.Optional<byte[]> checkpoint() {
            return checkpoint;
        }

        @Override
        public void saveCheckpoint(byte[] state) throws IOException {
            store.saveCheckpoint(unit, rows, state);
        }

        @Override
        public void metric(long step, String metric, double value) {
            if (metric.indexOf(',') >= 0 || metric.indexOf('\n') >= 0 || metric.isEmpty()) {
                throw new IllegalArgumentException("metric names must be non-empty and have no comma or line break: '" + metric + "'");
            }
            MetricRow row = new MetricRow(step, metric, value);
            rows.add(row);
            options.listener().metric(unit, row);
        }

        @Override
        public void progress(long done) {
            progress.update(unit, done);
        }

        @Override
        public boolean cancelled() {
            return failure.get() != null || options.cancelled().getAsBoolean();
        }

        @Override
        public OutputStream file(String name) throws IOException {
            if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*") || name.equals("metrics.csv") || name.equals("summary.json")
                    || name.equals("experiment.json")) {
                throw new IllegalArgumentException("unit " + unit.key() + ": '" + name + "' cannot name a file of the run folder");
            }
            synchronized (files) {
                if (!files.add(name)) {
                    throw new IllegalArgumentException("unit " + unit.key() + ": the run already has a file '" + name + "'");
                }
            }
            // written beside, moved into place when closed: a unit killed while writing leaves no half file, and a
            // resumed unit that writes it again replaces what an earlier attempt left
            Path target = folder.resolve(name);
            Path partial = folder.resolve("." + name + ".writing");
            return new java.io.FilterOutputStream(Files.newOutputStream(partial, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                private boolean closed;

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    if (!closed) {
                        closed = true;
                        super.close();
                        Files.move(partial, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                    }
                }
            };
        }
    }
}
