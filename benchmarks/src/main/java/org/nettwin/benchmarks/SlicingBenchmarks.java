package org.nettwin.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.nettwin.api.env.Environment;
import org.nettwin.api.env.MultiAgentEnvironment;
import org.nettwin.api.env.MultiStep;
import org.nettwin.api.env.Step;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.env.slicing.internal.MultiCellProvider;
import org.nettwin.env.slicing.internal.SingleCellProvider;
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
 * The slicing scenarios' step costs against the targets of issue 3: a {@code slicing/MultiCell-v1}
 * step with all 12 agents acting (target >= 20,000 steps/s on one core) and one
 * {@code slicing/SingleCell-v1} decision, 2000 subframes of 100 UEs (target <= 5 ms). Both go
 * through the base classes' action and output checks, as a learner's steps do.
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SlicingBenchmarks {

    private MultiAgentEnvironment<double[], double[]> multi;
    private List<double[]> multiActions;
    private Environment<double[], Integer> single;
    private int split;

    @Setup(Level.Trial)
    public void setUp() {
        MultiCellProvider multiProvider = new MultiCellProvider();
        multi = ((Scenario.Multi) multiProvider.create(multiProvider.configSchema().defaults(), 1)).environment(double[].class,
                double[].class);
        multiActions = new ArrayList<>();
        for (int k = 0; k < multi.possibleAgents().size(); k++) {
            // unequal shares, so the slices differ in load and the coupling has work to do
            multiActions.add(new double[] {0.4 - 0.02 * (k % 4), 0.3, 0.2, 0.1 + 0.02 * (k % 4)});
        }
        multi.reset(1);
        SingleCellProvider singleProvider = new SingleCellProvider();
        single = ((Scenario.Single) singleProvider.create(singleProvider.configSchema().defaults(), 1)).environment(double[].class,
                Integer.class);
        single.reset(1);
    }

    /** One step of the 12-cell network: 12 simplex actions checked, load coupling solved, 12 observations and rewards. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void multiCellStep(Blackhole bh) {
        MultiStep<double[]> s = multi.step(multiActions);
        if (s.allDone()) {
            s = multi.reset();
        }
        bh.consume(s.reward(0));
    }

    /** One decision of the single cell: 2000 subframes of packet arrivals and round-robin scheduling for 100 UEs. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public void singleCellDecision(Blackhole bh) {
        Step<double[]> s = single.step(split);
        split = (split + 7) % 36;
        if (s.done()) {
            s = single.reset();
        }
        bh.consume(s.reward());
    }
}
