package org.nettwin.experiment.bsm.internal;

import java.util.List;

import org.nettwin.api.config.ConfigException;
import org.nettwin.api.config.Param;

/** The {@code study} section of a {@code dt-bsm} experiment, each setting declared once. */
public record DtBsmSettings(
        @Param(value = "0.9", doc = "discount γ of the values, of the metrics and of the bound", min = 0, max = 0.99) double gamma,
        @Param(value = "1e-3", doc = "fixed-point tolerance of the metrics (certified: the exact metric is at most the value plus this)",
                min = 1e-9, max = 1) double tolerance,
        @Param(value = "[0.05, 0.1, 0.2, 0.3, 0.5]", doc = "relative rate errors of the perturbed twins: for each level x, one twin with "
                + "arrival probabilities × (1 + x) and one with completion probabilities × (1 − x)", min = 0, max = 0.95) List<Double> perturbations,
        @Param(value = "[1000, 10000, 100000, 1000000]", doc = "transitions of real data (uniformly random actions) each twin/tabular candidate is built from",
                min = 10, max = 10_000_000) List<Integer> datasetSizes,
        @Param(value = "100000", doc = "transitions of real and of twin data (uniformly random actions) the empirical metric compares",
                min = 10, max = 10_000_000) int empiricalTransitions,
        @Param(value = "[]", doc = "scenario capacities at which the three metrics are timed against |S| (a 10% arrival-rate twin); "
                + "empty: no timing (times differ from run to run, everything else is the same bytes)", min = 1, max = 10_000) List<Integer> timingCapacities,
        @Param(value = "2000", doc = "exact policy values use EJML's dense LU up to this many states, its sparse LU beyond", min = 1,
                max = 1_000_000) int denseUpTo,
        @Param(value = "6", doc = "bins of DT-BSM for the worst-case gap plot", min = 1, max = 100) int bins) {

    /** Checks what one field's range cannot. */
    public DtBsmSettings {
        if (perturbations.isEmpty() && datasetSizes.isEmpty()) {
            throw new ConfigException("perturbations", "give at least one perturbation level or one dataset size: there is no candidate twin");
        }
    }
}
