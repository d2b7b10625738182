package __PACKAGE__;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.env.BaseEnvironment;
import org.nettwin.api.env.Step;
import org.nettwin.api.run.TrainingListener;
import org.nettwin.api.space.Box;
import org.nettwin.api.space.Discrete;
import org.nettwin.api.twin.DigitalTwin;
import org.nettwin.api.twin.TwinAccuracy;

/**
 * A mean-drift twin: the next observation is the current one plus the mean change seen after the
 * action, clipped to the space; the reward is the action's mean reward. Episodes start from a
 * starting observation of the data, drawn with the episode's seed, and are truncated after
 * {@code episodeLength} steps. Calibration refits on everything seen so far.
 */
final class __CLASS__Twin extends BaseEnvironment<double[], Integer> implements DigitalTwin<double[], Integer> {

    private final Box observations;
    private final Discrete actions;
    private final int episodeLength;
    private final double[][] drift;
    private final double[] reward;
    private final long[] count;
    private final List<double[]> starts = new ArrayList<>();
    private final double[] state;
    private int t;

    __CLASS__Twin(Box observations, Discrete actions, List<String> features, int episodeLength) {
        super(__CLASS__Builder.ID, observations, actions, List.of(), features);
        this.observations = observations;
        this.actions = actions;
        this.episodeLength = episodeLength;
        this.drift = new double[actions.n()][observations.dimension()];
        this.reward = new double[actions.n()];
        this.count = new long[actions.n()];
        this.state = new double[observations.dimension()];
    }

    @Override
    public void calibrate(TransitionDataset fresh, TrainingListener listener) {
        int d = state.length;
        for (int i = 0; i < fresh.size(); i++) {
            int a = (int) fresh.action(i, 0) - actions.start();
            count[a]++;
            double w = 1.0 / count[a];
            for (int k = 0; k < d; k++) {
                drift[a][k] += w * (fresh.nextObservation(i, k) - fresh.observation(i, k) - drift[a][k]);
            }
            reward[a] += w * (fresh.reward(i) - reward[a]);
            if (i == 0 || fresh.episode(i) != fresh.episode(i - 1)) {
                double[] start = new double[d];
                fresh.observation(i, start, 0);
                starts.add(start);
            }
        }
        if (starts.isEmpty()) {
            throw new IllegalArgumentException(__CLASS__Builder.ID + " needs at least one transition to learn from");
        }
        listener.onMetric(0, "twin_transitions", fresh.size());
    }

    @Override
    protected void resetEpisode(RandomGenerator random, Step<double[]> out) {
        System.arraycopy(starts.get(random.nextInt(starts.size())), 0, state, 0, state.length);
        t = 0;
        out.set(state, 0, false, false);
    }

    @Override
    protected void advance(Integer action, Step<double[]> out) {
        double r = predict(state, action - actions.start(), state);
        t++;
        out.set(state, r, false, t >= episodeLength);
    }

    /** Writes the predicted next observation of {@code from} after action index {@code a} into {@code to}; returns the reward. */
    private double predict(double[] from, int a, double[] to) {
        for (int k = 0; k < from.length; k++) {
            to[k] = from[k] + drift[a][k];
        }
        observations.clip(to);
        return reward[a];
    }

    @Override
    public TwinAccuracy evaluate(TransitionDataset heldOut, int horizon) {
        int d = state.length;
        double[] oneStep = new double[d];
        double[] rollout = new double[horizon];
        int[] rolloutCount = new int[horizon];
        double rewardError = 0;
        double[] x = new double[d];
        double[] y = new double[d];
        for (int i = 0; i < heldOut.size(); i++) {
            heldOut.observation(i, x, 0);
            double r = predict(x, (int) heldOut.action(i, 0) - actions.start(), y);
            rewardError += (r - heldOut.reward(i)) * (r - heldOut.reward(i));
            for (int k = 0; k < d; k++) {
                double e = y[k] - heldOut.nextObservation(i, k);
                oneStep[k] += e * e;
            }
            // open loop from i, fed the real actions, while the episode goes on
            heldOut.observation(i, x, 0);
            for (int h = 0; h < horizon && i + h < heldOut.size() && heldOut.episode(i + h) == heldOut.episode(i); h++) {
                predict(x, (int) heldOut.action(i + h, 0) - actions.start(), x);
                double se = 0;
                for (int k = 0; k < d; k++) {
                    double e = x[k] - heldOut.nextObservation(i + h, k);
                    se += e * e;
                }
                rollout[h] += se / d;
                rolloutCount[h]++;
            }
        }
        int n = Math.max(heldOut.size(), 1);
        for (int k = 0; k < d; k++) {
            oneStep[k] = Math.sqrt(oneStep[k] / n);
        }
        for (int h = 0; h < horizon; h++) {
            rollout[h] = Math.sqrt(rollout[h] / Math.max(rolloutCount[h], 1));
        }
        return new TwinAccuracy(observationFeatures(), oneStep, rollout, Math.sqrt(rewardError / n), heldOut.size());
    }
}
