package org.nettwin.env.uav.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;

import org.nettwin.api.env.BaseMultiAgentEnvironment;
import org.nettwin.api.env.MultiStep;
import org.nettwin.api.env.Snapshottable;
import org.nettwin.api.space.Box;
import org.nettwin.api.space.Discrete;

/**
 * {@code uav/Trajectories-v1} in PettingZoo's parallel form: one agent per UAV ({@code uav0},
 * {@code uav1}, ...), each choosing its own move ({@code Discrete(headings + 1)}: 0 hovers). The
 * UAVs cooperate, so every agent receives the same reward, the users' average rate in Mbit/s.
 * Agent {@code i} observes its own position first, then the other UAVs', the users' and the
 * elapsed-time clock, all normalised to [0, 1] (features {@code self_x, self_y, uavK_x, ...,
 * user0_x, ..., clock}).
 */
public final class UavParallelEnvironment extends BaseMultiAgentEnvironment<double[], Integer> implements Snapshottable {

    private final UavWorld world;
    private final double[][] observations;

    /** @param world the world this view steps; owned by the environment from now on */
    public UavParallelEnvironment(UavWorld world) {
        super(UavTrajectoriesProvider.ID, agents(world), Collections.nCopies(world.parameters().uavs(), new Box(world.observationSize(), 0.0, 1.0)),
                Collections.nCopies(world.parameters().uavs(), new Discrete(world.parameters().headings() + 1)), UavInfo.NAMES,
                features(world));
        this.world = world;
        this.observations = new double[world.parameters().uavs()][world.observationSize()];
    }

    private static List<String> agents(UavWorld world) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < world.parameters().uavs(); i++) {
            names.add("uav" + i);
        }
        return names;
    }

    private static List<List<String>> features(UavWorld world) {
        List<List<String>> names = new ArrayList<>();
        for (int i = 0; i < world.parameters().uavs(); i++) {
            names.add(world.features(i));
        }
        return names;
    }

    /** @return the underlying world (positions, rates, associations) */
    public UavWorld world() {
        return world;
    }

    @Override
    protected void resetEpisode(RandomGenerator random, MultiStep<double[]> out) {
        world.reset(random);
        fill(out);
    }

    @Override
    protected void advance(List<Integer> actions, MultiStep<double[]> out) {
        for (int i = 0; i < observations.length; i++) {
            world.move(i, actions.get(i));
        }
        world.finishStep();
        fill(out);
    }

    private void fill(MultiStep<double[]> out) {
        double reward = world.meanRate(); // the base class reports 0 after a reset
        for (int i = 0; i < observations.length; i++) {
            world.observe(i, observations[i]);
            out.set(i, observations[i], reward, false, false);
        }
        UavInfo.write(world, out.info());
    }

    @Override
    public Object snapshot() {
        return new Saved(world.snapshot(), randomState());
    }

    @Override
    public void restore(Object snapshot) {
        if (!(snapshot instanceof Saved saved)) {
            throw new IllegalArgumentException("not a uav/Trajectories-v1 snapshot: " + (snapshot == null ? "null" : snapshot.getClass().getName()));
        }
        world.restore(saved.world());
        for (int i = 0; i < observations.length; i++) {
            world.observe(i, observations[i]);
        }
        restored(saved.random(), false); // the episode stream continues exactly; only the time limit ends an episode
    }

    /** The world and the environment's own random stream (used for per-episode layouts). */
    private record Saved(Object world, long random) {
    }
}
