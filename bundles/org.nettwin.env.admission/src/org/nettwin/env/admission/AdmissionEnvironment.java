package org.nettwin.env.admission;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

import org.nettwin.api.env.BaseEnvironment;
import org.nettwin.api.env.Copyable;
import org.nettwin.api.env.FiniteMdp;
import org.nettwin.api.env.MdpTables;
import org.nettwin.api.env.Snapshottable;
import org.nettwin.api.env.Step;
import org.nettwin.api.space.Discrete;
import org.nettwin.api.space.MultiDiscrete;
import org.nettwin.api.space.Space;

/**
 * The admission-control simulator: samples {@link AdmissionModel}'s dynamics one decision epoch
 * per step. The observation is {@code [n_1, ..., n_K, w_1, ..., w_W, q]} (requests in service per
 * class, the waiting-room slots from the head with 0 = empty, the pending class with 0 = none) in
 * a {@link MultiDiscrete}; the action is {@code 0} reject or {@code 1} admit. Episodes start
 * empty with a pending request drawn from the arrival law and are truncated after
 * {@code epochs} epochs (the MDP itself has no terminal state).
 *
 * <p>All randomness comes from the base class's stream, whose state is one {@code long}; with
 * the counts, waiting room, pending class and epoch it is the whole state, which makes
 * {@link Snapshottable} and {@link Copyable} exact (a restored environment also continues into
 * the same later episodes).
 */
final class AdmissionEnvironment extends BaseEnvironment<int[], Integer>
        implements FiniteMdp<int[]>, Snapshottable, Copyable<AdmissionEnvironment> {

    private static final List<String> INFO = List.of("admitted", "queued", "rejected", "overloaded", "utilization", "waiting");

    private final AdmissionModel model;
    private final MultiDiscrete observationSpace;
    private final Discrete actionSpace = new Discrete(2);
    private final int[] system;
    private final int[] observation;
    private int pending;
    private int epoch;
    private boolean over;

    AdmissionEnvironment(AdmissionModel model) {
        this(model, observations(model));
    }

    private AdmissionEnvironment(AdmissionModel model, MultiDiscrete observations) {
        super(AdmissionControlProvider.ID, INFO.size(), observations);
        this.model = model;
        this.observationSpace = observations;
        this.system = new int[model.systemLength()];
        this.observation = new int[model.systemLength() + 1];
    }

    private static MultiDiscrete observations(AdmissionModel model) {
        int[] nvec = new int[model.systemLength() + 1];
        for (int k = 0; k < model.classes; k++) {
            nvec[k] = model.maxCount[k] + 1;
        }
        // every waiting-room slot and the pending request hold a class or 0
        Arrays.fill(nvec, model.classes, nvec.length, model.classes + 1);
        return new MultiDiscrete(nvec);
    }

    @Override
    public Space<int[]> observationSpace() {
        return observationSpace;
    }

    @Override
    public Space<Integer> actionSpace() {
        return actionSpace;
    }

    @Override
    public List<String> infoNames() {
        return INFO;
    }

    /** @return the dynamics this environment samples */
    AdmissionModel model() {
        return model;
    }

    @Override
    protected void resetEpisode(RandomGenerator random, Step<int[]> out) {
        Arrays.fill(system, 0);
        pending = AdmissionModel.inverse(model.pendingCdf, random.nextDouble());
        epoch = 0;
        over = false;
        writeObservation();
        out.set(observation, 0.0, false, false);
    }

    @Override
    protected void advance(Integer action, Step<int[]> out) {
        RandomGenerator random = random();
        int decided = pending;
        int outcome = model.decide(system, decided, action);
        int used = model.used(system);
        int waiting = model.waiting(system);
        double reward = model.reward(outcome, decided, system);
        for (int k = 0; k < model.classes; k++) {
            system[k] -= AdmissionModel.inverse(model.departureCdf[k][system[k]], random.nextDouble());
        }
        model.promote(system);
        pending = AdmissionModel.inverse(model.pendingCdf, random.nextDouble());
        epoch++;
        over = epoch >= model.epochs;
        writeObservation();
        double[] info = out.info();
        info[0] = outcome == AdmissionModel.ADMITTED ? 1 : 0;
        info[1] = outcome == AdmissionModel.QUEUED ? 1 : 0;
        info[2] = outcome == AdmissionModel.REJECTED ? 1 : 0;
        info[3] = outcome == AdmissionModel.OVERLOADED ? 1 : 0;
        info[4] = (double) used / model.capacity;
        info[5] = waiting;
        out.set(observation, reward, false, over);
    }

    private void writeObservation() {
        System.arraycopy(system, 0, observation, 0, system.length);
        observation[system.length] = pending;
    }

    @Override
    public MdpTables tables() {
        return model.tables();
    }

    @Override
    public int stateIndex(int[] obs) {
        int last = model.systemLength();
        if (obs == null || obs.length != last + 1 || obs[last] < 0 || obs[last] > model.classes) {
            throw new IllegalArgumentException("not an observation of " + AdmissionControlProvider.ID + " (" + observationSpace.describe()
                    + "): " + Arrays.toString(obs));
        }
        int sys = model.systemIndex(obs);
        if (sys < 0) {
            throw new IllegalArgumentException(Arrays.toString(obs) + " is not a state of " + AdmissionControlProvider.ID
                    + ": counts beyond the capacity of " + model.capacity + " units or a waiting room with gaps");
        }
        return model.state(sys, obs[last]);
    }

    @Override
    public int actionIndex(Object action) {
        if (!(action instanceof Integer a) || !actionSpace.contains(a)) {
            throw new IllegalArgumentException("not an action of " + AdmissionControlProvider.ID + " (" + actionSpace.describe() + "): " + action);
        }
        return a;
    }

    /** An immutable copy of everything a step depends on. */
    private record Snapshot(AdmissionModel model, int[] system, int pending, int epoch, boolean over, long randomState) {
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException before the first {@code reset(seed)}
     */
    @Override
    public Object snapshot() {
        return new Snapshot(model, system.clone(), pending, epoch, over, randomState());
    }

    @Override
    public void restore(Object snapshot) {
        if (!(snapshot instanceof Snapshot s) || !model.sameAs(s.model)) {
            throw new IllegalArgumentException("not a snapshot of " + AdmissionControlProvider.ID + " with this configuration: " + snapshot);
        }
        System.arraycopy(s.system, 0, system, 0, system.length);
        pending = s.pending;
        epoch = s.epoch;
        over = s.over;
        writeObservation();
        restored(s.randomState, s.over);
    }

    @Override
    public AdmissionEnvironment copy() {
        AdmissionEnvironment c = new AdmissionEnvironment(model, observationSpace);
        c.restore(snapshot());
        return c;
    }
}
