package org.nettwin.api.env;

import java.util.List;
import java.util.Optional;

import org.nettwin.api.space.Space;

/**
 * Gymnasium's reward scaling: the learner sees every reward times {@code scale} (rewards of
 * very different magnitudes trouble some learners, e.g. PPO's value loss). Observations,
 * episodes and snapshots are the inner environment's; reports should use the unscaled rewards
 * ({@link EpisodeMonitor} inside this wrapper sees them).
 *
 * @param <O> observation type
 * @param <A> action type
 * @since 0.1
 */
public final class RewardScale<O, A> implements Environment<O, A> {

    private final Environment<O, A> inner;
    private final double scale;
    private final Step<O> step;

    /** @param scale a finite factor, not 0 */
    public RewardScale(Environment<O, A> inner, double scale) {
        if (!Double.isFinite(scale) || scale == 0) {
            throw new IllegalArgumentException("a reward scale must be finite and not 0, got " + scale);
        }
        this.inner = inner;
        this.scale = scale;
        this.step = new Step<>(inner.infoNames().size());
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
        return scaled(inner.reset(seed));
    }

    @Override
    public Step<O> reset() {
        return scaled(inner.reset());
    }

    @Override
    public Step<O> step(A action) {
        return scaled(inner.step(action));
    }

    private Step<O> scaled(Step<O> s) {
        System.arraycopy(s.info(), 0, step.info(), 0, step.info().length);
        return step.set(s.observation(), s.reward() * scale, s.terminated(), s.truncated());
    }

    @Override
    public <C> Optional<C> capability(Class<C> type) {
        // snapshots restore the inner state; exact tables would carry unscaled rewards, so they are not offered
        return type == Snapshottable.class ? inner.capability(type) : Optional.empty();
    }

    @Override
    public void close() {
        inner.close();
    }
}
