package org.nettwin.api.env;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An environment (real scenario or tabular twin) whose dynamics is a finite MDP and which can
 * expose its exact tables, for exact analysis (value iteration, bisimulation metrics).
 *
 * @param <O> the environment's observation type
 * @since 0.1
 */
@ConsumerType
public interface FiniteMdp<O> {

    /** @return the exact transition and reward tables */
    MdpTables tables();

    /** @return the state index, in {@code 0 ... tables().stateCount()-1}, of an observation */
    int stateIndex(O observation);

    /** @return the action index of an action value */
    int actionIndex(Object action);
}
