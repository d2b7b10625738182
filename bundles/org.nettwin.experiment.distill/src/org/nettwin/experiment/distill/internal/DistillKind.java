package org.nettwin.experiment.distill.internal;

import java.util.List;

import org.nettwin.api.PluginDescriptor;
import org.nettwin.api.config.Config;
import org.nettwin.api.config.ConfigSchema;
import org.nettwin.api.distill.Distiller;
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
 * {@code "type": "distill"}: knowledge distillation. A teacher (the algorithm trained for the
 * budget, or a policy it saved) is compressed by a {@link Distiller} into a small student on the
 * states the teacher visits; the report measures sizes, inference time, agreement and the return
 * each keeps.
 */
@Component(service = ExperimentKind.class, property = "nettwin.id=distill")
public final class DistillKind implements ExperimentKind {

    static final Section.Plugin DISTILL = new Section.Plugin("distill", Distiller.class, true, false, ConfigSchema.builder()
            .requiredLongParam("datasetSteps", 1, 1_000_000_000L, "teacher states recorded to train the student (the teacher acting "
                    + "with its own exploration)")
            .optionalLongParam("heldOutSteps", 1, 1_000_000_000L, "teacher states recorded for agreement and timing, not trained on "
                    + "(default: a quarter of datasetSteps)")
            .intParam("timingCalls", 20_000, 1, 100_000_000, "timed single-action calls per policy")
            .build(), "{\"id\": \"distill/policy\", \"config\": {...}, \"datasetSteps\": N}: the distiller and its data");

    static final Section.Settings BUDGET = new Section.Settings("budget", Sections.budget().build(), true,
            "{\"steps\": N, \"evalEpisodes\": 10}: the teacher's training steps (ignored with a saved policy) and the evaluation");

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor("distill", "Knowledge distillation",
                "A teacher (trained for the budget, or a saved policy) is compressed into a small student on the states it visits; "
                        + "sizes, inference time, agreement and the return kept (the slicing paper's distillation).");
    }

    @Override
    public List<Section> sections() {
        return List.of(Sections.SCENARIO, Sections.algorithm("the teacher: an algorithm trained for the budget, or a policy it saved", true),
                DISTILL, BUDGET);
    }

    @Override
    public Study prepare(ExperimentPlan plan) {
        ScenarioUse scenario = ScenarioUse.of(plan, true);
        PluginUse<AlgorithmProvider> teacher = plan.plugin("algorithm", AlgorithmProvider.class);
        PluginUse<Distiller> distiller = plan.plugin("distill", Distiller.class);
        Config settings = plan.settings("distill");
        Config budget = plan.settings("budget");
        if (scenario == null || teacher == null || distiller == null || settings == null || budget == null) {
            return null;
        }
        EnvironmentSpec spec = Checks.spec(plan, scenario.plugin(), "scenario");
        if (spec == null) {
            return null;
        }
        if (spec.multiAgent()) {
            plan.problem("scenario.id", "distill experiments need a single-agent scenario");
            return null;
        }
        if (!scenario.check(plan, spec) || !Checks.fits(plan, teacher, "algorithm", spec, scenario.id()) || !Checks.savedPolicyLoads(plan, teacher, "algorithm", spec)) {
            return null;
        }
        return new DistillStudy(plan.seeds(), scenario, teacher, distiller, settings, budget);
    }
}
