package org.nettwin.env.urllc.internal;

import org.nettwin.api.PluginDescriptor;
import org.nettwin.api.scenario.BaseScenarioProvider;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.scenario.ScenarioProvider;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code urllc/ApSelection-v1} scenario service: a vehicle on a straight road picks, for each
 * URLLC task, the access point to upload it to (paper 001, §IV-A; equations and the sources of
 * the defaults in the bundle README). An episode is one drive along the road: it terminates at
 * the road's end, so there is no time limit unless the experiment sets {@code timeLimit}.
 */
@Component(service = ScenarioProvider.class, property = "nettwin.id=" + ApSelectionProvider.ID)
public final class ApSelectionProvider extends BaseScenarioProvider<ApSelectionConfig> {

    static final String ID = "urllc/ApSelection-v1";

    public ApSelectionProvider() {
        super(new PluginDescriptor(ID, "URLLC access-point selection for a vehicle",
                "A vehicle on a straight road at constant speed uploads URLLC tasks; access points differ in position, coverage, "
                        + "rate and price; a task starts when the vehicle is inside the chosen AP's coverage and fails at its deadline "
                        + "or when the vehicle leaves the coverage (Cheng et al., DT-enhanced RL, case study IV-A)."),
                ApSelectionConfig.class, 0);
    }

    @Override
    protected Scenario build(ApSelectionConfig config, long seed) {
        return new Scenario.Single(new ApSelectionEnvironment(config.model()));
    }
}
