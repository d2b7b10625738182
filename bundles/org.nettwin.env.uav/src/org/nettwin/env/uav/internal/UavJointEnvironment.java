package org.nettwin.env.uav.internal;

import java.util.Arrays;
import java.util.random.RandomGenerator;

import org.nettwin.api.env.BaseEnvironment;
import org.nettwin.api.env.Snapshottable;
import org.nettwin.api.env.Step;
import org.nettwin.api.space.Box;
import org.nettwin.api.space.MultiDiscrete;

/**
 * {@code uav/Trajectories-v1} as one centralised agent: the action is every UAV's move at once
 * ({@code MultiDiscrete} with {@code headings + 1} choices per UAV, 0 hovers), the observation
 * every UAV's and user's position in index order plus the elapsed-time clock, all normalised to
 * [0, 1] (features {@code uav0_x, uav0_y, ..., user0_x, ..., clock}). The reward is the users' average rate in Mbit/s. Steps the same
 * {@link UavWorld} as the parallel form, so both views give identical trajectories.
 */
public final class UavJointEnvironment extends BaseEnvironment<double[], int[]> implements Snapshottable {

    private final UavWorld world;
    private final double[] observation;

    /** @param world the world this view steps; owned by the environment from now on */
    public UavJointEnvironment(UavWorld world) {
        super(UavTrajectoriesProvider.ID, new Box(world.observationSize(), 0.0, 1.0), moves(world), UavInfo.NAMES, world.features(-1));
        this.world = world;
        this.observation = new double[world.observationSize()];
    }

    private static MultiDiscrete moves(UavWorld world) {
        int[] nvec = new int[world.parameters().uavs()];
        Arrays.fill(nvec, world.parameters().headings() + 1);
        return new MultiDiscrete(nvec);
    }

    /** @return the underlying world (positions, rates, associations) */
    public UavWorld world() {
        return world;
    }

    @Override
    protected void resetEpisode(RandomGenerator random, Step<double[]> out) {
        world.reset(random);
        world.observe(-1, observation);
        out.set(observation, 0.0, false, false);
        UavInfo.write(world, out.info());
    }

    @Override
    protected void advance(int[] action, Step<double[]> out) {
        for (int i = 0; i < action.length; i++) {
            world.move(i, action[i]);
        }
        world.finishStep();
        world.observe(-1, observation);
        out.set(observation, world.meanRate(), false, false);
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
        world.observe(-1, observation);
        restored(saved.random(), false); // the episode stream continues exactly; only the time limit ends an episode
    }

    /** The world and the environment's own random stream (used for per-episode layouts). */
    private record Saved(Object world, long random) {
    }
}
