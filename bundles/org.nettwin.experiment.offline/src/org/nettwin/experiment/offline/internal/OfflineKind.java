package org.nettwin.experiment.offline.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nettwin.api.PluginDescriptor;
import org.nettwin.api.config.Config;
import org.nettwin.api.config.ConfigSchema;
import org.nettwin.api.data.DatasetCheck;
import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.data.TransitionFiles;
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
import org.nettwin.api.rl.OfflineLearner;
import org.osgi.service.component.annotations.Component;

/**
 * {@code "type": "offline"}: variants of one algorithm learn from one historical dataset alone
 * ({@link OfflineLearner}) and are evaluated on the real environment beside the behaviour policy
 * that recorded the data — e.g. TD3+BC against naive off-policy TD3.
 */
@Component(service = ExperimentKind.class, property = "nettwin.id=offline")
public final class OfflineKind implements ExperimentKind {

    static final Section.Settings OFFLINE = new Section.Settings("offline", ConfigSchema.builder()
            .optionalFileParam("dataset", List.of(".ntds", ".csv"),
                    "a dataset to learn from (e.g. from nettwin collect or a real network); without it, behaviour records one per seed")
            .stringParam("behaviour", "rl/random", "id of the algorithm whose fresh policy records the data and is evaluated beside")
            .boolParam("stochastic", true, "whether the behaviour samples its actions")
            .optionalLongParam("datasetSteps", 1, 1_000_000_000L, "transitions recorded per seed (required without dataset)")
            .requiredLongParam("updates", 1, 10_000_000_000L, "gradient updates per variant")
            .intParam("evaluations", 10, 1, 10_000, "evaluations of each variant while it learns (every updates / evaluations)")
            .objectParam("variants", Map.of("default", Map.of()), "name -> configuration values overriding algorithm.config")
            .build(), true, "{\"datasetSteps\": N, \"updates\": U, \"variants\": {...}}: the data and the variants");

    static final Section.Settings BUDGET = new Section.Settings("budget", ConfigSchema.builder()
            .intParam("evalEpisodes", 10, 1, 100_000, "evaluation episodes per evaluation")
            .intParam("maxEpisodeSteps", 100_000, 1, 100_000_000, "a cap on the length of evaluation episodes")
            .build(), false, "{\"evalEpisodes\": 10}: how to evaluate (offline experiments take no learning steps)");

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor("offline", "Offline RL",
                "Variants of an algorithm learn from one historical dataset alone and are evaluated on the real environment beside "
                        + "the behaviour policy that recorded it (e.g. TD3+BC vs naive TD3).");
    }

    @Override
    public List<Section> sections() {
        return List.of(Sections.SCENARIO, Sections.algorithm("the algorithm whose variants learn offline (an OfflineLearner)", false), OFFLINE,
                BUDGET);
    }

    @Override
    public Study prepare(ExperimentPlan plan) {
        ScenarioUse scenario = ScenarioUse.of(plan, false);
        PluginUse<AlgorithmProvider> algorithm = plan.plugin("algorithm", AlgorithmProvider.class);
        Config offline = plan.settings("offline");
        Config budget = plan.has("budget") ? plan.settings("budget") : BUDGET.schema().defaults();
        if (scenario == null || algorithm == null || offline == null || budget == null) {
            return null;
        }
        if (!offline.has("dataset") && !offline.has("datasetSteps")) {
            plan.problem("offline.datasetSteps", "is required without offline.dataset (transitions the behaviour records per seed)");
        }
        PluginUse<AlgorithmProvider> behaviour = plan.lease(AlgorithmProvider.class, offline.getString("behaviour"), "offline.behaviour");
        Map<String, Config> variants = new LinkedHashMap<>();
        for (Map.Entry<String, Object> v : offline.getObject("variants").entrySet()) {
            String path = "offline.variants." + v.getKey();
            if (!(v.getValue() instanceof Map<?, ?> overrides)) {
                plan.problem(path, "must be an object of configuration values");
                continue;
            }
            Map<String, Object> merged = new LinkedHashMap<>(algorithm.config().asMap());
            overrides.forEach((k, x) -> merged.put(String.valueOf(k), x));
            Config c = plan.validate(algorithm.service().configSchema(), merged, path);
            if (c != null) {
                variants.put(v.getKey(), c);
            }
        }
        if (offline.getObject("variants").isEmpty()) {
            plan.problem("offline.variants", "must name at least one variant");
        }
        if (!plan.valid() || behaviour == null) {
            return null;
        }
        EnvironmentSpec spec = Checks.spec(plan, scenario.plugin(), "scenario");
        if (spec == null) {
            return null;
        }
        if (spec.multiAgent()) {
            plan.problem("scenario.id", "offline experiments need a single-agent scenario");
            return null;
        }
        if (!offline.has("dataset")) {
            behaviour.service().incompatibility(spec, behaviour.config()).ifPresent(reason -> plan.problem("offline.behaviour",
                    behaviour.id() + " cannot act in " + scenario.id() + ": " + reason));
        }
        if (algorithm.service().create(spec, variants.values().iterator().next(), 0).capability(OfflineLearner.class).isEmpty()) {
            plan.problem("algorithm.id", algorithm.id() + " cannot learn from a dataset alone (it is not an OfflineLearner)");
        }
        TransitionDataset dataset = offline.has("dataset") ? dataset(plan, offline.getPath("dataset"), spec, scenario.id()) : null;
        return plan.valid() ? new OfflineStudy(plan.name(), plan.seeds(), scenario, algorithm, behaviour, variants, offline, budget, dataset)
                : null;
    }

    /** Reads the dataset once and checks every transition against the scenario's spaces, before anything learns. */
    private static TransitionDataset dataset(ExperimentPlan plan, Path file, EnvironmentSpec spec, String scenario) {
        TransitionFiles.Loaded loaded;
        try {
            loaded = TransitionFiles.load(file);
        } catch (IOException e) {
            plan.problem("offline.dataset", e.getMessage());
            return null;
        }
        List<String> problems = DatasetCheck.problems(loaded.data(), spec.observationSpace(), spec.actionSpace(), scenario, loaded.where(),
                file.toString(), 20);
        problems.forEach(p -> plan.problem("offline.dataset", p));
        return problems.isEmpty() ? loaded.data() : null;
    }
}
