package org.nettwin.benchmarks;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.nettwin.api.config.ConfigSchema;
import org.nettwin.api.rl.Algorithm;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.run.TrainingListener;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.env.uav.internal.UavTrajectoriesProvider;
import org.nettwin.rl.ppo.internal.PpoProvider;
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
 * {@code rl/ppo} at its defaults (actor and critic (64, 64) tanh, 10 epochs × 32 minibatches of
 * 64): one call = a rollout of 2048 steps of {@code uav/Trajectories-v1} in its joint form
 * (observation 29, {@code MultiDiscrete([9]×4)}) followed by the update on it.
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PpoBenchmarks {

    private Scenario scenario;
    private Algorithm ppo;

    @Setup(Level.Trial)
    public void setUp() {
        UavTrajectoriesProvider uav = new UavTrajectoriesProvider();
        scenario = uav.create(uav.configSchema().validate(Map.of("mode", "joint"), ""), 1);
        PpoProvider provider = new PpoProvider();
        ConfigSchema schema = provider.configSchema();
        ppo = provider.create(EnvironmentSpec.of(scenario), schema.defaults(), 1);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        scenario.close();
    }

    /** A rollout of 2048 environment steps and one PPO update (20,480 samples through actor and critic, forward and backward). */
    @Benchmark
    public long rolloutAndUpdate2048() {
        return ppo.learn(scenario, 2048, TrainingListener.NONE);
    }
}
