package org.nettwin.twin.sequence;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A regression model from a window of {@code steps} step vectors to {@code outputs} values: the
 * part of a window twin that a builder supplies (one for the state transition, one for the
 * reward). Windows are flat {@code [sample][step][input]} row-major, as {@code org.nettwin.nn.Lstm}
 * reads them. Training minimises the mean squared error over all outputs of a batch.
 *
 * @since 0.1
 */
@ConsumerType
public interface SequenceModel {

    /** Creates models; the builder closes over its hyper-parameters. */
    @FunctionalInterface
    interface Factory {
        /**
         * @param stepInputs values per window step
         * @param steps      window length
         * @param outputs    values predicted per window
         * @param seed       initialisation seed
         */
        SequenceModel create(int stepInputs, int steps, int outputs, long seed);
    }

    /** @return the largest batch {@link #fit} and {@link #predictBatch} accept */
    int maxBatch();

    /**
     * One optimiser step on {@code batch} windows and their targets ({@code batch × outputs}).
     *
     * @return the batch's mean squared error before the step
     */
    double fit(double[] windows, double[] targets, int batch);

    /** Predicts {@code count ≤ maxBatch()} windows into {@code out} ({@code count × outputs}). */
    void predictBatch(double[] windows, int count, double[] out);

    /**
     * Predicts one window read at {@code offset}; the returned array belongs to the model and is
     * overwritten by the next call. Must allocate nothing where the library allows it (the twin's step).
     */
    double[] predict(double[] window, int offset);

    /** @return a copy of the parameters (for early stopping) */
    double[] parameters();

    /** Replaces the parameters with a copy made by {@link #parameters()}. */
    void setParameters(double[] parameters);
}
