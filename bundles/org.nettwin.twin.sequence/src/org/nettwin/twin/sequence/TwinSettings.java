package org.nettwin.twin.sequence;

import org.nettwin.api.config.Config;
import org.nettwin.api.config.ConfigSchema;

/**
 * The hyper-parameters every window twin shares, with the same names in every builder so an
 * experiment swaps one builder id for another and keeps its config.
 *
 * @param window            past (state, action) pairs the models read
 * @param hiddenUnits       LSTM units of each model
 * @param epochs            maximum training epochs
 * @param batchSize         windows per optimiser step
 * @param learningRate      Adam step size
 * @param validationFraction share of the episodes held out for early stopping (0 = none)
 * @param patience          epochs without validation improvement before stopping
 * @param episodeLength     twin episode truncation; 0 = the median episode length of the data
 * @param calibrationEpochs fine-tuning epochs of {@code calibrate}
 * @since 0.1
 */
public record TwinSettings(int window, int hiddenUnits, int epochs, int batchSize, double learningRate, double validationFraction,
        int patience, int episodeLength, int calibrationEpochs) {

    /** Checks ranges (the schema checks them too, this guards direct construction). */
    public TwinSettings {
        positive("window", window);
        positive("hiddenUnits", hiddenUnits);
        positive("epochs", epochs);
        positive("batchSize", batchSize);
        positive("patience", patience);
        positive("calibrationEpochs", calibrationEpochs);
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learningRate must be positive, got " + learningRate);
        }
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validationFraction must be in [0, 1), got " + validationFraction);
        }
        if (episodeLength < 0) {
            throw new IllegalArgumentException("episodeLength must be >= 0, got " + episodeLength);
        }
    }

    private static void positive(String name, int v) {
        if (v < 1) {
            throw new IllegalArgumentException(name + " must be positive, got " + v);
        }
    }

    /** Adds the shared parameters (with these defaults) to a builder's schema. */
    public static ConfigSchema.Builder addTo(ConfigSchema.Builder b) {
        return b.intParam("window", 4, 1, 256, "past (state, action) pairs each model reads")
                .intParam("hiddenUnits", 32, 1, 1024, "LSTM units of the state-transition and of the reward model")
                .intParam("epochs", 30, 1, 100_000, "maximum training epochs")
                .intParam("batchSize", 64, 1, 4096, "windows per Adam step")
                .doubleParam("learningRate", 3e-3, 1e-7, 1.0, "Adam step size")
                .doubleParam("validationFraction", 0.2, 0.0, 0.9, "share of the episodes held out for early stopping; 0 = train all epochs")
                .intParam("patience", 4, 1, 10_000, "epochs without validation improvement before training stops (best weights restored)")
                .intParam("episodeLength", 0, 0, 100_000_000, "truncate twin episodes after this many steps; 0 = the median episode length of the data")
                .intParam("calibrationEpochs", 5, 1, 10_000, "fine-tuning epochs on old + fresh data in calibrate");
    }

    /** Reads the shared parameters of a validated config. */
    public static TwinSettings from(Config c) {
        return new TwinSettings(c.getInt("window"), c.getInt("hiddenUnits"), c.getInt("epochs"), c.getInt("batchSize"),
                c.getDouble("learningRate"), c.getDouble("validationFraction"), c.getInt("patience"), c.getInt("episodeLength"),
                c.getInt("calibrationEpochs"));
    }
}
