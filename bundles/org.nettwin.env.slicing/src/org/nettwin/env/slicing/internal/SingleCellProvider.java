package org.nettwin.env.slicing.internal;

import java.util.List;

import org.nettwin.api.PluginDescriptor;
import org.nettwin.api.Seeds;
import org.nettwin.api.scenario.BaseScenarioProvider;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.scenario.ScenarioProvider;
import org.osgi.service.component.annotations.Component;

/**
 * {@code slicing/SingleCell-v1}: one base station splitting 10 MHz between VoLTE, video and
 * URLLC slices with packet-level traffic and round-robin scheduling (Li et al., IEEE Access
 * 2018). The creation seed places the UEs and draws their shadowing; {@code reset(seed)} draws
 * the traffic and the fading. Episodes are truncated after {@code timeLimit} decisions (50).
 */
@Component(service = ScenarioProvider.class, property = "nettwin.id=" + SingleCellProvider.ID)
public final class SingleCellProvider extends BaseScenarioProvider<SingleCellConfig> {

    static final String ID = "slicing/SingleCell-v1";

    public SingleCellProvider() {
        super(new PluginDescriptor(ID, "Single-cell RAN slicing (VoLTE, video, URLLC)",
                "100 UEs in a 40 m cell, 10 MHz in 180 kHz RBs, 0.5 ms subframes with round-robin scheduling per slice; every 2000 "
                        + "subframes the agent splits the bandwidth; reward = per-slice QoE satisfaction plus spectral efficiency "
                        + "(Li et al., DRL for resource management in network slicing, IEEE Access 2018)."),
                SingleCellConfig.class, SingleCellConfig.DEFAULT_TIME_LIMIT);
    }

    @Override
    protected Scenario build(SingleCellConfig config, long seed) {
        return new Scenario.Single(environment(config, seed));
    }

    /** @return a new environment of the configured action variant, without the time limit */
    static SingleCellEnvironment<?> environment(SingleCellConfig config, long seed) {
        SingleCellParameters p = SingleCellParameters.of(config);
        PacketCell cell = new PacketCell(p, Seeds.generator(Seeds.derive(seed, "slicing/singlecell-layout")));
        Object identity = List.of(config, seed);
        return p.simplexAction() ? new SingleCellEnvironment.Sharing(p, cell, identity)
                : new SingleCellEnvironment.Splitting(p, cell, identity);
    }
}
