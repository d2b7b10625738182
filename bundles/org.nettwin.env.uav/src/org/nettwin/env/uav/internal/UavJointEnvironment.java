package org.nettwin.env.uav.internal;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

import org.nettwin.api.env.BaseEnvironment;
import org.nettwin.api.env.Snapshottable;
import org.nettwin.api.env.Step;
import org.nettwin.api.space.Box;
import org.nettwin.api.space.MultiDiscrete;
import org.nettwin.api.space.Space;

/**
 * {@code uav/Trajectories-v1} as one centralised agent: the action is every UAV's move at once
 * ({@code MultiDiscrete} with {@code headings + 1} choices per UAV, 0 hovers), the observation
 * every UAV's and user's position in index order plus the elapsed fraction of the episode, all
 * normalised to [0, 1]. The reward is the users' average rate in Mbit/s. Steps the same
 * {@link UavWorld} as the parallel form, so both views give identical trajectories.
 */
public final class UavJointEnvironment extends BaseEnvironment<double[], int[]> implements Snapshottable {

    private final UavWorld world;
    private final Box observationSpace;
    private final MultiDiscrete actionSpace;
    private final double[] observation;

    /** @param world the world this view steps; owned by the environment from now on */
    public UavJointEnvironment(UavWorld world) {
        this(world, new Box(world.observationSize(), 0.0, 1.0));
    }

    private UavJointEnvironment(UavWorld world, Box observations) {
        super(UavTrajectoriesProvider.ID, UavInfo.NAMES.size(), observations);
        this.world = world;
        this.observationSpace = observations;
        int[] nvec = new int[world.parameters().uavs()];
        Arrays.fill(nvec, world.parameters().headings() + 1);
        this.actionSpace = new MultiDiscrete(nvec);
        this.observation = new double[world.observationSize()];
    }

    /** @return the underlying world (positions, rates, associations) */
    public UavWorld world() {
        return world;
    }

    @Override
    public Space<double[]> observationSpace() {
        return observationSpace;
    }

    @Override
    public Space<int[]> actionSpace() {
        return actionSpace;
    }

    @Override
    public List<String> infoNames() {
        return UavInfo.NAMES;
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
        out.set(observation, world.meanRate(), false, world.truncated());
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
        restored(saved.random(), world.truncated()); // the episode stream continues exactly; a finished episode stays finished
    }

    /** The world and the environment's own random stream (used for per-episode layouts). */
    private record Saved(Object world, long random) {
    }
}
