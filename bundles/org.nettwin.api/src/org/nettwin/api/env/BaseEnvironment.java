package org.nettwin.api.env;

import java.util.List;
import java.util.random.RandomGenerator;

import org.nettwin.api.SeededRandom;
import org.nettwin.api.Seeds;
import org.nettwin.api.space.Space;

/**
 * A base for environments that checks the contract so implementations do not have to: actions
 * are checked against the action space (refused with an exception naming the space; the
 * environment's state is untouched), rewards must be finite and observations inside the
 * observation space, stepping a finished episode is refused, and the random stream is
 * managed from the reset seed.
 *
 * <p>Subclasses implement {@link #resetEpisode(RandomGenerator, Step)} and
 * {@link #advance(Object, Step)}; both fill the given step.
 *
 * @param <O> observation type
 * @param <A> action type
 * @since 0.1
 */
public abstract class BaseEnvironment<O, A> implements Environment<O, A> {

    private final String name;
    private final Step<O> step;
    private SeededRandom random;
    private boolean needsReset = true;
    private final Space<O> observations;
    private final Space<A> actions;
    private final List<String> infoNames;
    private final List<String> features;

    /**
     * The spaces, info names and feature names given once, here.
     *
     * @param name         the environment's id, for messages
     * @param observations the observation space every output is checked against
     * @param actions      the action space every action is checked against
     * @param infoNames    names of the info values every step carries
     * @param features     a name per number of the encoded observation ({@link Environment#observationFeatures()})
     */
    protected BaseEnvironment(String name, Space<O> observations, Space<A> actions, List<String> infoNames, List<String> features) {
        this.name = name;
        this.observations = java.util.Objects.requireNonNull(observations, "observations");
        this.actions = java.util.Objects.requireNonNull(actions, "actions");
        this.infoNames = List.copyOf(infoNames);
        this.features = Features.checked(features, observations.encodedSize());
        this.step = new Step<>(this.infoNames.size());
    }

    /** As {@link #BaseEnvironment(String, Space, Space, List, List)}, with the generic feature names {@code obs_i}. */
    protected BaseEnvironment(String name, Space<O> observations, Space<A> actions, List<String> infoNames) {
        this(name, observations, actions, infoNames, Features.generic(observations.encodedSize()));
    }

    @Override
    public Space<O> observationSpace() {
        return observations;
    }

    @Override
    public Space<A> actionSpace() {
        return actions;
    }

    @Override
    public List<String> observationFeatures() {
        return features;
    }

    /** Draws the first state of an episode from {@code random} and fills {@code out}. */
    protected abstract void resetEpisode(RandomGenerator random, Step<O> out);

    /** Applies a valid action with the environment's random stream and fills {@code out}. */
    protected abstract void advance(A action, Step<O> out);

    /** @return the random stream of the current seed */
    protected final RandomGenerator random() {
        return random;
    }

    @Override
    public final Step<O> reset(long seed) {
        random = Seeds.generator(seed);
        return reset();
    }

    @Override
    public final Step<O> reset() {
        if (random == null) {
            throw new IllegalStateException(name + ": the first reset must give a seed: reset(seed)");
        }
        java.util.Arrays.fill(step.info(), 0.0);
        resetEpisode(random, step);
        step.set(step.observation(), 0.0, false, false);
        verify(step);
        needsReset = false;
        return step;
    }

    @Override
    public final Step<O> step(A action) {
        if (needsReset) {
            throw new IllegalStateException(name + ": call reset() before step() (at the start and after an episode ends)");
        }
        actionSpace().check(action, "action");
        advance(action, step);
        verify(step);
        needsReset = step.done();
        return step;
    }

    /**
     * For {@link Snapshottable} implementations: the state of the environment's random stream, to
     * keep in a snapshot.
     *
     * @throws IllegalStateException before the first seeded reset
     */
    protected final long randomState() {
        if (random == null) {
            throw new IllegalStateException(name + ": no random stream before the first reset(seed)");
        }
        return random.state();
    }

    /**
     * For {@link Snapshottable} implementations: after restoring their own state, restore the
     * random stream and tell the base class whether the restored episode is over, so the next
     * step continues exactly as it would have after the snapshot (or is refused until a reset).
     */
    protected final void restored(long randomState, boolean episodeOver) {
        if (random == null) {
            random = new SeededRandom(randomState);
        } else {
            random.setState(randomState);
        }
        needsReset = episodeOver;
    }

    private void verify(Step<O> s) {
        if (!Double.isFinite(s.reward())) {
            throw new IllegalStateException(name + " produced a non-finite reward " + s.reward());
        }
        // membership covers finiteness for continuous spaces and bounds for discrete ones
        if (!observations.contains(s.observation())) {
            throw new IllegalStateException(name + " produced an observation outside its space " + observations.describe());
        }
        for (double v : s.info()) {
            if (Double.isNaN(v)) {
                throw new IllegalStateException(name + " produced a NaN info value; info names: " + infoNames());
            }
        }
    }

    /** @return the environment's id */
    protected final String name() {
        return name;
    }

    @Override
    public List<String> infoNames() {
        return infoNames;
    }
}
