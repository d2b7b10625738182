package org.nettwin.domains;

import org.nettwin.api.env.Step;
import org.nettwin.api.twin.DigitalTwin;
import org.nettwin.api.twin.StateSync;

/**
 * A learned twin as a domain: a {@link DigitalTwin} of the scenario's {@link JointView} that can be
 * put into a real state ({@link StateSync}); a sync hands it the physical episode's recent history.
 */
public final class TwinDomain implements Domain {

    private final DigitalTwin<double[], Object> twin;
    private final StateSync sync;
    private final String name;

    /**
     * @param twin a twin of the joint view (its observations and actions), with {@link StateSync}
     * @param seed seeds the twin's own random stream
     */
    @SuppressWarnings("unchecked")
    public TwinDomain(DigitalTwin<?, ?> twin, String name, long seed) {
        this.twin = (DigitalTwin<double[], Object>) twin;
        this.sync = twin.capability(StateSync.class)
                .orElseThrow(() -> new IllegalArgumentException(name + " cannot be put into a real state (no StateSync): it cannot serve as a digital domain"));
        this.name = name;
        this.twin.reset(seed);
    }

    @Override
    public void sync(Physical physical) {
        sync.sync(physical.historyObservations(), physical.historyActions(), physical.historyCount());
    }

    @Override
    public Step<double[]> step(int[] action) {
        return twin.step(action);
    }

    @Override
    public String describe() {
        return name;
    }

    @Override
    public void close() {
        // the twin is shared by the unit's domains; its owner closes it
    }
}
