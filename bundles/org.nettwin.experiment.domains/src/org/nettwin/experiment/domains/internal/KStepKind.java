package org.nettwin.experiment.domains.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.nettwin.api.PluginDescriptor;
import org.nettwin.api.config.ConfigSchema;
import org.nettwin.api.experiment.ExperimentKind;
import org.nettwin.api.experiment.ExperimentPlan;
import org.nettwin.api.experiment.Section;
import org.nettwin.api.experiment.Study;
import org.nettwin.domains.learn.KStepConfig;
import org.osgi.service.component.annotations.Component;

/**
 * {@code "type": "k-step"}: DT-enhanced DQN with k-step twin-prediction targets averaged over D
 * domains (paper 001 §IV-B), independent learners per agent sharing the reward, for each k of the
 * study against plain DQN (k = 1); optionally D values compared at one k (the §V-A noise point).
 */
@Component(service = ExperimentKind.class, property = "nettwin.id=k-step")
public final class KStepKind implements ExperimentKind {

    static final Section.Settings LEARNER = new Section.Settings("learner", ConfigSchema.of(KStepConfig.class), false,
            "the DQN learners (one per agent); predictionSteps and domains stay 1: the study lists the compared values");
    static final Section.Settings STUDY = new Section.Settings("study", ConfigSchema.of(KStepSettings.class), false,
            "the compared k, D, physical episodes per seed, moving average, final share and the D ablation");

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor("k-step", "k-step twin predictions (digital domains)",
                "DQN whose targets average k-step predictions of D digital domains, for several k against plain DQN, independent "
                        + "learners per agent (paper 001, section IV-B); optionally D = 1 against D = 4 on a noisy or learned twin. "
                        + "summary.json: k_step, domains_ablation; plots returns-*.png.");
    }

    @Override
    public List<Section> sections() {
        return KindSupport.sections(LEARNER, STUDY);
    }

    @Override
    public Study prepare(ExperimentPlan plan) {
        KStepConfig learner = KindSupport.settings(plan, "learner", KStepConfig.class);
        KStepSettings study = KindSupport.settings(plan, "study", KStepSettings.class);
        DomainSettings domainSettings = KindSupport.settings(plan, "domains", DomainSettings.class);
        if (learner == null || study == null || domainSettings == null) {
            return null;
        }
        if (learner.predictionSteps() != 1 || learner.domains() != 1) {
            plan.problem("learner." + (learner.predictionSteps() != 1 ? "predictionSteps" : "domains"),
                    "is set by the study: list the compared values in study.predictionSteps, study.domains and study.ablationDomains");
        }
        if (!study.predictionSteps().contains(1)) {
            plan.problem("study.predictionSteps", "must contain 1, the plain DQN reference, got " + study.predictionSteps());
        }
        if (new HashSet<>(study.predictionSteps()).size() != study.predictionSteps().size()) {
            plan.problem("study.predictionSteps", "has a value twice: " + study.predictionSteps());
        }
        if (new HashSet<>(study.ablationDomains()).size() != study.ablationDomains().size()) {
            plan.problem("study.ablationDomains", "has a value twice: " + study.ablationDomains());
        }
        List<String> sources = new ArrayList<>(List.of(domainSettings.source()));
        if (!study.ablationDomains().isEmpty()) {
            sources.add(study.ablationSource());
        }
        KindSupport.Checked checked = KindSupport.check(plan, sources);
        if (checked == null) {
            return null;
        }
        List<Arm> arms = new ArrayList<>();
        for (int k : study.predictionSteps()) {
            arms.add(new Arm("k_step", k, 0, k, k == 1 ? 0 : study.domains(), domainSettings.source(), domainSettings.observationNoise(),
                    domainSettings.rewardNoise()));
        }
        for (int d : study.ablationDomains()) {
            arms.add(new Arm("domains_ablation", d, 0, study.ablationK(), d, study.ablationSource(), study.ablationObservationNoise(),
                    study.ablationRewardNoise()));
        }
        return new DomainStudy(plan.name(), plan.seeds(), checked.scenario(), checked.twin(), checked.domains(), arms, study.episodes(), null,
                learner, new SweepReport("k_step", "DQN with k-step twin predictions", study.movingAverage(), study.finalShare()));
    }
}
