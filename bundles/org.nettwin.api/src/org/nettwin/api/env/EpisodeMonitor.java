package org.nettwin.api.env;

import java.util.List;
import java.util.Optional;

import org.nettwin.api.run.EpisodeEvent;
import org.nettwin.api.run.TrainingListener;
import org.nettwin.api.space.Space;

/**
 * Stable-Baselines3's {@code Monitor}: reports every finished episode of the environment it
 * wraps — its undiscounted return in the environment's own units, its length and the step count
 * at its end — whatever wrappers (reward scaling, normalisation) sit outside it and whatever the
 * learner reports itself. It allocates one event per episode, nothing per step.
 *
 * @param <O> observation type
 * @param <A> action type
 * @since 0.1
 */
public final class EpisodeMonitor<O, A> implements Environment<O, A> {

    private final Environment<O, A> inner;
    private final TrainingListener listener;
    private double episodeReturn;
    private int length;
    private long steps;
    private long episodes;

    /** @param listener receives {@link TrainingListener#onEpisode} for each finished episode */
    public EpisodeMonitor(Environment<O, A> inner, TrainingListener listener) {
        this.inner = inner;
        this.listener = listener;
    }

    /** @return the steps taken through the monitor */
    public long steps() {
        return steps;
    }

    /** @return the episodes reported so far */
    public long episodes() {
        return episodes;
    }

    /** Continues the counts of a monitor whose run was saved (a resumed run): steps and episodes so far. */
    public void restore(long stepsSoFar, long episodesSoFar) {
        this.steps = stepsSoFar;
        this.episodes = episodesSoFar;
    }

    @Override
    public Space<O> observationSpace() {
        return inner.observationSpace();
    }

    @Override
    public Space<A> actionSpace() {
        return inner.actionSpace();
    }

    @Override
    public List<String> infoNames() {
        return inner.infoNames();
    }

    @Override
    public List<String> observationFeatures() {
        return inner.observationFeatures();
    }

    @Override
    public Step<O> reset(long seed) {
        episodeReturn = 0;
        length = 0;
        return inner.reset(seed);
    }

    @Override
    public Step<O> reset() {
        episodeReturn = 0;
        length = 0;
        return inner.reset();
    }

    @Override
    public Step<O> step(A action) {
        Step<O> s = inner.step(action);
        steps++;
        length++;
        episodeReturn += s.reward();
        if (s.done()) {
            listener.onEpisode(new EpisodeEvent(steps, episodes++, episodeReturn, length));
        }
        return s;
    }

    @Override
    public <C> Optional<C> capability(Class<C> type) {
        return inner.capability(type);
    }

    @Override
    public void close() {
        inner.close();
    }
}
