package org.nettwin.benchmarks;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.nettwin.api.config.Config;
import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.env.MdpTables;
import org.nettwin.api.similarity.SimilarityMetric;
import org.nettwin.metric.bsm.internal.EmpiricalMetric;
import org.nettwin.metric.bsm.internal.TotalVariationMetric;
import org.nettwin.metric.bsm.internal.WassersteinMetric;
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
 * The DT-BSM forms (issue 15 targets: Wasserstein form at |S| = 100, |A| = 2 within 10 s;
 * total-variation form at |S| = 10,000 within 10 s; empirical form on 1M transitions within 10 s),
 * and their growth with |S|. MDPs: {@code |S|} states, 2 actions, 5 random successors per pair,
 * rewards in [0, 1]; the twin has every probability scaled by up to ±20 % (renormalised) and
 * rewards moved by up to ±0.1. Discount 0.9, tolerance 1e-4 (the metrics' defaults). One whole
 * metric computation per operation.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class DtBsmBenchmarks {

    /** Random real tables of {@code states} states and a twin 20 % off them; the sizes are the subclasses'. */
    abstract static class TablePair {
        MdpTables real;
        MdpTables twin;

        void make(int states) {
            SplittableRandom random = new SplittableRandom(states);
            real = random(random, states, 2, 5);
            twin = perturb(random, real, 0.2);
        }
    }

    /** Real and twin tables of one size. */
    @State(Scope.Benchmark)
    public static class Tables extends TablePair {
        @Param({"25", "50", "100", "200"})
        public int states;

        @Setup(Level.Trial)
        public void setUp() {
            make(states);
        }
    }

    /** Large tables for the total-variation form. */
    @State(Scope.Benchmark)
    public static class LargeTables extends TablePair {
        @Param({"1000", "10000", "100000"})
        public int states;

        @Setup(Level.Trial)
        public void setUp() {
            make(states);
        }
    }

    /** Real and twin datasets of {@code transitions} each, uniformly random actions, from 50-state tables. */
    @State(Scope.Benchmark)
    public static class Datasets {
        @Param({"10000", "100000", "1000000"})
        public int transitions;
        @Param({"tv", "wasserstein"})
        public String form;
        TransitionDataset real;
        TransitionDataset twin;

        @Setup(Level.Trial)
        public void setUp() {
            SplittableRandom random = new SplittableRandom(3);
            MdpTables r = random(random, 50, 2, 5);
            real = sample(r, transitions, random);
            twin = sample(perturb(random, r, 0.2), transitions, random);
        }
    }

    private final WassersteinMetric wasserstein = new WassersteinMetric();
    private final TotalVariationMetric tv = new TotalVariationMetric();
    private final EmpiricalMetric empirical = new EmpiricalMetric();

    private static Config defaults(SimilarityMetric<?> metric) {
        return metric.configSchema().defaults();
    }

    @Benchmark
    public double wassersteinForm(Tables t) {
        return wasserstein.measure(t.real, t.twin, defaults(wasserstein), 0).distance();
    }

    @Benchmark
    public double totalVariationForm(LargeTables t) {
        return tv.measure(t.real, t.twin, defaults(tv), 0).distance();
    }

    @Benchmark
    public double empiricalForm(Datasets d) {
        Config c = empirical.configSchema().validate(Map.of("form", d.form), "config");
        return empirical.measure(d.real, d.twin, c, 0).distance();
    }

    static MdpTables random(SplittableRandom random, int states, int actions, int successors) {
        MdpTables.Builder b = MdpTables.builder(states, actions);
        for (int s = 0; s < states; s++) {
            for (int a = 0; a < actions; a++) {
                double[] w = new double[successors];
                double sum = 0;
                for (int i = 0; i < successors; i++) {
                    w[i] = 0.05 + random.nextDouble();
                    sum += w[i];
                }
                for (int i = 0; i < successors; i++) {
                    b.transition(s, a, random.nextInt(states), w[i] / sum);
                }
                b.reward(s, a, random.nextDouble());
            }
            b.initial(s, 1.0 / states);
        }
        return b.build();
    }

    static MdpTables perturb(SplittableRandom random, MdpTables m, double x) {
        MdpTables.Builder b = MdpTables.builder(m.stateCount(), m.actionCount());
        for (int s = 0; s < m.stateCount(); s++) {
            for (int a = 0; a < m.actionCount(); a++) {
                int n = m.successorCount(s, a);
                double[] p = new double[n];
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    p[i] = m.successorProbability(s, a, i) * (1 + x * (2 * random.nextDouble() - 1));
                    sum += p[i];
                }
                for (int i = 0; i < n; i++) {
                    b.transition(s, a, m.successor(s, a, i), p[i] / sum);
                }
                b.reward(s, a, m.reward(s, a) + x / 2 * (2 * random.nextDouble() - 1));
            }
            b.initial(s, m.initialProbability(s));
        }
        return b.build();
    }

    /** A random walk of uniformly random actions, restarted at a random state every 100 steps. */
    static TransitionDataset sample(MdpTables m, int transitions, SplittableRandom random) {
        TransitionDataset data = new TransitionDataset(1, 1, Map.of());
        double[] obs = new double[1];
        double[] act = new double[1];
        double[] next = new double[1];
        int s = 0;
        for (int i = 0; i < transitions; i++) {
            if (i % 100 == 0) {
                s = random.nextInt(m.stateCount());
            }
            int a = random.nextInt(m.actionCount());
            double u = random.nextDouble();
            int k = 0;
            while (k < m.successorCount(s, a) - 1 && (u -= m.successorProbability(s, a, k)) >= 0) {
                k++;
            }
            int t = m.successor(s, a, k);
            obs[0] = s;
            act[0] = a;
            next[0] = t;
            data.add(i / 100, obs, act, m.reward(s, a), next, false, (i + 1) % 100 == 0);
            s = t;
        }
        return data;
    }
}
