package org.nettwin.env.uav.internal;

import org.nettwin.api.PluginDescriptor;
import org.nettwin.api.Seeds;
import org.nettwin.api.scenario.BaseScenarioProvider;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.scenario.ScenarioProvider;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code uav/Trajectories-v1} scenario service: ground users without a base station served by
 * UAVs that start from one hangar (Cheng et al., DT-enhanced DQL for multi-UAV trajectories).
 * The {@code mode} parameter selects the parallel multi-agent form (one agent per UAV) or the
 * joint single-agent form. Episodes are truncated after {@code timeLimit} steps (100).
 */
@Component(service = ScenarioProvider.class, property = "nettwin.id=" + UavTrajectoriesProvider.ID)
public final class UavTrajectoriesProvider extends BaseScenarioProvider<UavConfig> {

    /** The scenario id. */
    public static final String ID = "uav/Trajectories-v1";

    public UavTrajectoriesProvider() {
        super(new PluginDescriptor(ID, "Multi-UAV trajectories for ground-user coverage",
                "UAVs at fixed height and speed fly from one hangar to serve ground users over interference-free OFDM links "
                        + "(Friis free-space rate); each user takes its best-rate UAV; reward = average user rate. "
                        + "Parallel (one agent per UAV) or joint (MultiDiscrete) form. After Cheng et al., DT-enhanced RL, multi-UAV case study."),
                UavConfig.class, UavConfig.DEFAULT_TIME_LIMIT);
    }

    @Override
    protected Scenario build(UavConfig config, long seed) {
        UavParameters p = UavParameters.of(config);
        UavWorld world = new UavWorld(p, Seeds.generator(Seeds.derive(seed, "uav/users")));
        return p.parallel() ? new Scenario.Multi(new UavParallelEnvironment(world)) : new Scenario.Single(new UavJointEnvironment(world));
    }
}
