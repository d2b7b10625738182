package org.nettwin.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

import org.nettwin.api.Seeds;
import org.nettwin.api.data.ReplayBuffer;
import org.nettwin.api.data.TransitionBinary;
import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.env.Environment;
import org.nettwin.api.env.Step;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.space.Simplex;
import org.nettwin.example.channel.internal.ChannelAccessProvider;
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
 * The core API's hot paths: action checks on a simplex, replay sampling, the binary dataset
 * codec, and an environment step through {@code BaseEnvironment}'s checks.
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CoreBenchmarks {

    private final Simplex simplex = new Simplex(4);
    private final double[] shares = {0.1, 0.2, 0.3, 0.4};
    private final RandomGenerator random = Seeds.generator(1);
    private final int[] batch = new int[32];
    private ReplayBuffer replay;
    private double[] batchObservations;
    private byte[] datasetBytes;
    private TransitionDataset dataset;
    private Environment<double[], Integer> channel;
    private int action;

    @Setup(Level.Trial)
    @SuppressWarnings("unchecked")
    public void setUp() throws IOException {
        replay = new ReplayBuffer(100_000, 16, 4);
        double[] o = new double[16];
        double[] a = new double[4];
        for (int i = 0; i < 100_000; i++) {
            o[0] = i;
            replay.add(o, a, 1.0, o, false);
        }
        batchObservations = new double[32 * 16];
        dataset = new TransitionDataset(8, 3, Map.of("scenario", "bench"));
        double[] so = new double[8];
        double[] sa = new double[3];
        for (int i = 0; i < 10_000; i++) {
            so[i % 8] = i;
            dataset.add(i / 100, so, sa, i, so, false, i % 100 == 99);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TransitionBinary.write(dataset, out);
        datasetBytes = out.toByteArray();
        ChannelAccessProvider provider = new ChannelAccessProvider();
        Scenario.Single s = (Scenario.Single) provider.create(provider.configSchema().defaults(), 1);
        channel = s.environment(double[].class, Integer.class);
        channel.reset(1);
    }

    /** Membership test of a 4-share simplex action (done on every step of a slicing agent). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public boolean simplexContains() {
        return simplex.contains(shares);
    }

    /** Drawing a batch of 32 from a 100k replay buffer and gathering its observations. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public double replaySampleBatch32() {
        replay.sampleIndices(random, batch);
        for (int i = 0; i < batch.length; i++) {
            replay.observation(batch[i], batchObservations, i);
        }
        return batchObservations[0];
    }

    /** Writing 10,000 transitions (8-dim observations) in the binary format. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int datasetWrite10k() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(datasetBytes.length);
        TransitionBinary.write(dataset, out);
        return out.size();
    }

    /** Reading and verifying 10,000 transitions. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int datasetRead10k() throws IOException {
        return TransitionBinary.read(new ByteArrayInputStream(datasetBytes), "bench").size();
    }

    /** One step of the example channel-access scenario, including BaseEnvironment's checks. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void channelAccessStep(Blackhole bh) {
        Step<double[]> s = channel.step(action);
        action = (action + 1) & 3;
        if (s.done()) {
            s = channel.reset();
        }
        bh.consume(s.reward());
    }
}
