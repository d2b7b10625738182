package org.nettwin.metric.bsm.internal;

import java.util.Map;

import org.nettwin.api.PluginDescriptor;
import org.nettwin.api.env.MdpTables;
import org.nettwin.api.similarity.Similarity;
import org.nettwin.api.similarity.SimilarityMetric;
import org.osgi.service.component.annotations.Component;

/** {@code metric/dt-bsm-wasserstein}: the exact DT-BSM of a twin's tables against the real tables. */
@Component(service = SimilarityMetric.class, property = "nettwin.id=" + WassersteinMetric.ID)
public final class WassersteinMetric extends BsmMetric<MdpTables, FixedPointConfig> {

    static final String ID = "metric/dt-bsm-wasserstein";

    /** Creates the service. */
    public WassersteinMetric() {
        super(new PluginDescriptor(ID, "DT-BSM (Wasserstein)",
                "Digital-twin bisimulation metric (arXiv 2502.17983): fixed point of max_a |R−R̂| + γ W_d(P, P̂) over real/twin state pairs, "
                        + "exact optimal transport; distance = the largest d(s, ŝ) over matched states (matched by index)."),
                MdpTables.class, FixedPointConfig.class);
    }

    @Override
    Similarity measure(MdpTables real, MdpTables twin, FixedPointConfig c) {
        StateDistances d = WassersteinFixedPoint.compute(real, twin, Matching.byIndex(real, twin), c.gamma(), c.tolerance(), c.maxIterations(),
                c.maxCells());
        return d.similarity(real, Map.of());
    }
}
