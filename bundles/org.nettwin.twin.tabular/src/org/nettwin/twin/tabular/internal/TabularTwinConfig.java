package org.nettwin.twin.tabular.internal;

import org.nettwin.api.config.Param;

/** The configuration of {@code twin/tabular}, each parameter declared once. */
public record TabularTwinConfig(
        @Param(value = "self-loop", doc = "what a never-observed state-action pair does: stay put with reward 0 (absorbing) or jump uniformly",
                choices = {"self-loop", "uniform"}) String unseen,
        @Param(value = "0", doc = "truncate twin episodes after this many steps; 0 = the longest episode in the data", min = 0,
                max = 100_000_000) int maxEpisodeSteps,
        @Param(value = "1_000_000", doc = "refuse observation spaces with more states than this", min = 1, max = 50_000_000) long maxStates) {

    /** @return what a never-observed pair does */
    CountedMdp.Unseen unseenPairs() {
        return CountedMdp.Unseen.valueOf(unseen.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }
}
