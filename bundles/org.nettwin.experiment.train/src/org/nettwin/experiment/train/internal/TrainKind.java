package org.nettwin.experiment.train.internal;

import java.util.List;

import org.nettwin.api.PluginDescriptor;
import org.nettwin.api.config.Config;
import org.nettwin.api.experiment.Checks;
import org.nettwin.api.experiment.ExperimentKind;
import org.nettwin.api.experiment.ExperimentPlan;
import org.nettwin.api.experiment.PluginUse;
import org.nettwin.api.experiment.ScenarioUse;
import org.nettwin.api.experiment.Section;
import org.nettwin.api.experiment.Sections;
import org.nettwin.api.experiment.Study;
import org.nettwin.api.rl.AlgorithmProvider;
import org.nettwin.api.rl.EnvironmentSpec;
import org.osgi.service.component.annotations.Component;

/**
 * {@code "type": "train"} (also the kind of files without a type): an algorithm learns on a
 * scenario for a budget of steps per seed, then its deterministic policy is evaluated on a
 * fresh instance of the scenario.
 */
@Component(service = ExperimentKind.class, property = "nettwin.id=train")
public final class TrainKind implements ExperimentKind {

    static final Section.Settings BUDGET = new Section.Settings("budget", Sections.budget()
            .longParam("checkpointEvery", 0, 0, 10_000_000_000L, "steps between checkpoints of a Resumable algorithm's whole state, "
                    + "from which a killed run resumes (0 = none: a resumed run restarts unfinished seeds). Learning proceeds in "
                    + "chunks of this many steps, each starting a new episode: a multiple of the episode length changes nothing")
            .build(), true, "{\"steps\": N, \"evalEpisodes\": 10, \"maxEpisodeSteps\": 100000}: steps of learning per seed and the evaluation");

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor("train", "Train and evaluate",
                "An algorithm learns on a scenario for a budget of environment steps per seed; its deterministic policy is then "
                        + "evaluated on a fresh instance. metrics.csv, summary.json, reward.png.");
    }

    @Override
    public List<Section> sections() {
        return List.of(Sections.SCENARIO, Sections.algorithm("the algorithm that learns", false), BUDGET);
    }

    @Override
    public Study prepare(ExperimentPlan plan) {
        ScenarioUse scenario = ScenarioUse.of(plan, true);
        PluginUse<AlgorithmProvider> algorithm = plan.plugin("algorithm", AlgorithmProvider.class);
        Config budget = plan.settings("budget");
        if (scenario == null || algorithm == null || budget == null) {
            return null;
        }
        EnvironmentSpec spec = Checks.spec(plan, scenario.plugin(), "scenario");
        if (spec == null || !scenario.check(plan, spec) || !Checks.fits(plan, algorithm, "algorithm", spec, scenario.id())) {
            return null;
        }
        return new TrainStudy(plan.name(), plan.seeds(), scenario, algorithm, budget);
    }
}
