package __PACKAGE__;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

import org.nettwin.api.Seeds;
import org.nettwin.api.env.Environment;
import org.nettwin.api.env.Step;
import org.nettwin.api.experiment.Report;
import org.nettwin.api.experiment.ReportContext;
import org.nettwin.api.experiment.ScenarioUse;
import org.nettwin.api.experiment.Statistics;
import org.nettwin.api.experiment.Study;
import org.nettwin.api.experiment.Unit;
import org.nettwin.api.experiment.UnitContext;
import org.nettwin.api.experiment.UnitData;
import org.nettwin.api.experiment.UnitResult;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.space.Space;

/**
 * One unit per seed: the scenario is created with {@code Seeds.derive(seed, "scenario")}, episode i
 * is reset with {@code Seeds.derive(Seeds.derive(seed, "episodes"), i)}, actions are drawn from
 * {@code Seeds.derive(seed, "actions")} — so the same seed gives the same rows. Rows:
 * {@code episode_return} and {@code episode_length} at step = episode index.
 */
final class __CLASS__Study implements Study {

    private final List<Long> seeds;
    private final ScenarioUse scenario;
    private final __CLASS__Config settings;

    __CLASS__Study(List<Long> seeds, ScenarioUse scenario, __CLASS__Config settings) {
        this.seeds = seeds;
        this.scenario = scenario;
        this.settings = settings;
    }

    @Override
    public List<Unit> units() {
        List<Unit> units = new ArrayList<>();
        for (long seed : seeds) {
            units.add(new Unit("seed-" + seed, seed, "seed " + seed, settings.episodes()));
        }
        return units;
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public UnitData run(Unit unit, UnitContext context) {
        long seed = unit.seed();
        try (Scenario s = scenario.create(Seeds.derive(seed, "scenario"))) {
            Environment env = ((Scenario.Single) s).environment();
            Space actions = env.actionSpace();
            RandomGenerator random = Seeds.generator(Seeds.derive(seed, "actions"));
            double[] returns = new double[settings.episodes()];
            double[] lengths = new double[settings.episodes()];
            for (int i = 0; i < settings.episodes() && !context.cancelled(); i++) {
                Step<?> step = env.reset(Seeds.derive(Seeds.derive(seed, "episodes"), i));
                int t = 0;
                while (t < settings.maxEpisodeSteps() && !step.done()) {
                    step = env.step(actions.sample(random));
                    returns[i] += step.reward();
                    t++;
                }
                lengths[i] = t;
                context.metric(i, "episode_return", returns[i]);
                context.metric(i, "episode_length", t);
                context.progress(i + 1);
            }
            return new UnitData().put("returns", returns).put("lengths", lengths);
        }
    }

    @Override
    public Report report(List<UnitResult> results, ReportContext context) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("scenario", scenario.id());
        List<String> lines = new ArrayList<>();
        List<Map<String, Object>> perSeed = new ArrayList<>();
        for (UnitResult r : results) {
            double[] returns = r.data().getDoubles("returns");
            double[] lengths = r.data().getDoubles("lengths");
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("seed", r.unit().seed());
            row.put("mean_return", Statistics.mean(returns));
            row.put("std_return", Statistics.std(returns));
            row.put("mean_length", Statistics.mean(lengths));
            perSeed.add(row);
            lines.add(String.format(Locale.ROOT, "seed %d: return %.4g ± %.3g, length %.1f over %d episodes", r.unit().seed(),
                    row.get("mean_return"), row.get("std_return"), row.get("mean_length"), returns.length));
        }
        summary.put("per_seed", perSeed);
        return new Report(summary, lines);
    }
}
