package org.nettwin.env.slicing.internal;

import java.util.List;

import org.nettwin.api.PluginDescriptor;
import org.nettwin.api.Seeds;
import org.nettwin.api.scenario.BaseScenarioProvider;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.scenario.ScenarioProvider;
import org.osgi.service.component.annotations.Component;

/**
 * {@code slicing/MultiCell-v1}: inter-cell inter-slice resource partitioning with one agent per
 * cell (Hu et al., transfer-learning-aided MADRL, paper 004). The creation seed draws the
 * shadowing of the layout; {@code reset(seed)} draws the users and the traffic. Episodes are
 * truncated after {@code timeLimit} steps (200).
 */
@Component(service = ScenarioProvider.class, property = "nettwin.id=" + MultiCellProvider.ID)
public final class MultiCellProvider extends BaseScenarioProvider<MultiCellConfig> {

    static final String ID = "slicing/MultiCell-v1";

    public MultiCellProvider() {
        super(new PluginDescriptor(ID, "Inter-cell inter-slice resource partitioning",
                "12 cells (4 three-sector sites), 4 slices each, 20 MHz at 2.6 GHz; one agent per cell sets its slice shares; "
                        + "cells interfere through load coupling; reward = worst slice's satisfaction of throughput and delay "
                        + "requirements (Hu et al., TL-aided MADRL for inter-cell inter-slice partitioning)."),
                MultiCellConfig.class, MultiCellConfig.DEFAULT_TIME_LIMIT);
    }

    /**
     * @return the 12-agent parallel environment, or with {@code controlledCell} = k >= 1 the
     *         single-agent view of cell k ({@link OneCellEnvironment})
     */
    @Override
    protected Scenario build(MultiCellConfig config, long seed) {
        MultiCellEnvironment network = environment(config, seed);
        int controlled = config.controlledCell();
        return controlled == 0 ? new Scenario.Multi(network) : new Scenario.Single(new OneCellEnvironment(network, controlled - 1));
    }

    /** @return a new environment, typed and without the time limit, for tests and benchmarks */
    static MultiCellEnvironment environment(MultiCellConfig config, long seed) {
        MultiCellParameters p = MultiCellParameters.of(config);
        CellNetwork net = new CellNetwork(p, Seeds.generator(Seeds.derive(seed, "slicing/multicell-layout")));
        return new MultiCellEnvironment(p, net, List.of(config, seed));
    }
}
