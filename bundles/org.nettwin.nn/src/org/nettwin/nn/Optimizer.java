package org.nettwin.nn;

/**
 * Updates a parameter array from its gradient array in place. The gradients are read, not
 * cleared. An optimizer holds state sized for one network's {@link Network#parameterCount()}.
 *
 * @since 0.1
 */
public sealed interface Optimizer permits Adam, Sgd {

    /** One update of {@code params} from {@code grads} (both of length {@link #size()}). */
    void step(double[] params, double[] grads);

    /** One update of {@code network}'s parameters from its gradients. */
    default void step(Network network) {
        step(network.parameters(), network.gradients());
    }

    /** Number of parameters this optimizer's state covers. */
    int size();

    /** Current learning rate. */
    double learningRate();

    /** Changes the learning rate (schedules); the state is kept. */
    void setLearningRate(double learningRate);

    /** Forgets the accumulated state (moments, velocity, step count). */
    void reset();
}
