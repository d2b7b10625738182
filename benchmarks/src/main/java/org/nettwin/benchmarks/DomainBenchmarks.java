package org.nettwin.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.nettwin.api.config.Config;
import org.nettwin.api.config.ConfigSchema;
import org.nettwin.api.env.Step;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.domains.Domain;
import org.nettwin.domains.DomainSet;
import org.nettwin.domains.JointView;
import org.nettwin.domains.PerfectDomain;
import org.nettwin.domains.Physical;
import org.nettwin.domains.learn.KStepConfig;
import org.nettwin.domains.learn.KStepDqn;
import org.nettwin.domains.learn.TrialsConfig;
import org.nettwin.domains.learn.TrialsQLearning;
import org.nettwin.env.urllc.internal.ApSelectionProvider;
import org.nettwin.env.uav.internal.UavTrajectoriesProvider;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Issue 14's speed targets for digital domains: syncing a perfect-copy domain (a snapshot restore)
 * on urllc ≤ 1 µs and on uav ≤ 5 µs; a k = 4, D = 4 DQN update ≤ 6× a plain one (k = 1); an n = 5
 * Q-learning step ≤ 6× a plain one (n = 1). The urllc runs use the 9-AP layout of
 * {@code examples/urllc-n-trials.json}; uav its defaults (4 UAVs, 10 users).
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DomainBenchmarks {

    static final Map<String, Object> NINE_APS = Map.of("observation", "compact",
            "apPositions", List.of(100.0, 250.0, 350.0, 450.0, 500.0, 550.0, 650.0, 750.0, 900.0),
            "apOffsets", List.of(10.0, 10.0, 10.0, 10.0, 50.0, 10.0, 10.0, 10.0, 10.0),
            "apRadii", List.of(80.0, 70.0, 60.0, 60.0, 700.0, 60.0, 60.0, 70.0, 80.0),
            "apRates", List.of(100.0, 200.0, 400.0, 300.0, 20.0, 300.0, 400.0, 200.0, 100.0),
            "apCosts", List.of(0.02, 0.03, 0.05, 0.04, 0.1, 0.04, 0.05, 0.03, 0.02));

    /** Which scenario a sync benchmark copies. */
    @Param({"urllc", "uav"})
    public String scenario;

    /** n for the Q-learning step, k = D for the DQN update (1 = plain). */
    @Param({"1", "5"})
    public int trials;

    @Param({"1", "4"})
    public int kd;

    private Physical physical;
    private Domain domain;
    private Physical urllc;
    private DomainSet trialDomains;
    private TrialsQLearning q;
    private Physical uav;
    private DomainSet kDomains;
    private KStepDqn dqn;

    static Scenario urllcScenario() {
        ApSelectionProvider p = new ApSelectionProvider();
        return p.create(p.configSchema().validate(NINE_APS, "scenario.config"), 1);
    }

    static Scenario uavScenario() {
        UavTrajectoriesProvider p = new UavTrajectoriesProvider();
        return p.create(p.configSchema().defaults(), 1);
    }

    static <R extends Record> R record(Class<R> type, Map<String, Object> raw) {
        Config c = ConfigSchema.of(type).validate(raw, "learner");
        return c.as(type);
    }

    @Setup(Level.Trial)
    public void setUp() {
        java.util.function.Supplier<Scenario> create = scenario.equals("urllc") ? DomainBenchmarks::urllcScenario : DomainBenchmarks::uavScenario;
        physical = new Physical(new JointView(create.get()), 1);
        physical.reset(3);
        int[] a = new int[physical.environment().agents()];
        for (int t = 0; t < 5; t++) {
            physical.step(a);
        }
        domain = new PerfectDomain(create, physical.environment());

        urllc = new Physical(new JointView(urllcScenario()), 1);
        List<Domain> ds = new ArrayList<>();
        for (int d = 0; d < trials - 1; d++) {
            ds.add(new PerfectDomain(DomainBenchmarks::urllcScenario, urllc.environment()));
        }
        trialDomains = new DomainSet(ds, 10_000, 3, 1);
        q = new TrialsQLearning(record(TrialsConfig.class, Map.of("trials", trials, "bins", 8)), urllc, trialDomains, 5);
        urllc.reset(5);

        uav = new Physical(new JointView(uavScenario()), 1);
        List<Domain> kd4 = new ArrayList<>();
        for (int d = 0; d < (kd > 1 ? kd : 0); d++) {
            kd4.add(new PerfectDomain(DomainBenchmarks::uavScenario, uav.environment()));
        }
        JointView v = uav.environment();
        kDomains = new DomainSet(kd4, 5_000, v.agents() * v.width(), v.agents());
        dqn = new KStepDqn(record(KStepConfig.class, Map.of("predictionSteps", kd, "domains", kd, "learningStarts", 500)), uav, kDomains, 5);
        uav.reset(5);
        for (int t = 0; t < 1_000; t++) {
            if (uav.current().done()) {
                uav.reset();
            }
            dqn.step(uav, kDomains);
        }
        if (uav.current().done()) {
            uav.reset();
        }
    }

    /** Syncing a perfect-copy domain: restoring the physical environment's snapshot (taken once per physical step, shared by the domains). */
    @Benchmark
    public void syncDomain(Blackhole bh) {
        domain.sync(physical);
        bh.consume(domain);
    }

    /** One physical Q-learning step with n − 1 domain trials and n updates (urllc, 9 APs). */
    @Benchmark
    public void qLearningStep(Blackhole bh) {
        Step<double[]> s = q.step(urllc, trialDomains);
        if (s.done()) {
            urllc.reset();
        }
        bh.consume(s.reward());
    }

    /** One DQN update of the 4 UAV learners: targets from k-step predictions averaged over D domains (k = D = kd). */
    @Benchmark
    public void dqnUpdate(Blackhole bh) {
        bh.consume(dqn.update());
    }

    /** One physical DQN step: the D domains' k-step predictions (k = D = kd), storage, one update. */
    @Benchmark
    public void dqnStep(Blackhole bh) {
        Step<double[]> s = dqn.step(uav, kDomains);
        if (s.done()) {
            uav.reset();
        }
        bh.consume(s.reward());
    }
}
