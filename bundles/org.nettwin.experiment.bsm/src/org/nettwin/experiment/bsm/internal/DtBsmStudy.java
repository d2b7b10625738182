package org.nettwin.experiment.bsm.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import org.nettwin.api.Seeds;
import org.nettwin.api.config.Config;
import org.nettwin.api.data.RecordingEnvironment;
import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.env.Environment;
import org.nettwin.api.env.FiniteMdp;
import org.nettwin.api.env.MdpTables;
import org.nettwin.api.env.Step;
import org.nettwin.api.experiment.PluginUse;
import org.nettwin.api.experiment.Report;
import org.nettwin.api.experiment.ReportContext;
import org.nettwin.api.experiment.ScenarioUse;
import org.nettwin.api.experiment.Study;
import org.nettwin.api.experiment.Unit;
import org.nettwin.api.experiment.UnitContext;
import org.nettwin.api.experiment.UnitData;
import org.nettwin.api.experiment.UnitResult;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.run.TrainingListener;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.similarity.Similarity;
import org.nettwin.api.twin.DigitalTwin;
import org.nettwin.api.twin.TwinBuilder;

/**
 * The units of a {@code dt-bsm} run: one per candidate twin and seed, and one per timed capacity
 * (first seed only). Seeds: the real scenario {@code derive(seed, "scenario")}; a tabular twin's
 * data {@code derive(seed, "data-" + size)} and twin {@code derive(seed, "twin-" + size)}; the
 * empirical metric's real and twin data {@code derive(seed, "empirical-real"/"empirical-twin")}.
 */
final class DtBsmStudy implements Study {

    private final String name;
    private final List<Long> seeds;
    private final ScenarioUse scenario;
    private final DtBsmSettings settings;
    private final List<Candidate> candidates;
    private final PluginUse<TwinBuilder> tabular;
    private final Metrics metrics;

    DtBsmStudy(String name, List<Long> seeds, ScenarioUse scenario, DtBsmSettings settings, List<Candidate> candidates,
            PluginUse<TwinBuilder> tabular, Metrics metrics) {
        this.name = name;
        this.seeds = seeds;
        this.scenario = scenario;
        this.settings = settings;
        this.candidates = candidates;
        this.tabular = tabular;
        this.metrics = metrics;
    }

    @Override
    public List<Unit> units() {
        List<Unit> units = new ArrayList<>();
        for (long seed : seeds) {
            for (int i = 0; i < candidates.size(); i++) {
                Candidate c = candidates.get(i);
                units.add(new Unit("seed-" + seed + ".twin-" + i, seed, c.name() + ", seed " + seed, 1 + c.size() / 1000));
            }
        }
        for (int capacity : settings.timingCapacities()) {
            units.add(new Unit("timing.capacity-" + capacity, seeds.get(0), "timing at capacity " + capacity, capacity));
        }
        return units;
    }

    @Override
    public UnitData run(Unit unit, UnitContext context) throws IOException {
        if (unit.key().startsWith("timing.")) {
            return timing(Integer.parseInt(unit.key().substring("timing.capacity-".length())), unit.seed());
        }
        Candidate candidate = candidates.get(Integer.parseInt(unit.key().substring(unit.key().indexOf(".twin-") + 6)));
        long seed = unit.seed();
        try (Scenario realScenario = scenario.create(Seeds.derive(seed, "scenario"))) {
            Environment<?, ?> realEnv = ((Scenario.Single) realScenario).environment();
            FiniteMdp<?> real = StateMatching.finite(realEnv);
            EnvironmentSpec spec = EnvironmentSpec.of(realScenario);
            Scenario twinScenario = null;
            Environment<?, ?> twinEnv;
            if (candidate.perturbed()) {
                twinScenario = create(candidate.overrides(scenario.plugin().config()), Seeds.derive(seed, "twin"));
                twinEnv = ((Scenario.Single) twinScenario).environment();
            } else {
                TransitionDataset data;
                try (Scenario source = scenario.create(Seeds.derive(seed, "data-" + candidate.size()))) {
                    data = randomData(((Scenario.Single) source).environment(), candidate.size(), Seeds.derive(seed, "data-" + candidate.size()));
                }
                DigitalTwin<?, ?> twin = tabular.service().build(spec, data, tabular.config(), Seeds.derive(seed, "twin-" + candidate.size()),
                        TrainingListener.NONE);
                twinEnv = twin;
            }
            try {
                UnitData out = measure(realEnv, real, twinEnv, seed);
                out.put("name", candidate.name()).put("kind", candidate.perturbed() ? "perturbed" : "tabular").put("level", candidate.level())
                        .put("size", (long) candidate.size()).put("seed", seed);
                for (String key : new String[] {"wasserstein", "tv", "empirical", "gap", "bound", "bound_tv"}) {
                    context.metric(0, key, out.getDouble(key));
                }
                context.progress(unit.work());
                return out;
            } finally {
                if (twinScenario != null) {
                    twinScenario.close();
                }
            }
        }
    }

    /** The three metrics, the twin-optimal policy's real value, the real optimum, the gap and the bounds. */
    @SuppressWarnings({"rawtypes"})
    private UnitData measure(Environment<?, ?> realEnv, FiniteMdp<?> real, Environment<?, ?> twinEnv, long seed) {
        MdpTables realTables = real.tables();
        FiniteMdp<?> twinMdp = StateMatching.finite(twinEnv);
        int[] twinOf = StateMatching.match(realEnv.observationSpace(), real, twinMdp);
        MdpTables twin = StateMatching.align(twinMdp.tables(), twinOf);
        Similarity w = metrics.wasserstein(realTables, twin);
        Similarity tv = metrics.tv(realTables, twin);
        TransitionDataset realData = randomData(realEnv, settings.empiricalTransitions(), Seeds.derive(seed, "empirical-real"));
        TransitionDataset twinData = randomData(twinEnv, settings.empiricalTransitions(), Seeds.derive(seed, "empirical-twin"));
        Similarity empirical = metrics.empirical(realData, twinData);

        MdpSolver solver = new MdpSolver(settings.gamma(), settings.denseUpTo());
        // the twin-optimal policy (value iteration in the twin), deployed through the matching: real state s acts as twin state s
        int[] twinPolicy = solver.valueIteration(twin, 1e-6);
        int[] deployed = java.util.Arrays.copyOf(twinPolicy, realTables.stateCount());
        double[] twinOptimal = solver.evaluate(twin, solver.optimalPolicy(twin, twinPolicy));
        double epsilon = 0; // sub-optimality of the deployed policy's actions in the twin, per step
        for (int s = 0; s < realTables.stateCount(); s++) {
            epsilon = Math.max(epsilon, twinOptimal[s] - solver.q(twin, twinOptimal, s, deployed[s]));
        }
        double[] policyValue = solver.evaluate(realTables, deployed);
        double[] optimal = solver.evaluate(realTables, solver.optimalPolicy(realTables, solver.valueIteration(realTables, 1e-6)));
        double gap = MdpSolver.initialValue(realTables, optimal) - MdpSolver.initialValue(realTables, policyValue);
        double gamma = settings.gamma();
        UnitData out = new UnitData();
        out.put("wasserstein", w.distance()).put("wasserstein_certified", w.details().get("certified"));
        out.put("tv", tv.distance()).put("tv_certified", tv.details().get("certified"));
        out.put("empirical", empirical.distance()).put("empirical_radius", empirical.details().get("radius"));
        out.put("twin_suboptimality", epsilon);
        out.put("real_optimum", MdpSolver.initialValue(realTables, optimal));
        out.put("policy_value", MdpSolver.initialValue(realTables, policyValue));
        out.put("gap", gap);
        out.put("bound", (2 * w.details().get("certified") + epsilon) / (1 - gamma));
        out.put("bound_tv", (2 * tv.details().get("certified") + epsilon) / (1 - gamma));
        out.put("states", (long) realTables.stateCount()).put("twin_states", (long) twin.stateCount());
        return out;
    }

    /** Times the three metrics on the scenario at another capacity against its 10% arrival-rate twin. */
    private UnitData timing(int capacity, long seed) {
        Config realConfig = scenario.plugin().service().configSchema().validate(Candidate.withCapacity(scenario.plugin().config(), capacity),
                "scenario.config");
        Config twinConfig = scenario.plugin().service().configSchema()
                .validate(Candidate.perturbed(Candidate.Rate.ARRIVALS, 0.1).overrides(realConfig), "scenario.config");
        try (Scenario r = scenario.plugin().service().create(realConfig, seed); Scenario t = scenario.plugin().service().create(twinConfig, seed)) {
            Environment<?, ?> realEnv = ((Scenario.Single) r).environment();
            FiniteMdp<?> real = StateMatching.finite(realEnv);
            Environment<?, ?> twinEnv = ((Scenario.Single) t).environment();
            MdpTables realTables = real.tables();
            @SuppressWarnings("rawtypes")
            FiniteMdp<?> twinMdp = StateMatching.finite(twinEnv);
            MdpTables twin = StateMatching.align(twinMdp.tables(), StateMatching.match(realEnv.observationSpace(), real, twinMdp));
            long t0 = System.nanoTime();
            metrics.wasserstein(realTables, twin);
            long t1 = System.nanoTime();
            metrics.tv(realTables, twin);
            long t2 = System.nanoTime();
            TransitionDataset realData = randomData(realEnv, settings.empiricalTransitions(), Seeds.derive(seed, "empirical-real"));
            TransitionDataset twinData = randomData(twinEnv, settings.empiricalTransitions(), Seeds.derive(seed, "empirical-twin"));
            long t3 = System.nanoTime();
            metrics.empirical(realData, twinData);
            long t4 = System.nanoTime();
            return new UnitData().put("capacity", (long) capacity).put("states", (long) realTables.stateCount())
                    .put("wasserstein_seconds", (t1 - t0) / 1e9).put("tv_seconds", (t2 - t1) / 1e9).put("empirical_seconds", (t4 - t3) / 1e9);
        }
    }

    private Scenario create(Map<String, Object> raw, long seed) {
        Config config = scenario.plugin().service().configSchema().validate(raw, "scenario.config");
        return scenario.plugin().service().create(config, seed);
    }

    /** @return {@code transitions} transitions of uniformly random actions, episodes reset as the environment ends them */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static TransitionDataset randomData(Environment env, int transitions, long seed) {
        RecordingEnvironment recorder = new RecordingEnvironment(env, Map.of(), true);
        RandomGenerator random = Seeds.generator(Seeds.derive(seed, "actions"));
        Step step = recorder.reset(Seeds.derive(seed, "episodes"));
        for (int i = 0; i < transitions; i++) {
            if (step.done()) {
                step = recorder.reset();
            }
            step = recorder.step(env.actionSpace().sample(random));
        }
        return recorder.drain();
    }

    @Override
    public Report report(List<UnitResult> results, ReportContext context) throws IOException {
        return new DtBsmReport(name, scenario.id(), settings).write(results, context.folder());
    }

    @Override
    public Map<String, Object> resolved() {
        Map<String, Object> r = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        candidates.forEach(c -> names.add(c.name()));
        r.put("candidates", names);
        r.put("metrics", List.of(DtBsmKind.WASSERSTEIN, DtBsmKind.TV, DtBsmKind.EMPIRICAL));
        return r;
    }
}
