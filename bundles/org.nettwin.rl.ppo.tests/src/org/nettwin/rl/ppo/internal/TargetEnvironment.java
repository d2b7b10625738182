package org.nettwin.rl.ppo.internal;

import java.util.List;
import java.util.random.RandomGenerator;

import org.nettwin.api.env.BaseEnvironment;
import org.nettwin.api.env.Step;
import org.nettwin.api.space.Box;
import org.nettwin.api.space.Simplex;
import org.nettwin.api.space.Space;

/**
 * A known continuous task: each step shows a target (a point of {@code [-1, 1]^d} for a
 * {@code Box} action, or shares for a {@code Simplex} action) and pays {@code −‖a − target‖²}
 * for the action taken; episodes are truncated after {@code length} steps. The optimal policy
 * copies the target (return 0); its mean is the only thing to learn.
 */
final class TargetEnvironment extends BaseEnvironment<double[], double[]> {

    private final int dimension;
    private final int length;
    private final double[] target;
    private int t;

    private TargetEnvironment(Space<double[]> actions, int dimension, int length) {
        super("test/Target-v1", new Box(dimension, -1, 1), actions, List.of());
        this.dimension = dimension;
        this.length = length;
        this.target = new double[dimension];
    }

    /** Targets and actions in {@code Box(-1, 1, (d,))}. */
    static TargetEnvironment box(int dimension, int length) {
        return new TargetEnvironment(new Box(dimension, -1, 1), dimension, length);
    }

    /** Targets Dirichlet(1) shares, actions in {@code Simplex(n)}. */
    static TargetEnvironment simplex(int n, int length) {
        return new TargetEnvironment(new Simplex(n), n, length);
    }

    /** Uniform on the box, or Dirichlet(1) shares, drawn in place (stepping allocates nothing). */
    private void drawTarget(RandomGenerator random) {
        double sum = 0;
        for (int i = 0; i < dimension; i++) {
            target[i] = actionSpace() instanceof Simplex ? random.nextExponential() : 2 * random.nextDouble() - 1;
            sum += target[i];
        }
        if (actionSpace() instanceof Simplex) {
            for (int i = 0; i < dimension; i++) {
                target[i] /= sum;
            }
        }
    }

    @Override
    protected void resetEpisode(RandomGenerator random, Step<double[]> out) {
        t = 0;
        drawTarget(random);
        out.set(target, 0.0, false, false);
    }

    @Override
    protected void advance(double[] action, Step<double[]> out) {
        double loss = 0;
        for (int i = 0; i < dimension; i++) {
            loss += (action[i] - target[i]) * (action[i] - target[i]);
        }
        t++;
        drawTarget(random());
        out.set(target, -loss, false, t >= length);
    }
}
