package org.nettwin.domains;

import org.nettwin.api.env.Step;

/**
 * A digital domain: a copy of the physical environment that a twin agent acts in beside it. An
 * identical domain is synchronised after every physical step and mirrors it; a differential domain
 * is synchronised at the moments its learner chooses and tries other actions in between.
 */
public interface Domain extends AutoCloseable {

    /** Puts the domain into the physical environment's current state. */
    void sync(Physical physical);

    /** Acts in the domain (joint action, as {@link JointView}); the step is valid until the next call. */
    Step<double[]> step(int[] action);

    /** @return what the domain is, e.g. {@code perfect copy} or {@code twin/lstm + noise 0.05} */
    String describe();

    @Override
    void close();
}
