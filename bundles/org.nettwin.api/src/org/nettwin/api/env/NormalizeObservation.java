package org.nettwin.api.env;

import java.util.List;
import java.util.Optional;

import org.nettwin.api.space.Box;
import org.nettwin.api.space.Space;

/**
 * Gymnasium's {@code NormalizeObservation} for {@link Box} observations: the learner sees each
 * coordinate standardised by the running statistics of every observation so far (updated on
 * every reset and step while not {@link #freeze() frozen}), clipped to ±clip. The trained
 * policy reads raw observations again through {@link org.nettwin.api.rl.NormalizedPolicy} with a
 * frozen copy of {@link #statistics()}, which it saves with itself.
 *
 * @param <A> action type
 * @since 0.1
 */
public final class NormalizeObservation<A> implements Environment<double[], A> {

    private final Environment<double[], A> inner;
    private final ObservationStatistics statistics;
    private final Box normalised;
    private final Step<double[]> step;
    private final double[] out;
    private boolean frozen;

    /**
     * @param inner an environment with Box observations
     * @param clip  the bound of normalised values (SB3: 10)
     */
    public NormalizeObservation(Environment<double[], A> inner, double clip) {
        if (!(inner.observationSpace() instanceof Box box)) {
            throw new IllegalArgumentException("observation normalisation needs Box observations, got " + inner.observationSpace().describe());
        }
        this.inner = inner;
        this.statistics = new ObservationStatistics(box.flatSize(), clip);
        this.normalised = new Box(box.flatSize(), -clip, clip);
        this.step = new Step<>(inner.infoNames().size());
        this.out = new double[box.flatSize()];
    }

    /** @return the wrapped environment (raw observations) */
    public Environment<double[], A> inner() {
        return inner;
    }

    /** @return the live statistics (copy them to keep them) */
    public ObservationStatistics statistics() {
        return statistics;
    }

    /** Stops updating the statistics. */
    public void freeze() {
        frozen = true;
    }

    @Override
    public Space<double[]> observationSpace() {
        return normalised;
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
    public Step<double[]> reset(long seed) {
        return normalised(inner.reset(seed));
    }

    @Override
    public Step<double[]> reset() {
        return normalised(inner.reset());
    }

    @Override
    public Step<double[]> step(A action) {
        return normalised(inner.step(action));
    }

    private Step<double[]> normalised(Step<double[]> s) {
        if (!frozen) {
            statistics.update(s.observation());
        }
        statistics.normalize(s.observation(), out);
        System.arraycopy(s.info(), 0, step.info(), 0, step.info().length);
        return step.set(out, s.reward(), s.terminated(), s.truncated());
    }

    @Override
    public <C> Optional<C> capability(Class<C> type) {
        return Optional.empty(); // a snapshot of the inner state would not restore the statistics
    }

    @Override
    public void close() {
        inner.close();
    }
}
