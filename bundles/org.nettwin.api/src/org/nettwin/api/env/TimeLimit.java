package org.nettwin.api.env;

import java.util.List;
import java.util.Optional;

import org.nettwin.api.space.Space;

/**
 * Gymnasium's {@code TimeLimit}: truncates every episode after {@code limit} steps (unless it
 * ended before). Scenarios get their episode length from this one wrapper (the {@code timeLimit}
 * parameter every {@code BaseScenarioProvider} scenario has) instead of each counting its own.
 * Snapshots and copies carry the elapsed steps; exact MDP tables pass through (a time limit is not
 * part of the dynamics).
 *
 * @param <O> observation type
 * @param <A> action type
 * @since 0.1
 */
public final class TimeLimit<O, A> implements Environment<O, A> {

    private final Environment<O, A> inner;
    private final long limit;
    private final Step<O> step;
    private long elapsed;

    /**
     * @param inner the environment
     * @param limit steps per episode, at least 1
     */
    public TimeLimit(Environment<O, A> inner, long limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a time limit must be at least 1 step, got " + limit);
        }
        this.inner = inner;
        this.limit = limit;
        this.step = new Step<>(inner.infoNames().size());
    }

    /** @return the steps after which an episode is truncated */
    public long limit() {
        return limit;
    }

    /** @return the wrapped environment */
    public Environment<O, A> inner() {
        return inner;
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
        elapsed = 0;
        return copy(inner.reset(seed), false);
    }

    @Override
    public Step<O> reset() {
        elapsed = 0;
        return copy(inner.reset(), false);
    }

    @Override
    public Step<O> step(A action) {
        Step<O> s = inner.step(action);
        elapsed++;
        return copy(s, elapsed >= limit);
    }

    private Step<O> copy(Step<O> s, boolean cut) {
        System.arraycopy(s.info(), 0, step.info(), 0, step.info().length);
        return step.set(s.observation(), s.reward(), s.terminated(), s.truncated() || (cut && !s.terminated()));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <C> Optional<C> capability(Class<C> type) {
        if (type == Snapshottable.class) {
            return inner.capability(Snapshottable.class).map(s -> (C) new Snapshots(s));
        }
        if (type == Copyable.class) {
            Optional<Copyable<?>> copyable = inner.capability(Copyable.class).map(c -> (Copyable<?>) c);
            return copyable.map(c -> (C) (Copyable<TimeLimit<O, A>>) () -> {
                TimeLimit<O, A> copy = new TimeLimit<>((Environment<O, A>) c.copy(), limit);
                copy.elapsed = elapsed;
                return copy;
            });
        }
        return type.isInstance(this) ? Optional.of(type.cast(this)) : inner.capability(type);
    }

    /** The inner environment's snapshot with the steps elapsed in the episode. */
    private record Snapshot(Object inner, long elapsed) {
    }

    private final class Snapshots implements Snapshottable {
        private final Snapshottable inner;

        Snapshots(Snapshottable inner) {
            this.inner = inner;
        }

        @Override
        public Object snapshot() {
            return new Snapshot(inner.snapshot(), elapsed);
        }

        @Override
        public void restore(Object snapshot) {
            if (!(snapshot instanceof Snapshot s)) {
                throw new IllegalArgumentException("not a snapshot of a time-limited environment: " + snapshot);
            }
            inner.restore(s.inner());
            elapsed = s.elapsed();
        }
    }

    @Override
    public void close() {
        inner.close();
    }
}
