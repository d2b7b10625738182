package org.nettwin.env.migration.internal;

import org.nettwin.api.PluginDescriptor;
import org.nettwin.api.Seeds;
import org.nettwin.api.scenario.BaseScenarioProvider;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.scenario.ScenarioProvider;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code migration/UavTwinMigration-v1} scenario service: RSUs price bandwidth for UAV-twin
 * migration in a UAV metaverse, as a multi-leader multi-follower Stackelberg game with a
 * Weber-Fechner immersion metric in the UAVs' utility (after Kang et al., Tiny MADRL for twins
 * migration in UAV metaverses). The RSUs learn; the UAVs best-respond exactly. Episodes are
 * truncated after {@code timeLimit} rounds (50).
 */
@Component(service = ScenarioProvider.class, property = "nettwin.id=" + MigrationProvider.ID)
public final class MigrationProvider extends BaseScenarioProvider<MigrationConfig> {

    /** The scenario id. */
    public static final String ID = "migration/UavTwinMigration-v1";

    public MigrationProvider() {
        super(new PluginDescriptor(ID, "UAV-twin migration pricing (multi-leader multi-follower Stackelberg game)",
                "RSUs (one agent each) post bandwidth prices under cost and price caps; UAVs buy bandwidth to migrate their twins, "
                        + "maximising a logarithmic (Weber-Fechner) immersion minus payment, by exact best response. "
                        + "Reward = each RSU's profit. After Kang et al., Tiny MADRL for UAV-twin migration."),
                MigrationConfig.class, MigrationConfig.DEFAULT_TIME_LIMIT);
    }

    @Override
    protected Scenario build(MigrationConfig config, long seed) {
        return new Scenario.Multi(new MigrationEnvironment(config, config.game(Seeds.generator(Seeds.derive(seed, "migration/uavs")))));
    }
}
