package org.nettwin.metric.bsm.internal;

import java.util.Map;

import org.nettwin.api.PluginDescriptor;
import org.nettwin.api.env.MdpTables;
import org.nettwin.api.similarity.Similarity;
import org.nettwin.api.similarity.SimilarityMetric;
import org.osgi.service.component.annotations.Component;

/** {@code metric/dt-bsm-tv}: the total-variation upper bound of the DT-BSM, on matched states only. */
@Component(service = SimilarityMetric.class, property = "nettwin.id=" + TotalVariationMetric.ID)
public final class TotalVariationMetric extends BsmMetric<MdpTables, FixedPointConfig> {

    static final String ID = "metric/dt-bsm-tv";

    /** Creates the service. */
    public TotalVariationMetric() {
        super(new PluginDescriptor(ID, "DT-BSM (total variation)",
                "The total-variation form of the digital-twin bisimulation metric (arXiv 2502.17983): an upper bound of the Wasserstein "
                        + "form without transport problems, O(|A|·nnz(P)) per sweep over matched states (matched by index)."),
                MdpTables.class, FixedPointConfig.class);
    }

    @Override
    Similarity measure(MdpTables real, MdpTables twin, FixedPointConfig c) {
        StateDistances d = TotalVariationFixedPoint.compute(real, twin, Matching.byIndex(real, twin), c.gamma(), c.tolerance(),
                c.maxIterations());
        return d.similarity(real, Map.of("diameter", TotalVariationFixedPoint.rewardSpread(real, twin) / (1 - c.gamma())));
    }
}
