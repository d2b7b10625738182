package org.nettwin.experiment.collect.internal;

import java.util.List;

import org.nettwin.api.PluginDescriptor;
import org.nettwin.api.config.Config;
import org.nettwin.api.config.ConfigSchema;
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
 * {@code "type": "collect"}: a behaviour policy (an algorithm's fresh policy — random, a baseline's
 * rule — or a policy saved by that algorithm) acts on the scenario and its transitions are
 * recorded as datasets, for twins and offline RL.
 */
@Component(service = ExperimentKind.class, property = "nettwin.id=collect")
public final class CollectKind implements ExperimentKind {

    static final Section.Settings COLLECT = new Section.Settings("collect", ConfigSchema.builder()
            .requiredLongParam("steps", 1, 1_000_000_000L, "transitions to record per seed")
            .choiceParam("format", "binary", List.of("binary", "csv", "both"),
                    "dataset files to write: binary (.ntds, checksummed), csv, or both")
            .boolParam("stochastic", true, "sample the behaviour's actions (else it acts deterministically)")
            .build(), true, "{\"steps\": N, \"format\": \"binary\"}: what to record");

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor("collect", "Collect a dataset",
                "A behaviour policy (an algorithm's fresh policy, or one it saved) acts on a scenario; its transitions are recorded per "
                        + "seed (and agent) as binary and/or CSV datasets with their metadata.");
    }

    @Override
    public List<Section> sections() {
        return List.of(Sections.SCENARIO, Sections.algorithm("the behaviour policy: an algorithm's fresh policy, or one it saved (policy)", true),
                COLLECT);
    }

    @Override
    public Study prepare(ExperimentPlan plan) {
        ScenarioUse scenario = ScenarioUse.of(plan, false);
        PluginUse<AlgorithmProvider> behaviour = plan.plugin("algorithm", AlgorithmProvider.class);
        Config collect = plan.settings("collect");
        if (scenario == null || behaviour == null || collect == null) {
            return null;
        }
        EnvironmentSpec spec = Checks.spec(plan, scenario.plugin(), "scenario");
        if (spec == null || !Checks.fits(plan, behaviour, "algorithm", spec, scenario.id())
                || !Checks.savedPolicyLoads(plan, behaviour, "algorithm", spec)) {
            return null;
        }
        return new CollectStudy(plan.seeds(), scenario, behaviour, collect);
    }
}
