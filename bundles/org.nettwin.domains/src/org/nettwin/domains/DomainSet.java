package org.nettwin.domains;

import java.util.List;

import org.nettwin.api.env.Step;

/**
 * The digital domains of one learner, each with its storage space, and the counters of their cost.
 * Domain work is timed in blocks ({@link #beginWork}/{@link #endWork}) rather than per call, so the
 * accounting adds two clock reads per physical step.
 */
public final class DomainSet implements AutoCloseable {

    private final List<Domain> domains;
    private final Storage[] storages;
    private long steps;
    private long syncs;
    private long nanos;
    private long started;

    /** @param storageCapacity transitions each domain's storage keeps */
    public DomainSet(List<Domain> domains, int storageCapacity, int width, int agents) {
        this.domains = List.copyOf(domains);
        this.storages = new Storage[domains.size()];
        for (int d = 0; d < storages.length; d++) {
            storages[d] = new Storage(storageCapacity, width, agents);
        }
    }

    /** @return the number of domains */
    public int size() {
        return domains.size();
    }

    /** @return domain {@code d} */
    public Domain domain(int d) {
        return domains.get(d);
    }

    /** @return domain {@code d}'s storage space */
    public Storage storage(int d) {
        return storages[d];
    }

    /** Synchronises domain {@code d} with the physical environment. */
    public void sync(int d, Physical physical) {
        domains.get(d).sync(physical);
        syncs++;
    }

    /** One step in domain {@code d}. */
    public Step<double[]> step(int d, int[] action) {
        steps++;
        return domains.get(d).step(action);
    }

    /** Starts timing domain work. */
    public void beginWork() {
        started = System.nanoTime();
    }

    /** Ends timing domain work. */
    public void endWork() {
        nanos += System.nanoTime() - started;
    }

    /** @return the cost so far, with the physical side from {@code physical} */
    public DomainCost cost(Physical physical, long episodes, long twinDataSteps, double twinBuildSeconds) {
        long stored = 0;
        for (Storage s : storages) {
            stored += s.stored();
        }
        return new DomainCost(physical.steps(), episodes, steps, syncs, stored, physical.seconds(), nanos * 1e-9, twinDataSteps,
                twinBuildSeconds);
    }

    @Override
    public void close() {
        for (Domain d : domains) {
            d.close();
        }
    }
}
