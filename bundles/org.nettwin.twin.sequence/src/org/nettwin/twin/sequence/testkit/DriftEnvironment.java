package org.nettwin.twin.sequence.testkit;

import java.util.List;
import java.util.random.RandomGenerator;

import org.nettwin.api.env.BaseEnvironment;
import org.nettwin.api.env.Step;
import org.nettwin.api.space.Box;
import org.nettwin.api.space.Discrete;

/**
 * A cheap environment with history-dependent continuous dynamics, for twin tests: a level
 * {@code x ∈ [0, 10]} pushed by the action ({@code Discrete(3)}: down, hold, up) with momentum and
 * a periodic disturbance of phase {@code φ}, observed as {@code Box(3) = (x, cos φ, sin φ)}
 * (features {@code level}, {@code cos_phase}, {@code sin_phase}):
 * <pre>{@code
 * v' = 0.6 v + gain · 0.4 (a − 1) + 0.3 sin φ,   x' = clip(x + v', 0, 10),   φ' = φ + 0.35,
 * r  = −|x' − 5| / 5 − 0.05 |a − 1| + N(0, noise²)
 * }</pre>
 * The velocity {@code v} is hidden, so a model needs the history window to predict well. {@code
 * gain} shifts the dynamics (for calibration tests). Episodes are truncated after {@code length} steps.
 *
 * @since 0.1
 */
public final class DriftEnvironment extends BaseEnvironment<double[], Integer> {

    private static final Box OBSERVATIONS = new Box(new double[] {0, -1, -1}, new double[] {10, 1, 1});
    private static final Discrete ACTIONS = new Discrete(3);

    private final double gain;
    private final double noise;
    private final int length;
    private final double[] observation = new double[3];
    private double x;
    private double v;
    private double phase;
    private int t;

    /** @param gain action effect (1 nominal), {@code noise} reward and level noise, {@code length} episode steps */
    public DriftEnvironment(double gain, double noise, int length) {
        super("testkit/Drift", OBSERVATIONS, ACTIONS, List.of(), List.of("level", "cos_phase", "sin_phase"));
        this.gain = gain;
        this.noise = noise;
        this.length = length;
    }

    @Override
    protected void resetEpisode(RandomGenerator random, Step<double[]> out) {
        x = 2 + 6 * random.nextDouble();
        v = 0;
        phase = 2 * Math.PI * random.nextDouble();
        t = 0;
        out.set(observe(), 0, false, false);
    }

    @Override
    protected void advance(Integer action, Step<double[]> out) {
        int a = action;
        v = 0.6 * v + gain * 0.4 * (a - 1) + 0.3 * Math.sin(phase);
        x = Math.min(10, Math.max(0, x + v + noise * random().nextGaussian()));
        phase += 0.35;
        t++;
        double reward = -Math.abs(x - 5) / 5 - 0.05 * Math.abs(a - 1) + noise * random().nextGaussian();
        out.set(observe(), reward, false, t >= length);
    }

    private double[] observe() {
        observation[0] = x;
        observation[1] = Math.cos(phase);
        observation[2] = Math.sin(phase);
        return observation;
    }
}
