package org.nettwin.experiment.domains.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.nettwin.api.Seeds;
import org.nettwin.api.experiment.PluginUse;
import org.nettwin.api.experiment.Report;
import org.nettwin.api.experiment.ReportContext;
import org.nettwin.api.experiment.ScenarioUse;
import org.nettwin.api.experiment.Study;
import org.nettwin.api.experiment.Unit;
import org.nettwin.api.experiment.UnitContext;
import org.nettwin.api.experiment.UnitData;
import org.nettwin.api.experiment.UnitResult;
import org.nettwin.api.twin.TwinBuilder;
import org.nettwin.domains.DomainCost;
import org.nettwin.domains.DomainSet;
import org.nettwin.domains.JointView;
import org.nettwin.domains.Physical;
import org.nettwin.domains.learn.KStepConfig;
import org.nettwin.domains.learn.KStepDqn;
import org.nettwin.domains.learn.TrialsConfig;
import org.nettwin.domains.learn.TrialsQLearning;

/**
 * Both kinds' study: one unit per (arm, seed). A unit creates the physical scenario with
 * {@code Seeds.derive(seed, "scenario")} (the same for every arm of a seed, so arms meet the same
 * physical episodes as far as their actions let them), its domains (perfect copies of that instance's
 * configuration and creation seed, or a twin learned from {@code Seeds.derive(seed, ...)} data), and
 * the learner with {@code Seeds.derive(seed, "learner")}; it plays the study's physical episodes,
 * reporting each return as the metric {@code ARM/episode_return} at step = episode index.
 */
final class DomainStudy implements Study {

    private final String name;
    private final List<Long> seeds;
    private final ScenarioUse scenario;
    private final PluginUse<TwinBuilder> twin;
    private final DomainSettings domains;
    private final List<Arm> arms;
    private final int episodes;
    private final TrialsConfig trials;
    private final KStepConfig kStep;
    private final SweepReport report;

    DomainStudy(String name, List<Long> seeds, ScenarioUse scenario, PluginUse<TwinBuilder> twin, DomainSettings domains, List<Arm> arms,
            int episodes, TrialsConfig trials, KStepConfig kStep, SweepReport report) {
        this.name = name;
        this.seeds = seeds;
        this.scenario = scenario;
        this.twin = twin;
        this.domains = domains;
        this.arms = arms;
        this.episodes = episodes;
        this.trials = trials;
        this.kStep = kStep;
        this.report = report;
    }

    @Override
    public List<Unit> units() {
        List<Unit> units = new ArrayList<>();
        for (Arm arm : arms) {
            for (long seed : seeds) {
                long work = (long) episodes * Math.max(1, arm.trials() + arm.k() * arm.domains());
                units.add(new Unit(arm.key() + "-seed-" + seed, seed, arm.label() + ", seed " + seed, work));
            }
        }
        return units;
    }

    private Arm arm(Unit unit) {
        for (Arm a : arms) {
            if (unit.key().startsWith(a.key() + "-seed-")) {
                return a;
            }
        }
        throw new IllegalArgumentException("no arm for unit " + unit.key());
    }

    /** Plays one physical episode with learning. */
    private interface Learner {
        double episode();
    }

    @Override
    public UnitData run(Unit unit, UnitContext context) throws IOException {
        Arm arm = arm(unit);
        long seed = unit.seed();
        long scenarioSeed = Seeds.derive(seed, "scenario");
        long learnerSeed = Seeds.derive(seed, "learner");
        try (Physical physical = new Physical(new JointView(scenario.create(scenarioSeed)), domains.history());
                DomainBuilder builder = new DomainBuilder(scenario, twin, domains)) {
            Learner learner;
            DomainSet set;
            if (trials != null) {
                TrialsConfig c = trials.withTrials(arm.trials());
                set = builder.build(arm, arm.trials() - 1, physical, scenarioSeed, seed, c.storageCapacity());
                TrialsQLearning q = new TrialsQLearning(c, physical, set, learnerSeed);
                learner = () -> q.episode(physical, set, learnerSeed);
            } else {
                KStepConfig c = kStep.with(arm.k(), arm.domains());
                set = builder.build(arm, arm.k() > 1 ? arm.domains() : 0, physical, scenarioSeed, seed, c.bufferSize());
                KStepDqn dqn = new KStepDqn(c, physical, set, learnerSeed);
                learner = () -> dqn.episode(physical, set, learnerSeed);
            }
            try (set) {
                double[] returns = new double[episodes];
                int played = 0;
                long perEpisode = Math.max(1, arm.trials() + arm.k() * arm.domains());
                for (int e = 0; e < episodes && !context.cancelled(); e++) {
                    returns[e] = learner.episode();
                    context.metric(e, arm.key() + "/episode_return", returns[e]);
                    context.progress((e + 1) * perEpisode);
                    played++;
                }
                DomainCost cost = set.cost(physical, played, builder.twinDataSteps(), builder.twinBuildSeconds());
                return new UnitData().put("returns", java.util.Arrays.copyOf(returns, played)).put("cost", costData(cost));
            }
        }
    }

    static UnitData costData(DomainCost c) {
        return new UnitData().put("physical_steps", c.physicalSteps()).put("physical_episodes", c.physicalEpisodes())
                .put("domain_steps", c.domainSteps()).put("syncs", c.syncs()).put("stored_transitions", c.storedTransitions())
                .put("physical_seconds", c.physicalSeconds()).put("domain_seconds", c.domainSeconds())
                .put("twin_data_steps", c.twinDataSteps()).put("twin_build_seconds", c.twinBuildSeconds());
    }

    @Override
    public Report report(List<UnitResult> results, ReportContext context) throws IOException {
        return report.write(name, arms, results, context);
    }

    @Override
    public Map<String, Object> resolved() {
        return Map.of("seedDerivation", "physical scenario and perfect copies: Seeds.derive(seed, \"scenario\"); learner: "
                + "Seeds.derive(seed, \"learner\"); twin data: Seeds.derive(seed, \"twin-data\"); domain noise d: Seeds.derive(seed, \"noise\" + d)",
                "arms", arms.stream().map(Arm::label).toList());
    }
}
