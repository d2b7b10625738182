package org.nettwin.twin.sequence;

import org.nettwin.api.config.Param;

/**
 * The configuration every window twin shares, with the same names in every builder so an
 * experiment swaps one builder id for another and keeps its config: the configuration record of
 * {@link SequenceTwinBuilder} (each parameter declared once, ranges checked by its schema).
 *
 * @since 0.1
 */
public record TwinSettings(
        @Param(value = "4", doc = "past (state, action) pairs each model reads", min = 1, max = 256) int window,
        @Param(value = "32", doc = "LSTM units of the state-transition and of the reward model", min = 1, max = 1024) int hiddenUnits,
        @Param(value = "30", doc = "maximum training epochs", min = 1, max = 100_000) int epochs,
        @Param(value = "64", doc = "windows per Adam step", min = 1, max = 4096) int batchSize,
        @Param(value = "3e-3", doc = "Adam step size", min = 1e-7, max = 1.0) double learningRate,
        @Param(value = "0.2", doc = "share of the episodes held out for early stopping; 0 = train all epochs", min = 0.0,
                max = 0.9) double validationFraction,
        @Param(value = "4", doc = "epochs without validation improvement before training stops (best weights restored)", min = 1,
                max = 10_000) int patience,
        @Param(value = "0", doc = "truncate twin episodes after this many steps; 0 = the median episode length of the data", min = 0,
                max = 100_000_000) int episodeLength,
        @Param(value = "5", doc = "fine-tuning epochs on old + fresh data in calibrate", min = 1, max = 10_000) int calibrationEpochs) {
}
