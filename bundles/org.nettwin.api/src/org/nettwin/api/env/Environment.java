package org.nettwin.api.env;

import java.util.List;
import java.util.Optional;

import org.nettwin.api.space.Space;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A single-agent environment with Gymnasium semantics.
 *
 * <ul>
 * <li>{@link #reset(long)} seeds the environment's randomness and returns the first observation
 * (with reward 0 and info); {@link #reset()} starts a new episode continuing the random stream.</li>
 * <li>{@link #step(Object)} applies an action and returns observation, reward, terminated,
 * truncated and info. An action outside {@link #actionSpace()}, or {@code null}, is refused
 * with a {@link org.nettwin.api.space.SpaceViolationException} naming the space, and leaves the
 * environment's state untouched.</li>
 * <li>The same seed and actions give the same trajectory, bit for bit.</li>
 * </ul>
 *
 * <p>Optional abilities (snapshots, copies, exact MDP tables) are found with
 * {@link #capability(Class)}. Most implementations extend {@link BaseEnvironment}, which checks
 * actions and outputs.
 *
 * @param <O> observation type
 * @param <A> action type
 * @since 0.1
 */
@ConsumerType
public interface Environment<O, A> extends AutoCloseable {

    /** @return the space of observations */
    Space<O> observationSpace();

    /** @return the space of actions */
    Space<A> actionSpace();

    /** @return names of the info values every {@link Step} carries; fixed for the environment's life */
    default List<String> infoNames() {
        return List.of();
    }

    /**
     * @return a name for each number of an observation's compact encoding
     *         ({@link Space#encodedSize()}), in order, e.g. {@code load_embb}: how twins, datasets
     *         and reports name features; by default {@code obs_0, obs_1, ...}
     */
    default List<String> observationFeatures() {
        return Features.generic(observationSpace().encodedSize());
    }

    /** Seeds the environment and starts an episode. */
    Step<O> reset(long seed);

    /** Starts a new episode, continuing the random stream of the last seeded reset. */
    Step<O> reset();

    /** Applies {@code action} and advances one decision epoch. */
    Step<O> step(A action);

    /**
     * @return this environment seen as {@code type} (e.g. {@link Snapshottable}, {@link FiniteMdp}),
     *         if it has that ability
     */
    default <C> Optional<C> capability(Class<C> type) {
        return type.isInstance(this) ? Optional.of(type.cast(this)) : Optional.empty();
    }

    /** Releases resources; by default nothing. */
    @Override
    default void close() {
    }
}
