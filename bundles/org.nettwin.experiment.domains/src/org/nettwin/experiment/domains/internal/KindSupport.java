package org.nettwin.experiment.domains.internal;

import java.util.List;
import java.util.Map;

import org.nettwin.api.config.Config;
import org.nettwin.api.config.ConfigSchema;
import org.nettwin.api.experiment.Checks;
import org.nettwin.api.experiment.ExperimentPlan;
import org.nettwin.api.experiment.PluginUse;
import org.nettwin.api.experiment.ScenarioUse;
import org.nettwin.api.experiment.Section;
import org.nettwin.api.experiment.Sections;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.twin.TwinBuilder;
import org.nettwin.domains.JointView;
import org.nettwin.domains.PerfectDomain;

/** What both kinds check and read the same way: scenario, domains, twin. */
final class KindSupport {

    static final Section.Settings DOMAINS = new Section.Settings("domains", ConfigSchema.of(DomainSettings.class), false,
            "what the digital domains are: perfect copies or a learned twin, with optional noise");

    static final Section.Plugin TWIN = new Section.Plugin("twin", TwinBuilder.class, false, false, ConfigSchema.EMPTY,
            "the twin builder of learned domains (source twin), learned on the scenario's joint view from recorded random-policy data");

    private KindSupport() {
    }

    static List<Section> sections(Section.Settings learner, Section.Settings study) {
        return List.of(Sections.SCENARIO, learner, DOMAINS, TWIN, study);
    }

    /** @return a settings section's record, the defaults when the file leaves it out */
    static <R extends Record> R settings(ExperimentPlan plan, String section, Class<R> type) {
        if (!plan.has(section)) {
            return ConfigSchema.of(type).validate(Map.of(), section).as(type);
        }
        Config c = plan.settings(section);
        return c == null ? null : c.as(type);
    }

    /** The checked parts of a plan. */
    record Checked(ScenarioUse scenario, EnvironmentSpec spec, EnvironmentSpec jointSpec, PluginUse<TwinBuilder> twin, DomainSettings domains) {
    }

    /**
     * Checks the scenario has a joint view (Box observations, Discrete actions), that perfect copies are
     * possible where asked for and that the twin section is there, fits and can be synchronised where
     * a twin is asked for.
     *
     * @param sources the domain sources the arms use
     * @return the checked parts, or null after reported problems
     */
    static Checked check(ExperimentPlan plan, List<String> sources) {
        ScenarioUse scenario = ScenarioUse.of(plan, false);
        DomainSettings domains = settings(plan, "domains", DomainSettings.class);
        PluginUse<TwinBuilder> twin = plan.has("twin") ? plan.plugin("twin", TwinBuilder.class) : null;
        if (scenario == null || domains == null || (plan.has("twin") && twin == null)) {
            return null;
        }
        EnvironmentSpec spec = Checks.spec(plan, scenario.plugin(), "scenario");
        if (spec == null) {
            return null;
        }
        var refusal = JointView.incompatibility(spec);
        if (refusal.isPresent()) {
            plan.problem("scenario.id", refusal.get());
            return null;
        }
        EnvironmentSpec jointSpec;
        try (JointView view = new JointView(scenario.create(0))) {
            jointSpec = EnvironmentSpec.of(view);
            if (sources.contains("copy") && !PerfectDomain.possible(view)) {
                plan.problem("domains.source", scenario.id() + " is neither Snapshottable nor Copyable: it has no perfect copies; use a twin");
            }
        }
        if (sources.contains("twin")) {
            if (twin == null) {
                plan.problem("twin", "learned domains (source twin) need a twin section, e.g. {\"id\": \"twin/lstm\"}");
            } else {
                twin.service().incompatibility(jointSpec, twin.config())
                        .ifPresent(reason -> plan.problem("twin.id", reason + " (the twin models the scenario's joint view " + jointSpec.observationSpace().describe()
                                + " -> " + jointSpec.actionSpace().describe() + ")"));
            }
        } else if (twin != null) {
            plan.problem("twin", "no arm uses learned domains (source twin): the twin section would be ignored");
        }
        return plan.valid() ? new Checked(scenario, spec, jointSpec, twin, domains) : null;
    }
}
