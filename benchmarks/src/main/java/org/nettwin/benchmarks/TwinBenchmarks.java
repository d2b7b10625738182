package org.nettwin.benchmarks;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.run.TrainingListener;
import org.nettwin.twin.dl4j.internal.Dl4jTwinBuilder;
import org.nettwin.twin.lstm.internal.LstmTwinBuilder;
import org.nettwin.twin.sequence.SequenceTwin;
import org.nettwin.twin.sequence.SequenceTwinBuilder;
import org.nettwin.twin.sequence.testkit.DriftEnvironment;
import org.nettwin.twin.sequence.testkit.Recorder;
import org.nettwin.twin.sequence.testkit.TwinExercise;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The LSTM twins' targets of issue 5, both builders side by side, default twin config (window 4,
 * 32 units, batch 64, up to 30 epochs with early stopping):
 * <ul>
 * <li>one twin step (state model + reward model prediction, clip, window slide): ≥ 25,000 steps/s (≤ 40 µs)</li>
 * <li>building the twin from 100,000 transitions: ≤ 60 s on 2 cores (the two models train on two threads)</li>
 * </ul>
 * Data: random-policy transitions of the drift test environment (Box(3) observations, Discrete(3) actions).
 */
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
        "--sun-misc-unsafe-memory-access=allow"})
public class TwinBenchmarks {

    static SequenceTwinBuilder builder(String id) {
        return id.equals("twin/lstm") ? new LstmTwinBuilder() : new Dl4jTwinBuilder();
    }

    /** A twin built from 5,000 transitions, stepped with cycling actions. */
    @State(Scope.Thread)
    public static class Stepping {
        @Param({"twin/lstm", "twin/dl4j-lstm"})
        public String builder;
        SequenceTwin twin;
        int t;

        @Setup(Level.Trial)
        public void setUp() {
            DriftEnvironment env = TwinExercise.environment();
            SequenceTwinBuilder b = builder(builder);
            twin = b.build(EnvironmentSpec.of(env), Recorder.random(env, 5_000, 1), TwinExercise.settings(Map.of("epochs", 5)), 1,
                    TrainingListener.NONE);
            twin.reset(2);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 3, time = 1)
    @Measurement(iterations = 5, time = 1)
    public double twinStep(Stepping s) {
        org.nettwin.api.env.Step<double[]> step = s.twin.step(s.t++ % 3);
        double r = step.reward();
        if (step.done()) {
            s.twin.reset();
        }
        return r;
    }

    /** 100,000 random-policy transitions (2,000 episodes of 50 steps). */
    @State(Scope.Benchmark)
    public static class Training {
        @Param({"twin/lstm", "twin/dl4j-lstm"})
        public String builder;
        TransitionDataset data;

        @Setup(Level.Trial)
        public void setUp() {
            data = Recorder.random(TwinExercise.environment(), 100_000, 3);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public SequenceTwin train100k(Training s) {
        SequenceTwinBuilder b = builder(s.builder);
        return b.build(EnvironmentSpec.of(TwinExercise.environment()), s.data, TwinExercise.settings(Map.of()), 4, TrainingListener.NONE);
    }
}
