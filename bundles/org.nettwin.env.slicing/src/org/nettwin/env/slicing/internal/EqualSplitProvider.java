package org.nettwin.env.slicing.internal;

import org.nettwin.api.rl.AlgorithmProvider;
import org.osgi.service.component.annotations.Component;

/** {@code baseline/equal-split}: the static equal split, the reference the traffic-aware baseline must beat. */
@Component(service = AlgorithmProvider.class, property = "nettwin.id=baseline/equal-split")
public final class EqualSplitProvider extends RuleBaselineProvider {

    /** Creates the service. */
    public EqualSplitProvider() {
        super(SlicingRule.EQUAL_SPLIT, "Equal-split slicing baseline",
                "Every slice gets the same share of the bandwidth (the closest whole-MHz split for the discrete action), "
                        + "whatever the traffic. No learning.");
    }
}
