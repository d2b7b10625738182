package org.nettwin.env.admission.internal;

import java.util.ArrayList;
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

/**
 * The admission-control simulator: samples {@link AdmissionModel}'s dynamics one decision epoch
 * per step. The observation is {@code [n_1, ..., n_K, w_1, ..., w_W, q]} (requests in service per
 * class, the waiting-room slots from the head with 0 = empty, the pending class with 0 = none) in
 * a {@link MultiDiscrete}; the action is {@code 0} reject or {@code 1} admit. Episodes start
 * empty with a pending request drawn from the arrival law; the MDP has no terminal state, so an
 * episode ends only when the scenario's time limit truncates it.
 *
 * <p>All randomness comes from the base class's stream, whose state is one {@code long}; with
 * the counts, waiting room and pending class it is the whole state, which makes
 * {@link Snapshottable} and {@link Copyable} exact (a restored environment also continues into
 * the same later episodes).
 */
final class AdmissionEnvironment extends BaseEnvironment<int[], Integer>
        implements FiniteMdp<int[]>, Snapshottable, Copyable<AdmissionEnvironment> {

    private static final List<String> INFO = List.of("admitted", "queued", "rejected", "overloaded", "utilization", "waiting");

    private final AdmissionModel model;
    private final int[] system;
    private final int[] observation;
    private int pending;

    AdmissionEnvironment(AdmissionModel model) {
        super(AdmissionControlProvider.ID, observations(model), new Discrete(2), INFO, features(model));
        this.model = model;
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

    /** @return {@code in_service_k} per class, {@code waiting_slot_j} per waiting place from the head, {@code pending_class} */
    private static List<String> features(AdmissionModel model) {
        List<String> names = new ArrayList<>();
        for (int k = 1; k <= model.classes; k++) {
            names.add("in_service_" + k);
        }
        for (int j = 1; j <= model.waitingRoom; j++) {
            names.add("waiting_slot_" + j);
        }
        names.add("pending_class");
        return names;
    }

    /** @return the dynamics this environment samples */
    AdmissionModel model() {
        return model;
    }

    @Override
    protected void resetEpisode(RandomGenerator random, Step<int[]> out) {
        Arrays.fill(system, 0);
        pending = AdmissionModel.inverse(model.pendingCdf, random.nextDouble());
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
        writeObservation();
        double[] info = out.info();
        info[0] = outcome == AdmissionModel.ADMITTED ? 1 : 0;
        info[1] = outcome == AdmissionModel.QUEUED ? 1 : 0;
        info[2] = outcome == AdmissionModel.REJECTED ? 1 : 0;
        info[3] = outcome == AdmissionModel.OVERLOADED ? 1 : 0;
        info[4] = (double) used / model.capacity;
        info[5] = waiting;
        out.set(observation, reward, false, false);
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
            throw new IllegalArgumentException("not an observation of " + AdmissionControlProvider.ID + " (" + observationSpace().describe()
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
        if (!(action instanceof Integer a) || !actionSpace().contains(a)) {
            throw new IllegalArgumentException("not an action of " + AdmissionControlProvider.ID + " (" + actionSpace().describe() + "): " + action);
        }
        return a;
    }

    /** An immutable copy of everything a step depends on. */
    private record Snapshot(AdmissionModel model, int[] system, int pending, long randomState) {
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException before the first {@code reset(seed)}
     */
    @Override
    public Object snapshot() {
        return new Snapshot(model, system.clone(), pending, randomState());
    }

    @Override
    public void restore(Object snapshot) {
        if (!(snapshot instanceof Snapshot s) || !model.sameAs(s.model)) {
            throw new IllegalArgumentException("not a snapshot of " + AdmissionControlProvider.ID + " with this configuration: " + snapshot);
        }
        System.arraycopy(s.system, 0, system, 0, system.length);
        pending = s.pending;
        writeObservation();
        // the MDP has no terminal state: a restored episode always continues
        restored(s.randomState, false);
    }

    @Override
    public AdmissionEnvironment copy() {
        AdmissionEnvironment c = new AdmissionEnvironment(model);
        c.restore(snapshot());
        return c;
    }
}
