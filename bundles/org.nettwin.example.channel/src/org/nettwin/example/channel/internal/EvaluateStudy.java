package org.nettwin.example.channel.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

import org.nettwin.api.Seeds;
import org.nettwin.api.config.Config;
import org.nettwin.api.env.Environment;
import org.nettwin.api.env.Step;
import org.nettwin.api.experiment.Checks;
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
import org.nettwin.api.scenario.Scenario;

/**
 * One unit per seed: the scenario ({@code Seeds.derive(seed, "scenario")}) and the policy (fresh
 * with {@code Seeds.derive(seed, "algorithm")}, or loaded) play {@code episodes} episodes, episode
 * i reset with {@code Seeds.derive(Seeds.derive(seed, "evaluation"), i)}; sampled actions draw from
 * {@code Seeds.derive(seed, "actions")}. Rows: {@code episode_return} at step = episode index.
 */
final class EvaluateStudy implements Study {

    private final List<Long> seeds;
    private final ScenarioUse scenario;
    private final PluginUse<AlgorithmProvider> algorithm;
    private final Config settings;

    EvaluateStudy(List<Long> seeds, ScenarioUse scenario, PluginUse<AlgorithmProvider> algorithm, Config settings) {
        this.seeds = seeds;
        this.scenario = scenario;
        this.algorithm = algorithm;
        this.settings = settings;
    }

    @Override
    public List<Unit> units() {
        List<Unit> units = new ArrayList<>();
        for (long seed : seeds) {
            units.add(new Unit("seed-" + seed, seed, "seed " + seed, settings.getInt("episodes")));
        }
        return units;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public UnitData run(Unit unit, UnitContext context) throws IOException {
        long seed = unit.seed();
        try (Scenario s = scenario.create(Seeds.derive(seed, "scenario"))) {
            EnvironmentSpec spec = EnvironmentSpec.of(s);
            Policy policy = algorithm.policy() != null ? Checks.loadPolicy(algorithm, spec)
                    : algorithm.service().create(spec, algorithm.config(), Seeds.derive(seed, "algorithm")).policy();
            Environment env = ((Scenario.Single) s).environment();
            RandomGenerator random = Seeds.generator(Seeds.derive(seed, "actions"));
            boolean stochastic = settings.getBoolean("stochastic");
            int episodes = settings.getInt("episodes");
            double[] returns = new double[episodes];
            for (int i = 0; i < episodes && !context.cancelled(); i++) {
                Step<?> step = env.reset(Seeds.derive(Seeds.derive(seed, "evaluation"), i));
                double ret = 0;
                for (int t = 0; t < settings.getInt("maxEpisodeSteps") && !step.done(); t++) {
                    step = env.step(stochastic ? policy.sample(step.observation(), random) : policy.act(step.observation()));
                    ret += step.reward();
                }
                returns[i] = ret;
                context.metric(i, "episode_return", ret);
                context.progress(i + 1);
            }
            return new UnitData().put("returns", returns);
        }
    }

    /** @return the p-th percentile (0..100) of sorted values, by linear interpolation between ranks */
    static double percentile(double[] sorted, double p) {
        double rank = p / 100 * (sorted.length - 1);
        int lo = (int) Math.floor(rank);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (rank - lo) * (sorted[hi] - sorted[lo]);
    }

    static Map<String, Object> distribution(double[] returns) {
        double[] sorted = returns.clone();
        Arrays.sort(sorted);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("episodes", returns.length);
        m.put("mean", Statistics.mean(returns));
        m.put("std", Statistics.std(returns));
        m.put("p5", percentile(sorted, 5));
        m.put("median", percentile(sorted, 50));
        m.put("p95", percentile(sorted, 95));
        return m;
    }

    @Override
    public Report report(List<UnitResult> results, ReportContext context) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("scenario", scenario.id());
        summary.put("policy", algorithm.id() + (algorithm.policy() == null ? " (fresh)" : " (" + algorithm.policy().getFileName() + ")"));
        List<Map<String, Object>> perSeed = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        List<double[]> all = new ArrayList<>();
        for (UnitResult r : results) {
            double[] returns = r.data().getDoubles("returns");
            all.add(returns);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("seed", r.unit().seed());
            row.putAll(distribution(returns));
            perSeed.add(row);
            lines.add(String.format(Locale.ROOT, "seed %d: return %.4g ± %.3g (5%% %.4g, median %.4g, 95%% %.4g) over %d episodes",
                    r.unit().seed(), row.get("mean"), row.get("std"), row.get("p5"), row.get("median"), row.get("p95"), returns.length));
        }
        double[] pooled = all.stream().flatMapToDouble(Arrays::stream).toArray();
        summary.put("all_seeds", distribution(pooled));
        summary.put("per_seed", perSeed);
        return new Report(summary, lines);
    }
}
