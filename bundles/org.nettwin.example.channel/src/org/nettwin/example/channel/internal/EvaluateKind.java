package org.nettwin.example.channel.internal;

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
 * The SDK's example experiment kind, {@code "type": "example/evaluate"}: a policy — an algorithm's
 * fresh one, or one it saved — plays many episodes per seed, and the report gives the
 * distribution of its returns (mean, deviation, percentiles). A baseline's or a trained agent's
 * spread, not only its mean. It shows the whole shape of a kind: sections declared once,
 * checks in {@link #prepare}, units per seed, plain-data results, a report.
 */
@Component(service = ExperimentKind.class, property = "nettwin.id=example/evaluate")
public final class EvaluateKind implements ExperimentKind {

    static final Section.Settings EVALUATE = new Section.Settings("evaluate", ConfigSchema.builder()
            .intParam("episodes", 100, 1, 1_000_000, "episodes per seed")
            .intParam("maxEpisodeSteps", 100_000, 1, 100_000_000, "a cap on the length of an episode")
            .boolParam("stochastic", false, "sample the policy's actions (else its deterministic actions)")
            .build(), false, "{\"episodes\": 100}: how many episodes, how long at most, sampled or deterministic actions");

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor("example/evaluate", "Evaluate a policy (SDK example)",
                "A policy plays many episodes per seed; the distribution of its returns: mean, deviation, 5th/50th/95th percentiles.");
    }

    @Override
    public List<Section> sections() {
        return List.of(Sections.SCENARIO, Sections.algorithm("whose policy plays: its fresh policy, or a saved one (policy)", true), EVALUATE);
    }

    @Override
    public Study prepare(ExperimentPlan plan) {
        ScenarioUse scenario = ScenarioUse.of(plan, false);
        PluginUse<AlgorithmProvider> algorithm = plan.plugin("algorithm", AlgorithmProvider.class);
        Config settings = plan.has("evaluate") ? plan.settings("evaluate") : EVALUATE.schema().defaults();
        if (scenario == null || algorithm == null || settings == null) {
            return null;
        }
        EnvironmentSpec spec = Checks.spec(plan, scenario.plugin(), "scenario");
        if (spec == null) {
            return null;
        }
        if (spec.multiAgent()) {
            plan.problem("scenario.id", "example/evaluate takes single-agent scenarios; " + scenario.id() + " is multi-agent");
            return null;
        }
        if (!Checks.fits(plan, algorithm, "algorithm", spec, scenario.id()) || !Checks.savedPolicyLoads(plan, algorithm, "algorithm", spec)) {
            return null;
        }
        return new EvaluateStudy(plan.seeds(), scenario, algorithm, settings);
    }
}
