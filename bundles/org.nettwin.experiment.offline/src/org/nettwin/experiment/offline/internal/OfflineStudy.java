package org.nettwin.experiment.offline.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.nettwin.api.Seeds;
import org.nettwin.api.config.Config;
import org.nettwin.api.data.TransitionDataset;
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
import org.nettwin.api.rl.Algorithm;
import org.nettwin.api.rl.AlgorithmProvider;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.rl.OfflineLearner;
import org.nettwin.api.rl.Policy;
import org.nettwin.api.rl.Rollouts;
import org.nettwin.api.rl.TransitionRecorder;
import org.nettwin.api.run.TrainingListener;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.plot.LineChart;

/**
 * One unit per seed: one dataset (the file, or {@code datasetSteps} transitions recorded by the
 * behaviour), every variant learning from it alone from the same algorithm seed, each evaluated
 * {@code evaluations} times as it learns, and the behaviour evaluated beside them on the same
 * episodes. Metric rows: {@code VARIANT/eval_return} and the learner's losses at update counts,
 * {@code behaviour/eval_return} at 0.
 */
final class OfflineStudy implements Study {

    private final String name;
    private final List<Long> seeds;
    private final ScenarioUse scenario;
    private final PluginUse<AlgorithmProvider> algorithm;
    private final PluginUse<AlgorithmProvider> behaviour;
    private final Map<String, Config> variants;
    private final Config offline;
    private final Config budget;
    /** The checked dataset file, read once and shared by every unit (read only), or null to record one per seed. */
    private final TransitionDataset dataset;

    OfflineStudy(String name, List<Long> seeds, ScenarioUse scenario, PluginUse<AlgorithmProvider> algorithm,
            PluginUse<AlgorithmProvider> behaviour, Map<String, Config> variants, Config offline, Config budget, TransitionDataset dataset) {
        this.dataset = dataset;
        this.name = name;
        this.seeds = seeds;
        this.scenario = scenario;
        this.algorithm = algorithm;
        this.behaviour = behaviour;
        this.variants = variants;
        this.offline = offline;
        this.budget = budget;
    }

    @Override
    public List<Unit> units() {
        List<Unit> units = new ArrayList<>();
        for (long seed : seeds) {
            units.add(new Unit("seed-" + seed, seed, "seed " + seed, offline.getLong("updates") * variants.size()));
        }
        return units;
    }

    @Override
    public UnitData run(Unit unit, UnitContext context) throws IOException {
        long seed = unit.seed();
        int evalEpisodes = budget.getInt("evalEpisodes");
        int maxSteps = budget.getInt("maxEpisodeSteps");
        try (Scenario real = scenario.create(Seeds.derive(seed, "scenario"));
                Scenario eval = scenario.create(Seeds.derive(seed, "scenario"))) {
            EnvironmentSpec spec = EnvironmentSpec.of(real);
            long evalSeed = Seeds.derive(seed, "evaluation");
            TransitionDataset data;
            double behaviourReturn = Double.NaN;
            if (dataset != null) {
                data = dataset;
            } else {
                boolean stochastic = offline.getBoolean("stochastic");
                Policy<?, ?> policy = behaviour.service().create(spec, behaviour.config(), Seeds.derive(seed, "behaviour")).policy();
                Map<String, String> meta = new LinkedHashMap<>();
                meta.put("scenario", scenario.id());
                meta.put("behaviour", behaviour.id());
                meta.put("seed", Long.toString(seed));
                data = TransitionRecorder.record(real, List.of(policy), offline.getLong("datasetSteps"), stochastic,
                        Seeds.generator(Seeds.derive(seed, "behaviour-actions")), Seeds.derive(seed, "history"), meta, TrainingListener.NONE)
                        .get(0);
                behaviourReturn = Rollouts.meanReturn(((Scenario.Single) eval).environment(), policy, evalEpisodes, evalSeed, maxSteps,
                        stochastic ? Seeds.generator(Seeds.derive(seed, "behaviour-evaluation")) : null);
                context.metric(0, "behaviour/eval_return", behaviourReturn);
            }
            long updates = offline.getLong("updates");
            int evaluations = offline.getInt("evaluations");
            UnitData result = new UnitData().put("behaviour_return", behaviourReturn).put("transitions", (long) data.size());
            UnitData curves = new UnitData();
            long progressBase = 0;
            for (Map.Entry<String, Config> variant : variants.entrySet()) {
                String v = variant.getKey();
                Algorithm agent = algorithm.service().create(spec, variant.getValue(), Seeds.derive(seed, "algorithm"));
                OfflineLearner learner = agent.capability(OfflineLearner.class).orElseThrow();
                double[][] curve = new double[evaluations][];
                long done = 0;
                for (int k = 1; k <= evaluations && !context.cancelled(); k++) {
                    long target = updates * k / evaluations;
                    long offset = done;
                    long base = progressBase;
                    done += learner.learnOffline(data, target - done, new TrainingListener() {
                        @Override
                        public void onMetric(long step, String metric, double value) {
                            context.metric(offset + step, v + "/" + metric, value);
                        }

                        @Override
                        public void onProgress(long step, long total) {
                            context.progress(base + offset + step);
                        }

                        @Override
                        public boolean isCancelled() {
                            return context.cancelled();
                        }
                    });
                    double value = Rollouts.meanReturn(((Scenario.Single) eval).environment(), agent.policy(), evalEpisodes, evalSeed, maxSteps);
                    context.metric(done, v + "/eval_return", value);
                    curve[k - 1] = new double[] {done, value};
                    context.progress(base + done);
                }
                if (context.cancelled()) {
                    return new UnitData(); // the run is discarded
                }
                progressBase += updates;
                curves.put(v, curve);
            }
            return result.put("curves", curves);
        }
    }

    @Override
    public Report report(List<UnitResult> results, ReportContext context) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scenario", scenario.id());
        m.put("algorithm", algorithm.id());
        m.put("dataset", offline.has("dataset") ? offline.getPath("dataset").toString()
                : "recorded per seed by " + behaviour.id() + " (" + offline.getLong("datasetSteps") + " transitions)");
        m.put("updates", offline.getLong("updates"));
        Map<String, Object> out = new LinkedHashMap<>();
        LineChart chart = new LineChart(name + ": offline " + algorithm.id() + " on " + scenario.id() + " (mean of " + results.size()
                + " seeds, mean ± std)", "gradient updates", "evaluation return");
        List<String> lines = new ArrayList<>();
        for (String v : variants.keySet()) {
            double[] finals = new double[results.size()];
            double[][] first = results.get(0).data().getData("curves").getMatrix(v);
            double[] x = new double[first.length];
            double[][] y = new double[results.size()][first.length];
            for (int i = 0; i < results.size(); i++) {
                double[][] curve = results.get(i).data().getData("curves").getMatrix(v);
                finals[i] = curve[curve.length - 1][1];
                for (int k = 0; k < x.length; k++) {
                    x[k] = curve[k][0];
                    y[i][k] = curve[k][1];
                }
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("final_eval_return_mean", Statistics.mean(finals));
            row.put("final_eval_return_std", Statistics.std(finals));
            row.put("per_seed", java.util.Arrays.stream(finals).boxed().toList());
            out.put(v, row);
            chart.seriesOverSeeds(v, x, y);
            lines.add(String.format(Locale.ROOT, "%s: final evaluation return %.4f ± %.4f over %d seed(s)", v, Statistics.mean(finals),
                    Statistics.std(finals), finals.length));
        }
        m.put("variants", out);
        double[] behaviourReturns = results.stream().mapToDouble(r -> r.data().getDouble("behaviour_return")).toArray();
        if (Double.isFinite(behaviourReturns[0])) {
            double mean = Statistics.mean(behaviourReturns);
            m.put("behaviour_eval_return_mean", mean);
            chart.horizontalLine("behaviour policy (" + behaviour.id() + ")", mean);
            lines.add(String.format(Locale.ROOT, "behaviour %s: %.4f", behaviour.id(), mean));
        }
        m.put("transitions_read_per_seed", results.stream().map(r -> r.data().getLong("transitions")).toList());
        chart.writePng(context.folder().resolve("offline.png"), 960, 600);
        return new Report(m, lines);
    }

    @Override
    public Map<String, Object> resolved() {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> v = new LinkedHashMap<>();
        variants.forEach((k, c) -> v.put(k, c.asMap()));
        m.put("variants", v);
        m.put("seedDerivation", "scenario: Seeds.derive(seed, \"scenario\"), every variant's algorithm: Seeds.derive(seed, \"algorithm\"), "
                + "behaviour: Seeds.derive(seed, \"behaviour\") (actions Seeds.derive(seed, \"behaviour-actions\"), first reset "
                + "Seeds.derive(seed, \"history\")), evaluation episode i: Seeds.derive(Seeds.derive(seed, \"evaluation\"), i)");
        return m;
    }
}
