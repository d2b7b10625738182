package org.nettwin.env.admission.internal;

import org.nettwin.api.PluginDescriptor;
import org.nettwin.api.scenario.BaseScenarioProvider;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.scenario.ScenarioProvider;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code admission/Control-v1} scenario service: multi-class admission control at a shared
 * resource, a finite MDP with exact tables (see the bundle README for the equations and the
 * sources of the defaults). Episodes are truncated after {@code timeLimit} epochs (200 by default).
 */
@Component(service = ScenarioProvider.class, property = "nettwin.id=" + AdmissionControlProvider.ID)
public final class AdmissionControlProvider extends BaseScenarioProvider<AdmissionConfig> {

    static final String ID = "admission/Control-v1";

    public AdmissionControlProvider() {
        super(new PluginDescriptor(ID, "Admission control at a shared resource",
                "Admit or reject requests of several classes (revenue, resource demand, holding time) arriving at a resource of fixed "
                        + "capacity, with an optional FIFO waiting room; QoS penalties for blocking, overload and delay. A finite MDP with exact tables, as in the DT-BSM admission "
                        + "control study (arXiv 2502.17983)."),
                AdmissionConfig.class, AdmissionConfig.DEFAULT_TIME_LIMIT);
    }

    @Override
    protected Scenario build(AdmissionConfig config, long seed) {
        return new Scenario.Single(new AdmissionEnvironment(new AdmissionModel(config)));
    }
}
