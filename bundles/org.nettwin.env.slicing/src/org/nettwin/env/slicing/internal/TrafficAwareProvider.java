package org.nettwin.env.slicing.internal;

import org.nettwin.api.rl.AlgorithmProvider;
import org.osgi.service.component.annotations.Component;

/** {@code baseline/traffic-aware}: the traffic-aware baseline of paper 004, for the slicing scenarios. */
@Component(service = AlgorithmProvider.class, property = "nettwin.id=baseline/traffic-aware")
public final class TrafficAwareProvider extends RuleBaselineProvider {

    /** Creates the service. */
    public TrafficAwareProvider() {
        super(SlicingRule.TRAFFIC_AWARE, "Traffic-aware slicing baseline",
                "Shares proportional to each slice's traffic demand, read with perfect knowledge from the observation "
                        + "(Hu et al., TL-aided MADRL for inter-cell inter-slice partitioning, Section V). No learning.");
    }
}
