package org.nettwin.distill.internal;

import java.util.List;

import org.nettwin.api.config.Param;
import org.nettwin.nn.Activation;

/** The configuration of {@code distill/policy}, each parameter declared once. */
public record DistillConfig(
        @Param(value = "[16]", doc = "units of the student's hidden layers", min = 1, max = 4096) List<Integer> hidden,
        @Param(value = "relu", doc = "activation of the hidden layers", choices = {"relu", "tanh"}) String activation,
        @Param(value = "40", doc = "passes over the training states", min = 1, max = 100_000) int epochs,
        @Param(value = "64", doc = "states per Adam step", min = 1, max = 4096) int batchSize,
        @Param(value = "3e-3", doc = "Adam step size", min = 1e-7, max = 1.0) double learningRate,
        @Param(value = "0.2", doc = "share of the states held out to choose the best epoch", min = 0.0, max = 0.9) double validationFraction) {

    /** Copies the layer list. */
    public DistillConfig {
        hidden = List.copyOf(hidden);
    }

    /** @return the hidden layers' activation */
    Activation hiddenActivation() {
        return "tanh".equals(activation) ? Activation.TANH : Activation.RELU;
    }
}
