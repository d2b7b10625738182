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
import org.nettwin.api.space.TableIndex;
import org.nettwin.api.space.Discrete;
import org.nettwin.domains.learn.TrialsConfig;
import org.osgi.service.component.annotations.Component;

/**
 * {@code "type": "n-trials"}: DT-enhanced Q-learning with simultaneous n-action trials (paper 001
 * §IV-A) for each n of the study, against plain Q-learning (n = 1): returns against physical
 * episodes, episodes to reach n = 1's final return, the domains' cost.
 */
@Component(service = ExperimentKind.class, property = "nettwin.id=n-trials")
public final class NTrialsKind implements ExperimentKind {

    static final Section.Settings LEARNER = new Section.Settings("learner", ConfigSchema.of(TrialsConfig.class), false,
            "the Q-learner (rl/q-learning's parameters); its trials field stays 1: study.trials lists the compared n");
    static final Section.Settings STUDY = new Section.Settings("study", ConfigSchema.of(NTrialsSettings.class), false,
            "the compared n, physical episodes per seed, moving average and final share");

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor("n-trials", "Simultaneous n-action trials (digital domains)",
                "Q-learning that tries n actions per state, one on the physical scenario and n - 1 in differential digital domains, "
                        + "for several n against plain Q-learning (paper 001, section IV-A). summary.json: n_trials; plots returns-n_trials*.png.");
    }

    @Override
    public List<Section> sections() {
        return KindSupport.sections(LEARNER, STUDY);
    }

    @Override
    public Study prepare(ExperimentPlan plan) {
        TrialsConfig learner = KindSupport.settings(plan, "learner", TrialsConfig.class);
        NTrialsSettings study = KindSupport.settings(plan, "study", NTrialsSettings.class);
        DomainSettings domainSettings = KindSupport.settings(plan, "domains", DomainSettings.class);
        if (learner == null || study == null || domainSettings == null) {
            return null;
        }
        if (learner.trials() != 1) {
            plan.problem("learner.trials", "is set by the study: list the compared values in study.trials");
        }
        if (!study.trials().contains(1)) {
            plan.problem("study.trials", "must contain 1, the plain Q-learning reference, got " + study.trials());
        }
        if (new HashSet<>(study.trials()).size() != study.trials().size()) {
            plan.problem("study.trials", "has a value twice: " + study.trials());
        }
        KindSupport.Checked checked = KindSupport.check(plan, List.of(domainSettings.source()));
        if (checked == null) {
            return null;
        }
        if (checked.spec().multiAgent()) {
            plan.problem("scenario.id", "n-action trials learn single-agent scenarios; " + checked.scenario().id() + " is multi-agent");
            return null;
        }
        int actions = ((Discrete) checked.spec().actionSpace()).n();
        for (int n : study.trials()) {
            if (n > actions) {
                plan.problem("study.trials", "n = " + n + " is more than the scenario's " + actions + " actions");
            }
        }
        try {
            TableIndex.of(checked.spec().observationSpace(), learner.bins(), learner.maxStates());
        } catch (IllegalArgumentException e) {
            plan.problem("learner.bins", e.getMessage());
        }
        if (!plan.valid()) {
            return null;
        }
        List<Arm> arms = new ArrayList<>();
        for (int n : study.trials()) {
            arms.add(new Arm("n_trials", n, n, 0, n - 1, domainSettings.source(), domainSettings.observationNoise(), domainSettings.rewardNoise()));
        }
        return new DomainStudy(plan.name(), plan.seeds(), checked.scenario(), checked.twin(), checked.domains(), arms, study.episodes(), learner,
                null, new SweepReport("n_trials", "Q-learning with n-action trials", study.movingAverage(), study.finalShare()));
    }
}
