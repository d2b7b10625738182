package org.nettwin.experiment.collect.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.nettwin.api.Seeds;
import org.nettwin.api.config.Config;
import org.nettwin.api.data.TransitionBinary;
import org.nettwin.api.data.TransitionCsv;
import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.experiment.Checks;
import org.nettwin.api.experiment.MetricRow;
import org.nettwin.api.experiment.PluginUse;
import org.nettwin.api.experiment.Report;
import org.nettwin.api.experiment.ReportContext;
import org.nettwin.api.experiment.Statistics;
import org.nettwin.api.experiment.ScenarioUse;
import org.nettwin.api.experiment.Study;
import org.nettwin.api.experiment.Unit;
import org.nettwin.api.experiment.UnitContext;
import org.nettwin.api.experiment.UnitData;
import org.nettwin.api.experiment.UnitResult;
import org.nettwin.api.rl.AlgorithmProvider;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.rl.Policy;
import org.nettwin.api.rl.TransitionRecorder;
import org.nettwin.api.scenario.Scenario;

/**
 * One unit per seed: the scenario (seed {@code Seeds.derive(seed, "scenario")}, first reset
 * {@code Seeds.derive(seed, "episodes")}) and the behaviour (actions drawn from
 * {@code Seeds.derive(seed, "behaviour")}) record {@code collect.steps} transitions into
 * {@code dataset-SEED.ntds} and/or {@code dataset-SEED.csv}; multi-agent scenarios write one dataset per
 * agent, {@code dataset-SEED-AGENT.*}.
 */
final class CollectStudy implements Study {

    private final List<Long> seeds;
    private final ScenarioUse scenario;
    private final PluginUse<AlgorithmProvider> behaviour;
    private final Config collect;

    CollectStudy(List<Long> seeds, ScenarioUse scenario, PluginUse<AlgorithmProvider> behaviour, Config collect) {
        this.seeds = seeds;
        this.scenario = scenario;
        this.behaviour = behaviour;
        this.collect = collect;
    }

    @Override
    public List<Unit> units() {
        List<Unit> units = new ArrayList<>();
        for (long seed : seeds) {
            units.add(new Unit("seed-" + seed, seed, "seed " + seed, collect.getLong("steps")));
        }
        return units;
    }

    @Override
    public UnitData run(Unit unit, UnitContext context) throws IOException {
        long seed = unit.seed();
        try (Scenario s = scenario.create(Seeds.derive(seed, "scenario"))) {
            EnvironmentSpec spec = EnvironmentSpec.of(s);
            List<Policy<?, ?>> policies = new ArrayList<>();
            if (behaviour.policy() != null) {
                policies.add(Checks.loadPolicy(behaviour, spec));
            } else {
                var algorithm = behaviour.service().create(spec, behaviour.config(), Seeds.derive(seed, "algorithm"));
                for (int i = 0; i < spec.agents().size(); i++) {
                    policies.add(algorithm.policy(i));
                }
            }
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put("scenario", scenario.id());
            meta.put("behaviour", behaviour.id() + (behaviour.policy() == null ? "" : " (" + behaviour.policy().getFileName() + ")"));
            meta.put("stochastic", Boolean.toString(collect.getBoolean("stochastic")));
            meta.put("seed", Long.toString(seed));
            List<TransitionDataset> data = TransitionRecorder.record(s, policies, collect.getLong("steps"), collect.getBoolean("stochastic"),
                    Seeds.generator(Seeds.derive(seed, "behaviour")), Seeds.derive(seed, "episodes"), meta, context.trainingListener("", 0));
            String format = collect.getString("format");
            for (int i = 0; i < data.size(); i++) {
                String base = "dataset-" + seed + (spec.multiAgent() ? "-" + spec.agents().get(i) : "");
                if (!format.equals("csv")) {
                    try (OutputStream out = new BufferedOutputStream(context.file(base + ".ntds"))) {
                        TransitionBinary.write(data.get(i), out);
                    }
                }
                if (!format.equals("binary")) {
                    try (Writer out = new OutputStreamWriter(new BufferedOutputStream(context.file(base + ".csv")), StandardCharsets.UTF_8)) {
                        TransitionCsv.write(data.get(i), out);
                    }
                }
            }
            return new UnitData().put("transitions", (long) data.get(0).size()).put("agents", (long) data.size());
        }
    }

    @Override
    public Report report(List<UnitResult> results, ReportContext context) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scenario", scenario.id());
        m.put("behaviour", behaviour.id());
        List<Map<String, Object>> perSeed = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (UnitResult r : results) {
            List<Double> returns = new ArrayList<>();
            for (MetricRow row : r.metrics()) {
                if (row.metric().equals("episode_return")) {
                    returns.add(row.value());
                }
            }
            double last = Statistics.tailMean(returns.stream().mapToDouble(Double::doubleValue).toArray(), 0.1);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("seed", r.unit().seed());
            row.put("transitions", r.data().getLong("transitions"));
            row.put("datasets", r.data().getLong("agents"));
            row.put("episodes", returns.size());
            row.put("final_return", Statistics.finiteOrNull(last));
            row.put("wall_seconds", r.wallSeconds());
            perSeed.add(row);
            lines.add(String.format(Locale.ROOT, "seed %d: %d transitions, %d episodes, mean return of the last episodes %.4f (%.1f s)",
                    r.unit().seed(), r.data().getLong("transitions"), returns.size(), last, r.wallSeconds()));
        }
        m.put("per_seed", perSeed);
        return new Report(m, lines);
    }

    @Override
    public Map<String, Object> resolved() {
        return Map.of("seedDerivation", "scenario: Seeds.derive(seed, \"scenario\"), behaviour algorithm: Seeds.derive(seed, \"algorithm\"), "
                + "sampled actions: Seeds.derive(seed, \"behaviour\"), first reset: Seeds.derive(seed, \"episodes\")");
    }
}
