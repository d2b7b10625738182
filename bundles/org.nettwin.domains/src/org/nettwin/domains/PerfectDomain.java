package org.nettwin.domains;

import java.util.function.Supplier;

import org.nettwin.api.env.Environment;
import org.nettwin.api.env.MultiAgentEnvironment;
import org.nettwin.api.env.Snapshottable;
import org.nettwin.api.env.Step;
import org.nettwin.api.scenario.Scenario;

/**
 * A perfect copy of the physical environment: another instance of the same scenario and
 * configuration, synchronised by restoring the physical environment's snapshot (state and random
 * stream, so its next step is exactly the physical one's for the same action), or — for scenarios
 * that are {@code Copyable} but not {@code Snapshottable} — replaced by a fresh copy at each sync.
 */
public final class PerfectDomain implements Domain {

    private JointView environment;
    private final boolean snapshots;
    /** the copy's snapshot ability, looked up once: a sync is on the hot path */
    private final Snapshottable restorer;

    /** @param instance creates an instance of the physical scenario with the same configuration (and creation seed) */
    public PerfectDomain(Supplier<Scenario> instance, JointView physical) {
        this.snapshots = physical.capability(Snapshottable.class).isPresent();
        if (!snapshots && physical.capability(org.nettwin.api.env.Copyable.class).isEmpty()) {
            throw new IllegalArgumentException("a perfect-copy domain needs a Snapshottable or Copyable scenario");
        }
        this.environment = snapshots ? new JointView(instance.get()) : null;
        this.restorer = snapshots ? environment.capability(Snapshottable.class).orElseThrow() : null;
    }

    /** @return whether the scenario can be mirrored by perfect copies */
    public static boolean possible(JointView physical) {
        return physical.capability(Snapshottable.class).isPresent() || physical.capability(org.nettwin.api.env.Copyable.class).isPresent();
    }

    @Override
    public void sync(Physical physical) {
        if (snapshots) {
            restorer.restore(physical.snapshot());
            return;
        }
        Object copy = physical.copy();
        if (environment != null) {
            environment.close();
        }
        environment = new JointView(copy instanceof MultiAgentEnvironment<?, ?> m ? new Scenario.Multi(m)
                : new Scenario.Single((Environment<?, ?>) copy));
    }

    @Override
    public Step<double[]> step(int[] action) {
        return environment.step(action);
    }

    @Override
    public String describe() {
        return "perfect copy";
    }

    @Override
    public void close() {
        if (environment != null) {
            environment.close();
        }
    }
}
