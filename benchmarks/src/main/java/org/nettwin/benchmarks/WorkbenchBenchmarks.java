package org.nettwin.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.nettwin.ui.model.LiveCurves;
import org.nettwin.ui.model.RunsTable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Workbench's view models at the sizes: the runs view reading a folder of 1,000 runs
 * (target 2 s), and a live-chart point arriving from a run's thread (1,000 points/s may cost the
 * run at most 5 %, i.e. 50 µs per point).
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class WorkbenchBenchmarks {

    private Path runs;
    private LiveCurves curves;
    private long step;

    @Setup(Level.Trial)
    public void makeRuns() throws IOException {
        runs = Files.createTempDirectory("nettwin-bench-runs");
        for (int i = 0; i < 1000; i++) {
            Path f = Files.createDirectories(runs.resolve("run-" + i));
            Files.writeString(f.resolve("experiment.json"), """
                    {"name": "run-%d", "type": "train", "scenario": {"id": "urllc/ApSelection-v1", "bundle": "org.nettwin.env.urllc",
                     "version": "0.1.0", "config": {"observation": "compact"}}, "algorithm": {"id": "rl/q-learning", "config": {"bins": 8}},
                     "budget": {"steps": 200000, "evalEpisodes": 20}, "seeds": [1, 2, 3],
                     "runtime": {"java": "25", "os": "Linux", "cores": 2, "bundles": {"org.nettwin.api": "0.1.0", "org.nettwin.lab": "0.1.1"}}}
                    """.formatted(i));
            Files.writeString(f.resolve("summary.json"), """
                    {"experiment": "run-%d", "type": "train", "scenario": "urllc/ApSelection-v1", "algorithm": "rl/q-learning",
                     "per_seed": [{"seed": 1, "steps": 200000, "episodes": 2000, "final_train_return": -12.5, "eval_return": -11.0, "wall_seconds": 3.2},
                                  {"seed": 2, "steps": 200000, "episodes": 2000, "final_train_return": -13.5, "eval_return": -12.0, "wall_seconds": 3.1},
                                  {"seed": 3, "steps": 200000, "episodes": 2000, "final_train_return": -11.5, "eval_return": -10.0, "wall_seconds": 3.3}],
                     "eval_return_mean": -11.0, "eval_return_std": 0.8, "final_train_return_mean": -12.5, "wall_seconds": 9.9}
                    """.formatted(i));
        }
        curves = new LiveCurves();
    }

    @TearDown(Level.Trial)
    public void removeRuns() throws IOException {
        try (Stream<Path> s = Files.walk(runs)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** The runs view's reload: list, read both JSON files of every run, sort. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public RunsTable runsViewOpens1000Runs() throws IOException {
        return RunsTable.load(runs);
    }

    /** One metric row reaching the live curves from a unit's thread (what the run pays per point). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public void liveChartPoint() {
        long s = step++;
        curves.add((s & 3) == 0 ? "seed 1" : "seed 2", "episode_return", s, s * 0.5);
        if (s % 1_000_000 == 999_999) {
            curves = new LiveCurves(); // a run's curves, not an ever-growing heap
        }
    }
}
