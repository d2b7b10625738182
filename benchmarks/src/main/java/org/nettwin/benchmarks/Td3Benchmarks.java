package org.nettwin.benchmarks;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.nettwin.api.config.Config;
import org.nettwin.api.rl.Algorithm;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.run.TrainingListener;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.env.slicing.internal.MultiCellProvider;
import org.nettwin.rl.td3.internal.Td3Provider;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The TD3 figures on the real {@code rl/td3} code, on one cell of
 * {@code slicing/MultiCell-v1} ({@code controlledCell} = 1: observation Box(20), action
 * Simplex(4)), with the paper's sizes (actor (48,24), critics (64,24), batch 32). Targets: an
 * update at ≥ 8,000/s (≤ 125 µs, {@link Update}); 100,000 environment steps with one update per
 * step in < 30 s ({@link EndToEnd}).
 */
public class Td3Benchmarks {

    static Scenario cellOne(long seed) {
        MultiCellProvider provider = new MultiCellProvider();
        return provider.create(provider.configSchema().validate(Map.of("controlledCell", 1), ""), seed);
    }

    static Algorithm td3(Scenario scenario, Map<String, Object> config) {
        Td3Provider provider = new Td3Provider();
        Config c = provider.configSchema().validate(config, "");
        return provider.create(EnvironmentSpec.of(scenario), c, 1);
    }

    /** (a) One TD3 update (target actor with clipped smoothing noise and projection, twin target critics, both critic regressions with Adam; every second call the actor step through dQ1/da and three Polyak updates). */
    @State(Scope.Thread)
    @Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
    @Warmup(iterations = 3, time = 1)
    @Measurement(iterations = 5, time = 1)
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public static class Update {
        private Runnable update;

        @Setup(Level.Trial)
        public void setUp() {
            Scenario s = cellOne(1);
            // 2000 warm-up steps fill the replay with random shares; no update is timed here
            Algorithm a = td3(s, Map.of("warmupSteps", 2_000));
            a.learn(s, 2_000, TrainingListener.NONE);
            update = Td3Provider.update(a, 0);
        }

        @Benchmark
        public void td3Update() {
            update.run();
        }
    }

    /** (b) TD3 with the paper's settings on one MultiCell cell: 100,000 environment steps, one update per step after the 3,000-step warm-up. */
    @State(Scope.Thread)
    @Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
    @Warmup(iterations = 0)
    @Measurement(iterations = 2)
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public static class EndToEnd {
        private Scenario scenario;
        private Algorithm algorithm;

        @Setup(Level.Invocation)
        public void setUp() {
            scenario = cellOne(1);
            algorithm = td3(scenario, Map.of());
        }

        @Benchmark
        public long td3OneCell100kSteps() {
            return algorithm.learn(scenario, 100_000, TrainingListener.NONE);
        }
    }
}
