package org.nettwin.rl.td3.internal;

import java.util.List;
import java.util.random.RandomGenerator;

import org.nettwin.api.env.BaseEnvironment;
import org.nettwin.api.env.Step;
import org.nettwin.api.space.Box;

/**
 * A small continuous control task for tests: a point in the square {@code [−1, 1]²} moves by the
 * action (a velocity in {@code Box([−0.25, 0.25]²)}) towards a target drawn per episode; the
 * reward is minus the distance to the target after the move. Observation: position and target.
 * A random policy scores about −0.9 per step; heading straight for the target about −0.1 over
 * {@value #STEPS}-step episodes.
 */
final class ReachTargetEnvironment extends BaseEnvironment<double[], double[]> {

    static final int STEPS = 20;
    static final double SPEED = 0.25;

    private static final Box OBSERVATIONS = new Box(4, -1, 1);
    private static final Box ACTIONS = new Box(2, -SPEED, SPEED);

    private final double[] observation = new double[4];
    private int t;

    ReachTargetEnvironment() {
        super("test/ReachTarget", OBSERVATIONS, ACTIONS, List.of());
    }

    @Override
    protected void resetEpisode(RandomGenerator random, Step<double[]> out) {
        for (int i = 0; i < 4; i++) {
            observation[i] = 1.6 * random.nextDouble() - 0.8;
        }
        t = 0;
        out.set(observation, 0, false, false);
    }

    @Override
    protected void advance(double[] action, Step<double[]> out) {
        observation[0] = Math.max(-1, Math.min(1, observation[0] + action[0]));
        observation[1] = Math.max(-1, Math.min(1, observation[1] + action[1]));
        double dx = observation[0] - observation[2];
        double dy = observation[1] - observation[3];
        t++;
        out.set(observation, -Math.sqrt(dx * dx + dy * dy), false, t >= STEPS);
    }
}
