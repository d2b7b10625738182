package __PACKAGE__;

import java.util.List;
import java.util.random.RandomGenerator;

import org.nettwin.api.env.BaseEnvironment;
import org.nettwin.api.env.Step;
import org.nettwin.api.space.Box;
import org.nettwin.api.space.Discrete;

/**
 * A tracker and a target on positions 0 ... size. Each step the agent moves the tracker left (0),
 * keeps it (1) or moves it right (2); then the target moves one position either way with
 * probability {@code drift}. Reward: minus the distance after the step, over the size.
 * Observation: both positions over the size. BaseEnvironment checks actions and outputs, seeds
 * episodes and owns the reused Step; the observation array is reused too (no allocation per step).
 */
final class __CLASS__Environment extends BaseEnvironment<double[], Integer> {

    private final int size;
    private final double drift;
    private final double[] observation = new double[2];
    private int tracker;
    private int target;

    __CLASS__Environment(__CLASS__Config config) {
        super(__CLASS__Provider.ID, new Box(2, 0.0, 1.0), new Discrete(3), List.of("distance"), List.of("tracker", "target"));
        this.size = config.size();
        this.drift = config.drift();
    }

    @Override
    protected void resetEpisode(RandomGenerator random, Step<double[]> out) {
        tracker = random.nextInt(size + 1);
        target = random.nextInt(size + 1);
        emit(0, out);
    }

    @Override
    protected void advance(Integer action, Step<double[]> out) {
        tracker = Math.clamp(tracker + action - 1, 0, size);
        RandomGenerator random = random();
        if (random.nextDouble() < drift) {
            target = Math.clamp(target + (random.nextBoolean() ? 1 : -1), 0, size);
        }
        emit(-Math.abs(tracker - target) / (double) size, out);
    }

    private void emit(double reward, Step<double[]> out) {
        observation[0] = tracker / (double) size;
        observation[1] = target / (double) size;
        out.set(observation, reward, false, false);
        out.info()[0] = Math.abs(tracker - target);
    }
}
