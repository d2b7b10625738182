package org.nettwin.api.env;

import java.util.List;
import java.util.Optional;

import org.nettwin.api.space.Space;

/**
 * {@link TimeLimit} for parallel multi-agent environments: every agent's episode is truncated
 * after {@code limit} steps.
 *
 * @param <O> observation type
 * @param <A> action type
 * @since 0.1
 */
public final class MultiAgentTimeLimit<O, A> implements MultiAgentEnvironment<O, A> {

    private final MultiAgentEnvironment<O, A> inner;
    private final long limit;
    private final MultiStep<O> step;
    private long elapsed;

    /**
     * @param inner the environment
     * @param limit steps per episode, at least 1
     */
    public MultiAgentTimeLimit(MultiAgentEnvironment<O, A> inner, long limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a time limit must be at least 1 step, got " + limit);
        }
        this.inner = inner;
        this.limit = limit;
        this.step = new MultiStep<>(inner.possibleAgents().size(), inner.infoNames().size());
    }

    /** @return the steps after which an episode is truncated */
    public long limit() {
        return limit;
    }

    /** @return the wrapped environment */
    public MultiAgentEnvironment<O, A> inner() {
        return inner;
    }

    @Override
    public List<String> possibleAgents() {
        return inner.possibleAgents();
    }

    @Override
    public Space<O> observationSpace(int agent) {
        return inner.observationSpace(agent);
    }

    @Override
    public Space<A> actionSpace(int agent) {
        return inner.actionSpace(agent);
    }

    @Override
    public List<String> observationFeatures(int agent) {
        return inner.observationFeatures(agent);
    }

    @Override
    public List<String> infoNames() {
        return inner.infoNames();
    }

    @Override
    public MultiStep<O> reset(long seed) {
        elapsed = 0;
        return copy(inner.reset(seed), false);
    }

    @Override
    public MultiStep<O> reset() {
        elapsed = 0;
        return copy(inner.reset(), false);
    }

    @Override
    public MultiStep<O> step(List<A> actions) {
        MultiStep<O> s = inner.step(actions);
        elapsed++;
        return copy(s, elapsed >= limit);
    }

    private MultiStep<O> copy(MultiStep<O> s, boolean cut) {
        System.arraycopy(s.info(), 0, step.info(), 0, step.info().length);
        for (int i = 0; i < step.agentCount(); i++) {
            step.set(i, s.observation(i), s.reward(i), s.terminated(i), s.truncated(i) || (cut && !s.terminated(i)));
        }
        return step;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <C> Optional<C> capability(Class<C> type) {
        if (type == Snapshottable.class) {
            return inner.capability(Snapshottable.class).map(s -> (C) new Snapshottable() {
                @Override
                public Object snapshot() {
                    return new Snapshot(s.snapshot(), elapsed);
                }

                @Override
                public void restore(Object snapshot) {
                    if (!(snapshot instanceof Snapshot saved)) {
                        throw new IllegalArgumentException("not a snapshot of a time-limited environment: " + snapshot);
                    }
                    s.restore(saved.inner());
                    elapsed = saved.elapsed();
                }
            });
        }
        if (type == Copyable.class) {
            Optional<Copyable<?>> copyable = inner.capability(Copyable.class).map(c -> (Copyable<?>) c);
            return copyable.map(c -> (C) (Copyable<MultiAgentTimeLimit<O, A>>) () -> {
                MultiAgentTimeLimit<O, A> copy = new MultiAgentTimeLimit<>((MultiAgentEnvironment<O, A>) c.copy(), limit);
                copy.elapsed = elapsed;
                return copy;
            });
        }
        return type.isInstance(this) ? Optional.of(type.cast(this)) : inner.capability(type);
    }

    /** The inner environment's snapshot with the steps elapsed in the episode. */
    private record Snapshot(Object inner, long elapsed) {
    }

    @Override
    public void close() {
        inner.close();
    }
}
