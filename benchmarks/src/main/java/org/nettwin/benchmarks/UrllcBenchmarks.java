package org.nettwin.benchmarks;

import java.util.concurrent.TimeUnit;

import org.nettwin.api.env.Environment;
import org.nettwin.api.env.Step;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.env.urllc.internal.ApSelectionProvider;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Step throughput of {@code urllc/ApSelection-v1} with its default five access points, through
 * {@code BaseEnvironment}'s checks (issue 3 target: at least 200,000 steps/s on one core).
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class UrllcBenchmarks {

    private Environment<double[], Integer> env;
    private int action;

    @Setup(Level.Trial)
    public void setUp() {
        ApSelectionProvider provider = new ApSelectionProvider();
        Scenario.Single s = (Scenario.Single) provider.create(provider.configSchema().defaults(), 1);
        env = s.environment(double[].class, Integer.class);
        env.reset(1);
    }

    /** One task: upload to an AP (cycling through all five), then drive to the next task. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void apSelectionStep(Blackhole bh) {
        Step<double[]> s = env.step(action);
        action = action == 4 ? 0 : action + 1;
        if (s.done()) {
            s = env.reset();
        }
        bh.consume(s.reward());
    }
}
