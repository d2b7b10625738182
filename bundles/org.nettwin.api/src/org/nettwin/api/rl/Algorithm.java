package org.nettwin.api.rl;

import java.util.Optional;

import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.run.TrainingListener;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * One learning agent (or team of agents), created by an {@link AlgorithmProvider} for an
 * {@link EnvironmentSpec}. {@link #learn} may be called repeatedly (e.g. on a twin, then on the
 * real environment); learning continues from the current state.
 *
 * @since 0.1
 */
@ConsumerType
public interface Algorithm {

    /**
     * Interacts with {@code scenario} for {@code steps} environment steps, learning as it goes.
     * Reports episodes and metrics to {@code listener} and stops early when it is cancelled.
     *
     * @return the number of environment steps actually taken
     */
    long learn(Scenario scenario, long steps, TrainingListener listener);

    /** @return agent {@code i}'s current policy (a live view or snapshot, as documented by the algorithm) */
    Policy<?, ?> policy(int agent);

    /** @return the policy of a single-agent algorithm (agent 0) */
    default Policy<?, ?> policy() {
        return policy(0);
    }

    /** @return this algorithm seen as {@code type} (e.g. a transfer capability), if it has it */
    default <C> Optional<C> capability(Class<C> type) {
        return type.isInstance(this) ? Optional.of(type.cast(this)) : Optional.empty();
    }
}
