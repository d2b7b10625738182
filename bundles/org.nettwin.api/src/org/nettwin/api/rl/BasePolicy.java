package org.nettwin.api.rl;

import java.util.Objects;

import org.nettwin.api.space.Space;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A base for policies that takes their spaces once.
 *
 * @param <O> observation type
 * @param <A> action type
 * @since 0.1
 */
@ConsumerType
public abstract class BasePolicy<O, A> implements Policy<O, A> {

    private final Space<O> observations;
    private final Space<A> actions;

    /** @param observations the space it reads; {@code actions} the space it acts in */
    protected BasePolicy(Space<O> observations, Space<A> actions) {
        this.observations = Objects.requireNonNull(observations, "observations");
        this.actions = Objects.requireNonNull(actions, "actions");
    }

    @Override
    public final Space<O> observationSpace() {
        return observations;
    }

    @Override
    public final Space<A> actionSpace() {
        return actions;
    }
}
