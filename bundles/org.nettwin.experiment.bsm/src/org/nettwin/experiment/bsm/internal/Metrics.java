package org.nettwin.experiment.bsm.internal;

import java.util.Map;

import org.nettwin.api.config.Config;
import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.env.MdpTables;
import org.nettwin.api.similarity.Similarity;
import org.nettwin.api.similarity.SimilarityMetric;

/** The three DT-BSM services with the study's discount and tolerance. */
@SuppressWarnings({"rawtypes", "unchecked"})
record Metrics(SimilarityMetric wasserstein, SimilarityMetric tv, SimilarityMetric empirical, double gamma, double tolerance) {

    private Config config(SimilarityMetric metric) {
        return metric.configSchema().validate(Map.of("gamma", gamma, "tolerance", tolerance), "study");
    }

    Similarity wasserstein(MdpTables real, MdpTables alignedTwin) {
        return wasserstein.measure(real, alignedTwin, config(wasserstein), 0);
    }

    Similarity tv(MdpTables real, MdpTables alignedTwin) {
        return tv.measure(real, alignedTwin, config(tv), 0);
    }

    Similarity empirical(TransitionDataset real, TransitionDataset twin) {
        return empirical.measure(real, twin, config(empirical), 0);
    }
}
