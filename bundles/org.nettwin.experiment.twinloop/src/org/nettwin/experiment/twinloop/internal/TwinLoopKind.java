package org.nettwin.experiment.twinloop.internal;

import java.util.List;
import java.util.Optional;

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
import org.nettwin.api.rl.Algorithm;
import org.nettwin.api.rl.AlgorithmProvider;
import org.nettwin.api.rl.Checkpointable;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.rl.LossSurface;
import org.nettwin.api.twin.TwinBuilder;
import org.osgi.service.component.annotations.Component;

/**
 * {@code "type": "twin-loop"}: DT-enhanced DRL as in the slicing paper, with its twin closed
 * loops, beside vanilla DRL with the same seeds, compared by the real steps each needs to reach
 * the vanilla agent's final reward.
 */
@Component(service = ExperimentKind.class, property = "nettwin.id=twin-loop")
public final class TwinLoopKind implements ExperimentKind {

    static final Section.Plugin TWIN = Section.Plugin.of("twin", TwinBuilder.class, "the twin builder that learns the twin from real data");

    static final Section.Settings LOOP = new Section.Settings("loop", ConfigSchema.builder()
            .stringParam("behaviour", "rl/random", "id of the algorithm whose fresh policy (sampled) records the historical data")
            .requiredLongParam("historySteps", 1, 1_000_000_000L, "real transitions recorded before the first twin is built")
            .requiredLongParam("realSteps", 1, 1_000_000_000L, "K: real steps agent 1 takes (and learns from) per outer iteration")
            .requiredLongParam("twinSteps", 0, 10_000_000_000L, "M: steps agent 2 trains in the twin per outer iteration")
            .optionalLongParam("initialTwinSteps", 0, 10_000_000_000L, "steps agent 2 trains in the first twin (default: twinSteps)")
            .optionalLongParam("heldOutSteps", 2, 1_000_000_000L, "real transitions recorded (not learned from) to measure the twin's "
                    + "accuracy (default: a quarter of historySteps, at least 2)")
            .intParam("horizon", 5, 1, 1_000, "k of the k-step open-loop error")
            .boolParam("vanilla", true, "whether vanilla DRL on the real environment runs beside it, same seeds and budget")
            .doubleParam("targetFraction", 1.0, 1e-6, 1.0, "an arm reaches vanilla's final reward R at its first evaluation >= "
                    + "R - (1 - targetFraction)|R|; 1 = R itself")
            .build(), true, "{\"historySteps\": N, \"realSteps\": K, \"twinSteps\": M}: the closed loops");

    static final Section.Settings BUDGET = new Section.Settings("budget", Sections.budget()
            .longParam("evalEvery", 0, 0, 10_000_000_000L, "real steps between evaluations of the vanilla arm (0: a twentieth of steps)")
            .build(), true, "{\"steps\": N, \"evalEvery\": 500, \"evalEpisodes\": 3}: real steps per arm (history included)");

    static final Section.Settings LANDSCAPE = new Section.Settings("landscape", ConfigSchema.builder()
            .requiredStringParam("network", "the algorithm's network (LossSurface.networks(): q, critic1, actor, ...)")
            .doubleParam("range", 1.0, 1e-9, 1e6, "alpha and beta run over [-range, range], in units of the filters' own norms")
            .intParam("points", 21, 3, 10_001, "samples of the 1-D curve (odd)")
            .intParam("gridPoints", 0, 0, 201, "samples per axis of the 2-D plane (odd; 0 = no plane)")
            .doubleParam("epsilon", 0.1, 1e-9, 1e6, "radius of the sharpness figure")
            .doubleParam("radius", 0.5, 1e-9, 1e6, "radius of the 2-D mean increase")
            .build(), false, "{\"network\": \"q\"}: filter-normalised loss landscapes of both arms' final agents");

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor("twin-loop", "DT-enhanced DRL (twin closed loops)",
                "The slicing paper's framework: a twin learned from historical data, agent 2 training in it, agent 1 fine-tuning on "
                        + "the real network and re-calibrating the twin; beside vanilla DRL, compared by the real steps each needs.");
    }

    @Override
    public List<Section> sections() {
        return List.of(Sections.SCENARIO, Sections.algorithm("the algorithm of both agents (Checkpointable)", false), TWIN, LOOP, BUDGET,
                LANDSCAPE);
    }

    @Override
    public Study prepare(ExperimentPlan plan) {
        ScenarioUse scenario = ScenarioUse.of(plan, false);
        PluginUse<AlgorithmProvider> algorithm = plan.plugin("algorithm", AlgorithmProvider.class);
        PluginUse<TwinBuilder> twin = plan.plugin("twin", TwinBuilder.class);
        Config loop = plan.settings("loop");
        Config budget = plan.settings("budget");
        Config landscape = plan.has("landscape") ? plan.settings("landscape") : null;
        if (scenario == null || algorithm == null || twin == null || loop == null || budget == null
                || (plan.has("landscape") && landscape == null)) {
            return null;
        }
        PluginUse<AlgorithmProvider> behaviour = plan.lease(AlgorithmProvider.class, loop.getString("behaviour"), "loop.behaviour");
        if (landscape != null) {
            if (landscape.getInt("points") % 2 == 0) {
                plan.problem("landscape.points", "must be odd (so that the trained parameters are a sample), got " + landscape.getInt("points"));
            }
            int grid = landscape.getInt("gridPoints");
            if (grid != 0 && (grid < 3 || grid % 2 == 0)) {
                plan.problem("landscape.gridPoints", "must be 0 or odd and at least 3, got " + grid);
            }
        }
        if (behaviour == null || !plan.valid()) {
            return null;
        }
        EnvironmentSpec spec = Checks.spec(plan, scenario.plugin(), "scenario");
        if (spec == null) {
            return null;
        }
        if (spec.multiAgent()) {
            plan.problem("scenario.id", "twin-loop experiments need a single-agent scenario; " + scenario.id()
                    + " is multi-agent (choose a single-agent view in its config)");
            return null;
        }
        Checks.fits(plan, algorithm, "algorithm", spec, scenario.id());
        twin.service().incompatibility(spec, twin.config()).ifPresent(reason -> plan.problem("twin.id", twin.id() + " cannot model " + scenario.id() + ": "
                + reason));
        behaviour.service().incompatibility(spec, behaviour.config()).ifPresent(reason -> plan.problem("loop.behaviour", behaviour.id() + " cannot act in "
                + scenario.id() + ": " + reason));
        if (!plan.valid()) {
            return null;
        }
        Algorithm probe = algorithm.service().create(spec, algorithm.config(), 0);
        if (probe.capability(Checkpointable.class).isEmpty()) {
            plan.problem("algorithm.id", algorithm.id() + " cannot hand its policy from agent 2 to agent 1 (it is not Checkpointable)");
        }
        if (landscape != null) {
            Optional<LossSurface> surface = probe.capability(LossSurface.class);
            if (surface.isEmpty()) {
                plan.problem("landscape", algorithm.id() + " offers no loss surface");
            } else if (!surface.get().networks().contains(landscape.getString("network"))) {
                plan.problem("landscape.network", algorithm.id() + " has no network '" + landscape.getString("network") + "'; it has "
                        + surface.get().networks());
            }
        }
        if (!plan.valid()) {
            return null;
        }
        TwinLoopSettings settings = TwinLoopSettings.of(loop, budget, landscape);
        return new TwinLoopStudy(plan.name(), plan.seeds(), new TwinLoopArms(scenario, algorithm, behaviour, twin, settings), settings);
    }
}
