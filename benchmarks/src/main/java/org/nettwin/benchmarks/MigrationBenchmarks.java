package org.nettwin.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

import org.nettwin.api.Seeds;
import org.nettwin.api.env.MultiAgentEnvironment;
import org.nettwin.api.env.MultiStep;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.env.migration.MigrationGame;
import org.nettwin.env.migration.StackelbergEquilibrium;
import org.nettwin.env.migration.internal.MigrationProvider;
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
 * {@code migration/UavTwinMigration-v1} at its default size (3 RSU agents, 6 UAVs): the step
 * throughput through {@code BaseMultiAgentEnvironment}'s checks (issue 3 target: at least 200,000
 * steps/s on one core) and the time to solve the Stackelberg equilibrium.
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MigrationBenchmarks {

    private static final int PLANS = 256;

    private MultiAgentEnvironment<double[], double[]> env;
    private MigrationGame game;
    private final List<List<double[]>> plans = new ArrayList<>();
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        MigrationProvider provider = new MigrationProvider();
        env = ((Scenario.Multi) provider.create(provider.configSchema().defaults(), 1)).environment(double[].class, double[].class);
        game = env.capability(MigrationGame.class).orElseThrow();
        RandomGenerator random = Seeds.generator(7);
        for (int p = 0; p < PLANS; p++) {
            List<double[]> prices = new ArrayList<>(3);
            for (int n = 0; n < 3; n++) {
                prices.add(new double[] {random.nextDouble()});
            }
            plans.add(prices);
        }
        env.reset(1);
    }

    /** One pricing round: 3 prices checked, 6 exact UAV best responses, profits, history, observations, info. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void migrationStep(Blackhole bh) {
        MultiStep<double[]> s = env.step(plans.get(next));
        next = (next + 1) & (PLANS - 1);
        if (s.allDone()) {
            s = env.reset();
        }
        bh.consume(s.reward(0));
    }

    /** Solving the default game's Stackelberg equilibrium by best-response iteration. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public double migrationEquilibrium() {
        return StackelbergEquilibrium.solve(game).price(0);
    }
}
