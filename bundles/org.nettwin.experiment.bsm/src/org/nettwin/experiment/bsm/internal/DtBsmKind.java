package org.nettwin.experiment.bsm.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.nettwin.api.PluginDescriptor;
import org.nettwin.api.config.Config;
import org.nettwin.api.config.ConfigException;
import org.nettwin.api.config.ConfigSchema;
import org.nettwin.api.env.FiniteMdp;
import org.nettwin.api.experiment.Checks;
import org.nettwin.api.experiment.ExperimentKind;
import org.nettwin.api.experiment.ExperimentPlan;
import org.nettwin.api.experiment.PluginUse;
import org.nettwin.api.experiment.ScenarioUse;
import org.nettwin.api.experiment.Section;
import org.nettwin.api.experiment.Sections;
import org.nettwin.api.experiment.Study;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.similarity.SimilarityMetric;
import org.nettwin.api.space.Discrete;
import org.nettwin.api.twin.TwinBuilder;
import org.osgi.service.component.annotations.Component;

/**
 * {@code "type": "dt-bsm"}: the admission-control study of paper 002 (arXiv 2502.17983). Candidate
 * twins with controlled discrepancy (perturbed rates, tabular twins from growing datasets); for
 * each the three DT-BSM forms, the twin-optimal policy, its exact value in the real MDP, the
 * deployment gap and the bound; plots and the rank correlation of gap and DT-BSM.
 */
@Component(service = ExperimentKind.class, property = "nettwin.id=" + DtBsmKind.ID)
public final class DtBsmKind implements ExperimentKind {

    static final String ID = "dt-bsm";
    static final String WASSERSTEIN = "metric/dt-bsm-wasserstein";
    static final String TV = "metric/dt-bsm-tv";
    static final String EMPIRICAL = "metric/dt-bsm-empirical";
    static final String TABULAR = "twin/tabular";

    static final Section.Settings STUDY = new Section.Settings("study", ConfigSchema.of(DtBsmSettings.class), false,
            "candidate twins (perturbation levels, dataset sizes), discount, tolerances, timing");

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor(ID, "DT-BSM study (digital-twin bisimulation metric)",
                "Twins with controlled discrepancy from a finite scenario: Wasserstein, total-variation and empirical DT-BSM, the twin-optimal "
                        + "policy's exact real deployment gap against the bound, rank correlation, twin selection (arXiv 2502.17983).");
    }

    @Override
    public List<Section> sections() {
        return List.of(Sections.SCENARIO, STUDY);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Study prepare(ExperimentPlan plan) {
        ScenarioUse scenario = ScenarioUse.of(plan, false);
        Config raw = plan.has("study") ? plan.settings("study") : STUDY.schema().defaults();
        if (scenario == null || raw == null) {
            return null;
        }
        DtBsmSettings settings = raw.as(DtBsmSettings.class);
        EnvironmentSpec spec = Checks.spec(plan, scenario.plugin(), "scenario");
        if (spec == null) {
            return null;
        }
        if (spec.multiAgent() || !(spec.actionSpace() instanceof Discrete)) {
            plan.problem("scenario.id", "a DT-BSM study needs a single-agent scenario with Discrete actions; " + scenario.id() + " has "
                    + (spec.multiAgent() ? "several agents" : spec.actionSpace().describe()));
            return null;
        }
        try (Scenario s = scenario.create(0)) {
            if (((Scenario.Single) s).environment().capability(FiniteMdp.class).isEmpty()) {
                plan.problem("scenario.id", "a DT-BSM study needs a scenario with exact tables (FiniteMdp); " + scenario.id() + " has none");
                return null;
            }
        }
        List<Candidate> candidates = new ArrayList<>();
        for (double x : settings.perturbations()) {
            candidates.add(Candidate.perturbed(Candidate.Rate.ARRIVALS, x));
            candidates.add(Candidate.perturbed(Candidate.Rate.COMPLETIONS, x));
        }
        for (int size : settings.datasetSizes()) {
            candidates.add(Candidate.tabular(size));
        }
        for (Candidate c : candidates) {
            if (c.perturbed() && checkOverrides(plan, scenario, c.overrides(scenario.plugin().config()), "study.perturbations") == null) {
                return null;
            }
        }
        for (int capacity : settings.timingCapacities()) {
            Map<String, Object> timed = Candidate.withCapacity(scenario.plugin().config(), capacity);
            if (checkOverrides(plan, scenario, timed, "study.timingCapacities") == null) {
                return null;
            }
        }
        PluginUse<TwinBuilder> tabular = settings.datasetSizes().isEmpty() ? null : plan.lease(TwinBuilder.class, TABULAR, "study.datasetSizes");
        PluginUse<SimilarityMetric> w = plan.lease(SimilarityMetric.class, WASSERSTEIN, "study");
        PluginUse<SimilarityMetric> tv = plan.lease(SimilarityMetric.class, TV, "study");
        PluginUse<SimilarityMetric> empirical = plan.lease(SimilarityMetric.class, EMPIRICAL, "study");
        if (w == null || tv == null || empirical == null || (!settings.datasetSizes().isEmpty() && tabular == null)) {
            return null;
        }
        if (tabular != null) {
            var refusal = tabular.service().incompatibility(spec, tabular.config());
            if (refusal.isPresent()) {
                plan.problem("study.datasetSizes", TABULAR + " cannot model " + scenario.id() + ": " + refusal.get());
                return null;
            }
        }
        Metrics metrics = new Metrics(w.service(), tv.service(), empirical.service(), settings.gamma(), settings.tolerance());
        return new DtBsmStudy(plan.name(), plan.seeds(), scenario, settings, candidates, tabular, metrics);
    }

    /** @return the scenario's configuration with {@code overrides}, or {@code null} after reporting why it is refused */
    private static Config checkOverrides(ExperimentPlan plan, ScenarioUse scenario, Map<String, Object> overrides, String path) {
        if (overrides == null) {
            plan.problem(path, scenario.id() + " has no arrivalProbabilities/completionProbabilities/capacity to vary; perturbed and timed "
                    + "twins are defined for admission/Control-v1-like scenarios (use datasetSizes only, and no timingCapacities)");
            return null;
        }
        try {
            Config config = scenario.plugin().service().configSchema().validate(overrides, "scenario.config");
            scenario.plugin().service().create(config, 0).close(); // cross-field rules (e.g. arrival probabilities summing to at most 1)
            return config;
        } catch (ConfigException | IllegalArgumentException e) {
            plan.problem(path, "gives a scenario configuration " + scenario.id() + " refuses: " + e.getMessage());
            return null;
        }
    }
}
