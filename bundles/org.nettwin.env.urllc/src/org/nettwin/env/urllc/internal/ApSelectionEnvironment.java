package org.nettwin.env.urllc.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

import org.nettwin.api.env.BaseEnvironment;
import org.nettwin.api.env.Copyable;
import org.nettwin.api.env.Snapshottable;
import org.nettwin.api.env.Step;
import org.nettwin.api.space.Box;
import org.nettwin.api.space.Discrete;

/**
 * URLLC access-point selection for a vehicle on a straight road (paper 001, §IV-A). Each step is
 * one task: the agent picks the AP to upload it to, {@link RoadModel#transmit} decides success,
 * latency and cost, and the vehicle drives on to where the next task appears (Poisson task
 * arrivals). The episode terminates when the vehicle reaches the end of the road.
 *
 * <p>Observation ({@code Box}, every coordinate normalised): vehicle position over the road
 * length, speed over {@link #SPEED_SCALE}, task size over the largest size, deadline over the
 * longest deadline, then per AP its position relative to the vehicle over the road length, then
 * per AP the time until its uplink is free over the longest deadline (always 0 unless the
 * uplink is serial). The compact form keeps only position, size and deadline (for tabular
 * learners, as in the paper's Q-learning; the AP layout is fixed per scenario). All randomness
 * comes from the base class's stream, whose state is one {@code long}, so {@link #snapshot()}
 * captures everything and digital domains can try every AP from one state.
 */
final class ApSelectionEnvironment extends BaseEnvironment<double[], Integer>
        implements Snapshottable, Copyable<ApSelectionEnvironment> {

    /** Speed normaliser, m/s: the largest configurable speed. */
    static final double SPEED_SCALE = 100.0;

    private static final List<String> INFO = List.of("success", "latency", "cost", "cause", "position");

    private final RoadModel model;
    private final double[] observation;
    private final double[] linkFree;
    private final RoadModel.Outcome outcome = new RoadModel.Outcome();
    private double position;
    private double speed;
    private double time;
    private double size;
    private double deadline;
    private boolean over;

    ApSelectionEnvironment(RoadModel model) {
        super(ApSelectionProvider.ID, observations(model), new Discrete(model.aps()), INFO, features(model));
        this.model = model;
        this.observation = new double[observationSpace().encodedSize()];
        this.linkFree = new double[model.aps()];
    }

    private static Box observations(RoadModel model) {
        if (model.compactObservation) {
            return new Box(3, 0.0, 1.0);
        }
        int aps = model.aps();
        double[] low = new double[4 + 2 * aps];
        double[] high = new double[low.length];
        Arrays.fill(high, 1.0);
        Arrays.fill(low, 4, 4 + aps, -1.0);
        return new Box(low, high);
    }

    /** @return the names of {@link #writeObservation()}'s coordinates, APs numbered from 1 */
    private static List<String> features(RoadModel model) {
        if (model.compactObservation) {
            return List.of("position", "task_size", "task_deadline");
        }
        List<String> names = new ArrayList<>(List.of("position", "speed", "task_size", "task_deadline"));
        for (int j = 1; j <= model.aps(); j++) {
            names.add("ap" + j + "_offset");
        }
        for (int j = 1; j <= model.aps(); j++) {
            names.add("ap" + j + "_busy");
        }
        return names;
    }

    /** @return the road, APs and reward this environment simulates */
    RoadModel model() {
        return model;
    }

    /** @return metres along the road where the current task was created */
    double position() {
        return position;
    }

    /** @return the current task's size, Mbit */
    double taskSize() {
        return size;
    }

    /** @return the current task's deadline, s */
    double taskDeadline() {
        return deadline;
    }

    /** @return the vehicle's speed this episode, m/s */
    double speed() {
        return speed;
    }

    /**
     * Computes, without changing anything, what uploading the current task to {@code ap} would
     * give: the same computation {@link #step} makes, as a digital twin of the link would.
     */
    void preview(int ap, RoadModel.Outcome out) {
        model.transmit(ap, position, speed, time, size, deadline, linkFree[ap], out);
    }

    /** @return the AP with the highest immediate reward for the current task (lowest index on ties) */
    int bestAp(RoadModel.Outcome scratch) {
        int best = 0;
        double bestReward = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < model.aps(); j++) {
            preview(j, scratch);
            if (scratch.reward > bestReward) {
                bestReward = scratch.reward;
                best = j;
            }
        }
        return best;
    }

    private void drawTask(RandomGenerator random) {
        size = model.sizeMin + random.nextDouble() * (model.sizeMax - model.sizeMin);
        deadline = model.deadlineMin + random.nextDouble() * (model.deadlineMax - model.deadlineMin);
    }

    @Override
    protected void resetEpisode(RandomGenerator random, Step<double[]> out) {
        speed = model.speedMin + random.nextDouble() * (model.speedMax - model.speedMin);
        // the vehicle enters the road at 0; the first task comes at an exponential time conditioned
        // on falling before the vehicle leaves the road (inverse CDF of the truncated law)
        double crossing = model.roadLength / speed;
        double first = -model.meanInterval * Math.log1p(-random.nextDouble() * -Math.expm1(-crossing / model.meanInterval));
        time = first;
        position = Math.min(speed * first, Math.nextDown(model.roadLength));
        Arrays.fill(linkFree, 0.0);
        over = false;
        drawTask(random);
        writeObservation();
        out.set(observation, 0.0, false, false);
    }

    @Override
    protected void advance(Integer action, Step<double[]> out) {
        int ap = action;
        model.transmit(ap, position, speed, time, size, deadline, linkFree[ap], outcome);
        if (model.serialUplink && !Double.isNaN(outcome.linkReleased)) {
            linkFree[ap] = outcome.linkReleased;
        }
        double[] info = out.info();
        info[0] = outcome.success() ? 1 : 0;
        info[1] = outcome.latency;
        info[2] = outcome.cost;
        info[3] = outcome.cause;
        info[4] = position;
        RandomGenerator random = random();
        double gap = -model.meanInterval * Math.log1p(-random.nextDouble());
        time += gap;
        position += speed * gap;
        if (position >= model.roadLength) {
            position = model.roadLength;
            over = true;
        } else {
            drawTask(random);
        }
        writeObservation();
        out.set(observation, outcome.reward, over, false);
    }

    private void writeObservation() {
        if (model.compactObservation) {
            // the paper's tabular state: where the vehicle is (the AP layout is fixed) and the task
            observation[0] = position / model.roadLength;
            observation[1] = size / model.sizeMax;
            observation[2] = deadline / model.deadlineMax;
            return;
        }
        int n = model.aps();
        observation[0] = position / model.roadLength;
        observation[1] = speed / SPEED_SCALE;
        observation[2] = size / model.sizeMax;
        observation[3] = deadline / model.deadlineMax;
        for (int j = 0; j < n; j++) {
            observation[4 + j] = (model.apPosition[j] - position) / model.roadLength;
            observation[4 + n + j] = Math.min(1.0, Math.max(0.0, (linkFree[j] - time) / model.deadlineMax));
        }
    }

    /** An immutable copy of everything a step depends on. */
    private record Snapshot(RoadModel model, double position, double speed, double time, double size, double deadline, double[] linkFree,
            boolean over, long randomState) {
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException before the first {@code reset(seed)}
     */
    @Override
    public Object snapshot() {
        return new Snapshot(model, position, speed, time, size, deadline, linkFree.clone(), over, randomState());
    }

    @Override
    public void restore(Object snapshot) {
        if (!(snapshot instanceof Snapshot s) || !model.sameAs(s.model)) {
            throw new IllegalArgumentException("not a snapshot of " + ApSelectionProvider.ID + " with this configuration: " + snapshot);
        }
        position = s.position;
        speed = s.speed;
        time = s.time;
        size = s.size;
        deadline = s.deadline;
        System.arraycopy(s.linkFree, 0, linkFree, 0, linkFree.length);
        over = s.over;
        writeObservation();
        restored(s.randomState, s.over);
    }

    @Override
    public ApSelectionEnvironment copy() {
        ApSelectionEnvironment c = new ApSelectionEnvironment(model);
        c.restore(snapshot());
        return c;
    }
}
