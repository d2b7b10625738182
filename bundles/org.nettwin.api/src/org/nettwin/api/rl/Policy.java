package org.nettwin.api.rl;

import java.io.IOException;
import java.io.OutputStream;
import java.util.random.RandomGenerator;

import org.nettwin.api.space.Space;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Acts: maps observations to actions. Independent of the algorithm that trained it, so it can be
 * saved, loaded ({@link AlgorithmProvider#loadPolicy}), evaluated, distilled or transferred on
 * its own. Implementations are not required to be thread-safe.
 *
 * @param <O> observation type
 * @param <A> action type
 * @since 0.1
 */
@ConsumerType
public interface Policy<O, A> {

    /** @return the observation space the policy reads */
    Space<O> observationSpace();

    /** @return the action space the policy acts in */
    Space<A> actionSpace();

    /** @return the deterministic (greedy or mean) action for {@code observation} */
    A act(O observation);

    /** @return an action sampled from the policy's distribution; by default the deterministic one */
    default A sample(O observation, RandomGenerator random) {
        return act(observation);
    }

    /** @return the number of trainable parameters (0 for rule-based policies) */
    long parameterCount();

    /** Writes the policy in the owning algorithm's documented format. */
    void save(OutputStream out) throws IOException;
}
