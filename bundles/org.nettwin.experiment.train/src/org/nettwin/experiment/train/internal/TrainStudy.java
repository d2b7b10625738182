package org.nettwin.experiment.train.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.nettwin.api.Seeds;
import org.nettwin.api.config.Config;
import org.nettwin.api.experiment.MetricRow;
import org.nettwin.api.experiment.PluginUse;
import org.nettwin.api.experiment.ScenarioUse;
import org.nettwin.api.experiment.Report;
import org.nettwin.api.experiment.ReportContext;
import org.nettwin.api.experiment.Statistics;
import org.nettwin.api.experiment.Study;
import org.nettwin.api.experiment.Unit;
import org.nettwin.api.experiment.UnitContext;
import org.nettwin.api.experiment.UnitData;
import org.nettwin.api.experiment.UnitResult;
import org.nettwin.api.rl.Algorithm;
import org.nettwin.api.rl.AlgorithmProvider;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.rl.Resumable;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.plot.LineChart;
import org.nettwin.plot.SeedCurves;

/**
 * One unit per seed: the scenario is created twice with {@code Seeds.derive(seed, "scenario")}
 * (one instance to learn on, one to evaluate on), the algorithm with
 * {@code Seeds.derive(seed, "algorithm")}; it learns for {@code budget.steps} steps, then its
 * deterministic policy plays {@code evalEpisodes} episodes (episode i reset with
 * {@code Seeds.derive(Seeds.derive(seed, "evaluation"), i)}).
 */
final class TrainStudy implements Study {

    /** The share of the last learning episodes whose mean is the final training return. */
    static final double FINAL_SHARE = 0.1;

    /** Step buckets of reward.png (fewer when a seed has fewer episodes). */
    static final int REWARD_BUCKETS = 50;

    private final String name;
    private final List<Long> seeds;
    private final ScenarioUse scenario;
    private final PluginUse<AlgorithmProvider> algorithm;
    private final Config budget;

    TrainStudy(String name, List<Long> seeds, ScenarioUse scenario, PluginUse<AlgorithmProvider> algorithm, Config budget) {
        this.name = name;
        this.seeds = seeds;
        this.scenario = scenario;
        this.algorithm = algorithm;
        this.budget = budget;
    }

    @Override
    public List<Unit> units() {
        List<Unit> units = new ArrayList<>();
        for (long seed : seeds) {
            units.add(new Unit("seed-" + seed, seed, "seed " + seed, budget.getLong("steps")));
        }
        return units;
    }

    @Override
    public UnitData run(Unit unit, UnitContext context) throws IOException {
        long seed = unit.seed();
        long scenarioSeed = Seeds.derive(seed, "scenario");
        try (ScenarioUse.Learning train = scenario.learning(scenarioSeed, context.trainingListener("", 0));
                Scenario eval = scenario.create(scenarioSeed)) {
            Algorithm agent = algorithm.service().create(EnvironmentSpec.of(train.scenario()), algorithm.config(), Seeds.derive(seed, "algorithm"));
            long steps = learn(agent, train, context);
            double evalReturn = context.cancelled() ? Double.NaN
                    : train.meanReturn(eval, agent, budget.getInt("evalEpisodes"), Seeds.derive(seed, "evaluation"),
                            budget.getInt("maxEpisodeSteps"));
            if (budget.getInt("evalEpisodes") > 0) {
                context.metric(steps, "eval_return", evalReturn);
            }
            return new UnitData().put("steps", steps).put("eval_return", evalReturn);
        }
    }

    /**
     * Learns the budget: in one call, or — with {@code checkpointEvery} and a {@link Resumable}
     * algorithm — in chunks, saving the whole state (steps done, the wrappers' counts, the
     * algorithm's state) after each, and starting from the unit's checkpoint when the run is resumed.
     */
    private long learn(Algorithm agent, ScenarioUse.Learning train, UnitContext context) throws IOException {
        long total = budget.getLong("steps");
        long every = budget.getLong("checkpointEvery");
        Optional<Resumable> resumable = agent.capability(Resumable.class);
        if (every == 0 || resumable.isEmpty()) {
            return agent.learn(train.scenario(), total, train.listener());
        }
        long done = 0;
        Optional<byte[]> saved = context.checkpoint();
        if (saved.isPresent()) {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(saved.get()));
            done = in.readLong();
            train.loadState(in);
            resumable.get().loadState(in);
        }
        while (done < total && !context.cancelled()) {
            done += agent.learn(train.scenario(), Math.min(every, total - done), train.listener());
            if (done < total && !context.cancelled()) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                DataOutputStream out = new DataOutputStream(bytes);
                out.writeLong(done);
                train.saveState(out);
                out.flush();
                resumable.get().saveState(bytes);
                context.saveCheckpoint(bytes.toByteArray());
            }
        }
        return done;
    }

    /** @return the (step, return) of every learning episode of a unit, from its metric rows */
    static double[][] episodes(UnitResult r) {
        List<double[]> out = new ArrayList<>();
        for (MetricRow row : r.metrics()) {
            if (row.metric().equals("episode_return")) {
                out.add(new double[] {row.step(), row.value()});
            }
        }
        return out.toArray(new double[0][]);
    }

    @Override
    public Report report(List<UnitResult> results, ReportContext context) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scenario", scenario.id());
        m.put("algorithm", algorithm.id());
        List<Map<String, Object>> perSeed = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        double[] evals = new double[results.size()];
        double[] finals = new double[results.size()];
        for (int i = 0; i < results.size(); i++) {
            UnitResult r = results.get(i);
            double[][] episodes = episodes(r);
            double[] returns = new double[episodes.length];
            for (int k = 0; k < returns.length; k++) {
                returns[k] = episodes[k][1];
            }
            evals[i] = r.data().getDouble("eval_return");
            finals[i] = Statistics.tailMean(returns, FINAL_SHARE);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("seed", r.unit().seed());
            row.put("steps", r.data().getLong("steps"));
            row.put("episodes", episodes.length);
            row.put("final_train_return", Statistics.finiteOrNull(finals[i]));
            row.put("eval_return", Statistics.finiteOrNull(evals[i]));
            row.put("wall_seconds", r.wallSeconds());
            perSeed.add(row);
            lines.add(String.format(Locale.ROOT, "seed %d: %d steps, %d episodes, final training return %.4f, evaluation return %.4f (%.1f s)",
                    r.unit().seed(), r.data().getLong("steps"), episodes.length, finals[i], evals[i], r.wallSeconds()));
        }
        m.put("per_seed", perSeed);
        m.put("eval_return_mean", Statistics.finiteOrNull(Statistics.mean(evals)));
        m.put("eval_return_std", Statistics.finiteOrNull(Statistics.std(evals)));
        m.put("final_train_return_mean", Statistics.finiteOrNull(Statistics.mean(finals)));
        lines.add(String.format(Locale.ROOT, "mean evaluation return %.4f", Statistics.mean(evals)));
        if (results.stream().anyMatch(r -> episodes(r).length > 0)) {
            rewardPlot(results).writePng(context.folder().resolve("reward.png"), 960, 600);
        }
        return new Report(m, lines);
    }

    /**
     * reward.png: learning-episode returns against environment steps, the mean over seeds with a
     * band of one standard deviation (each seed's episodes averaged in equal step buckets first).
     */
    private LineChart rewardPlot(List<UnitResult> results) {
        List<double[]> xs = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        for (UnitResult r : results) {
            double[][] episodes = episodes(r);
            if (episodes.length == 0) {
                continue;
            }
            double[] x = new double[episodes.length];
            double[] y = new double[episodes.length];
            for (int k = 0; k < x.length; k++) {
                x[k] = episodes[k][0];
                y[k] = episodes[k][1];
            }
            xs.add(x);
            ys.add(y);
        }
        int buckets = Math.max(1, Math.min(REWARD_BUCKETS, xs.stream().mapToInt(x -> x.length).min().orElse(1)));
        SeedCurves curves = SeedCurves.bucketed(xs.toArray(new double[0][]), ys.toArray(new double[0][]), buckets);
        return new LineChart(name + ": " + algorithm.id() + " on " + scenario.id(), "environment steps", "episode return")
                .seriesOverSeeds("episode return, mean ± std over " + xs.size() + " seed(s)", curves.x(), curves.y());
    }

    @Override
    public Map<String, Object> resolved() {
        return Map.of("seedDerivation", "scenario: Seeds.derive(seed, \"scenario\"), algorithm: Seeds.derive(seed, \"algorithm\"), "
                + "evaluation episode i: Seeds.derive(Seeds.derive(seed, \"evaluation\"), i)");
    }
}
