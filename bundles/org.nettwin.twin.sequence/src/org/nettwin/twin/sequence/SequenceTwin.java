package org.nettwin.twin.sequence;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import org.nettwin.api.Seeds;
import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.env.BaseEnvironment;
import org.nettwin.api.env.Step;
import org.nettwin.api.run.TrainingListener;
import org.nettwin.api.space.Box;
import org.nettwin.api.space.Space;
import org.nettwin.api.twin.DigitalTwin;
import org.nettwin.api.twin.StateSync;
import org.nettwin.api.twin.TrajectoryPredictor;
import org.nettwin.api.twin.TwinAccuracy;
import org.nettwin.twin.sequence.internal.SequenceData;
import org.nettwin.twin.sequence.internal.SequenceTrainer;
import org.nettwin.twin.sequence.internal.StepEncoding;

/**
 * A digital twin made of two window models (paper 000: a state-transition model and a reward
 * model trained supervised on historical data). It is an {@code Environment} with the real
 * spaces:
 * <ul>
 * <li>{@code reset(seed)} draws a real transition of the data uniformly and starts from its state
 * with its real history window (the previous {@code window − 1} steps of its episode);</li>
 * <li>{@code step(a)} puts {@code (s_t, a)} into the window, predicts
 * {@code s_{t+1} = clip(s_t + Δ̂)} (clipped to the observation box) and {@code r̂_t}, and slides the
 * window; terminations are predicted only when the data had some (else the twin never
 * terminates); episodes are truncated after {@code episodeLength} steps.</li>
 * </ul>
 * Its observation features have the real environment's names, so its accuracy reports do too.
 * Stepping allocates nothing beyond what the model library does.
 *
 * @since 0.1
 */
public final class SequenceTwin extends BaseEnvironment<double[], Object> implements DigitalTwin<double[], Object>, TrajectoryPredictor, StateSync {

    private static final int MAX_ROLLOUT_STARTS = 256;

    private final String id;
    private final StepEncoding encoding;
    private final SequenceModel stateModel;
    private final SequenceModel rewardModel;
    private final TwinSettings settings;
    private final int episodeLength;
    private final long seed;
    private final int in;
    private final int w;
    private final double[] window;
    private final double[] state;
    private final double[] observation;
    private final double[] actionFlat;
    private SequenceData data;
    private int t;
    private int calibrations;

    SequenceTwin(String id, StepEncoding encoding, List<String> features, SequenceModel stateModel, SequenceModel rewardModel, SequenceData data,
            TwinSettings settings, int episodeLength, long seed) {
        super(id, encoding.observationSpace(), encoding.actionSpace(), List.of(), features);
        this.id = id;
        this.encoding = encoding;
        this.stateModel = stateModel;
        this.rewardModel = rewardModel;
        this.data = data;
        this.settings = settings;
        this.episodeLength = episodeLength;
        this.seed = seed;
        this.in = encoding.stepInputs();
        this.w = settings.window();
        this.window = new double[w * in];
        this.state = new double[encoding.features()];
        this.observation = new double[encoding.features()];
        this.actionFlat = new double[encoding.actionSpace().flatSize()];
    }

    /**
     * Learns a twin from {@code data}: fits the normalisation on the training episodes, trains both
     * models with early stopping and reports their losses to {@code listener} (metrics
     * {@code twin_state_*}, {@code twin_reward_*}, then {@code twin_transitions},
     * {@code twin_episode_length}).
     *
     * @param features the real environment's name of each observation coordinate ({@code EnvironmentSpec.observationFeatures()})
     */
    public static SequenceTwin build(String id, Box observations, List<String> features, Space<Object> actions, TransitionDataset data,
            TwinSettings settings, SequenceModel.Factory models, long seed, TrainingListener listener) {
        if (data.size() == 0) {
            throw new IllegalArgumentException(id + " needs a non-empty dataset");
        }
        if (data.observationSize() != observations.encodedSize() || data.actionSize() != actions.encodedSize()) {
            throw new IllegalArgumentException("the dataset's sizes " + data.observationSize() + "/" + data.actionSize()
                    + " do not match the spaces " + observations.describe() + " -> " + actions.describe());
        }
        SequenceTrainer.Split split = SequenceTrainer.splitByEpisode(data, settings.validationFraction(), Seeds.derive(seed, "split"));
        StepEncoding encoding = StepEncoding.fit(observations, actions, data, split.train());
        SequenceData samples = new SequenceData(data, encoding, settings.window());
        int in = encoding.stepInputs();
        SequenceModel state = models.create(in, settings.window(), encoding.features(), Seeds.derive(seed, "state-model"));
        SequenceModel reward = models.create(in, settings.window(), encoding.rewardOutputs(), Seeds.derive(seed, "reward-model"));
        SequenceTrainer.trainBoth(state, reward, samples, split, settings.epochs(), settings.patience(), Seeds.derive(seed, "train"), listener,
                "twin");
        int length = settings.episodeLength() > 0 ? settings.episodeLength() : medianEpisodeLength(data);
        listener.onMetric(0, "twin_transitions", data.size());
        listener.onMetric(0, "twin_episode_length", length);
        return new SequenceTwin(id, encoding, features, state, reward, samples, settings, length, seed);
    }

    /** @return the median length of the data's episodes (at least 1) */
    public static int medianEpisodeLength(TransitionDataset data) {
        List<Integer> lengths = new ArrayList<>();
        int run = 0;
        for (int i = 0; i < data.size(); i++) {
            run = i > 0 && data.episode(i) == data.episode(i - 1) ? run + 1 : 1;
            if (i == data.size() - 1 || data.episode(i + 1) != data.episode(i)) {
                lengths.add(run);
            }
        }
        if (lengths.isEmpty()) {
            return 1;
        }
        lengths.sort(null);
        return Math.max(1, lengths.get(lengths.size() / 2));
    }

    /** @return the observation box (given to the base class once, typed here) */
    @Override
    public Box observationSpace() {
        return (Box) super.observationSpace();
    }

    /** @return the episode truncation length */
    public int episodeLength() {
        return episodeLength;
    }

    /** @return the normalisation and step layout */
    public StepEncoding encoding() {
        return encoding;
    }

    /** @return the transitions the twin was trained (and calibrated) on */
    public TransitionDataset trainingData() {
        return data.source();
    }

    @Override
    protected void resetEpisode(RandomGenerator random, Step<double[]> out) {
        int i = random.nextInt(data.size());
        data.window(i, window, 0); // slot w−1 holds (s_i, a_i); step() overwrites it with the agent's action
        data.source().observation(i, state, 0);
        System.arraycopy(state, 0, observation, 0, state.length);
        t = 0;
        out.set(observation, 0, false, false);
    }

    @Override
    protected void advance(Object action, Step<double[]> out) {
        encoding.actionSpace().flatten(action, actionFlat, 0);
        int last = (w - 1) * in;
        encoding.encodeStep(state, 0, actionFlat, window, last);
        double[] delta = stateModel.predict(window, 0);
        encoding.decodeNext(state, 0, delta, 0, observation, 0);
        double[] r = rewardModel.predict(window, 0);
        double reward = encoding.decodeReward(r[0]);
        boolean terminated = encoding.predictsTermination() && r[1] > 0.5;
        System.arraycopy(window, in, window, 0, last); // slide: the oldest step leaves
        System.arraycopy(observation, 0, state, 0, state.length);
        t++;
        out.set(observation, reward, terminated, !terminated && t >= episodeLength);
    }

    /**
     * {@link StateSync}: the window holds the last {@code W − 1} real (state, action) pairs before
     * the current state, zero-padded (marker 0) when the history is shorter, exactly as the windows
     * the models were trained on at an episode's start; the episode clock restarts at 0.
     */
    @Override
    public void sync(double[][] observations, Object[] actions, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("sync needs at least the current observation, got " + count + " rows");
        }
        java.util.Arrays.fill(window, 0, (w - 1) * in, 0.0);
        int past = Math.min(count - 1, w - 1);
        for (int k = 0; k < past; k++) {
            int row = count - 1 - past + k;
            encoding.actionSpace().flatten(actions[row], actionFlat, 0);
            encoding.encodeStep(observations[row], 0, actionFlat, window, (w - 1 - past + k) * in);
        }
        System.arraycopy(observations[count - 1], 0, state, 0, state.length);
        System.arraycopy(state, 0, observation, 0, state.length);
        t = 0;
        // the twin's steps draw nothing at random: keep the stream, and accept steps from here on
        restored(random() == null ? seed : randomState(), false);
    }

    /**
     * Fine-tunes both models on the old and the fresh transitions together (so the twin does not
     * forget what it knew) for {@code calibrationEpochs}, with the same episode split and early
     * stopping; the normalisation stays as fitted at build time. Later resets also draw from the
     * fresh data. Metrics {@code twin_calibration_*}.
     */
    @Override
    public void calibrate(TransitionDataset fresh, TrainingListener listener) {
        TransitionDataset combined = data.source().slice(0, data.source().size());
        combined.addAll(fresh);
        SequenceData samples = new SequenceData(combined, encoding, w);
        calibrations++;
        long s = Seeds.derive(Seeds.derive(seed, "calibration"), calibrations);
        SequenceTrainer.Split split = SequenceTrainer.splitByEpisode(combined, settings.validationFraction(), Seeds.derive(s, "split"));
        SequenceTrainer.trainBoth(stateModel, rewardModel, samples, split, settings.calibrationEpochs(), settings.patience(), s, listener,
                "twin_calibration");
        data = samples;
        listener.onMetric(0, "twin_calibration_transitions", fresh.size());
    }

    /**
     * One-step RMSE per state feature (original units) of {@code s_t + Δ̂} fed the real window;
     * reward RMSE; and for {@code h = 1..horizon} the RMSE over all features of open-loop
     * rollouts from (up to 256, evenly spaced) real starting points with their real history,
     * fed the real actions, while the episode lasts.
     */
    @Override
    public TwinAccuracy evaluate(TransitionDataset heldOut, int horizon) {
        SequenceData held = new SequenceData(heldOut, encoding, w);
        int n = held.size();
        int d = encoding.features();
        int ro = encoding.rewardOutputs();
        int batch = Math.min(stateModel.maxBatch(), rewardModel.maxBatch());
        int ws = held.windowSize();
        double[] windows = new double[batch * ws];
        double[] deltas = new double[batch * d];
        double[] rewards = new double[batch * ro];
        double[] s = new double[d];
        double[] next = new double[d];
        double[] squared = new double[d];
        double rewardSquared = 0;
        for (int from = 0; from < n; from += batch) {
            int b = Math.min(batch, n - from);
            for (int k = 0; k < b; k++) {
                held.window(from + k, windows, k * ws);
            }
            stateModel.predictBatch(windows, b, deltas);
            rewardModel.predictBatch(windows, b, rewards);
            for (int k = 0; k < b; k++) {
                int i = from + k;
                heldOut.observation(i, s, 0);
                encoding.decodeNext(s, 0, deltas, k * d, next, 0);
                for (int f = 0; f < d; f++) {
                    double e = next[f] - heldOut.nextObservation(i, f);
                    squared[f] += e * e;
                }
                double er = encoding.decodeReward(rewards[k * ro]) - heldOut.reward(i);
                rewardSquared += er * er;
            }
        }
        double[] oneStep = new double[d];
        for (int f = 0; f < d; f++) {
            oneStep[f] = n == 0 ? 0 : Math.sqrt(squared[f] / n);
        }
        double[] rollout = new double[Math.max(0, horizon)];
        if (n > 0 && horizon > 0) {
            int stride = Math.max(1, (n + MAX_ROLLOUT_STARTS - 1) / MAX_ROLLOUT_STARTS);
            int count = (n + stride - 1) / stride;
            int[] starts = new int[count];
            for (int k = 0; k < count; k++) {
                starts[k] = k * stride;
            }
            double[][] predicted = rollout(held, starts, horizon);
            long[] seen = new long[horizon];
            for (int k = 0; k < count; k++) {
                for (int h = 0; h < horizon && !Double.isNaN(predicted[k][h * d]); h++) {
                    double sum = 0;
                    for (int f = 0; f < d; f++) {
                        double e = predicted[k][h * d + f] - heldOut.nextObservation(starts[k] + h, f);
                        sum += e * e;
                    }
                    rollout[h] += sum;
                    seen[h]++;
                }
            }
            for (int h = 0; h < horizon; h++) {
                rollout[h] = seen[h] == 0 ? Double.NaN : Math.sqrt(rollout[h] / (seen[h] * (double) d));
            }
        } else {
            java.util.Arrays.fill(rollout, Double.NaN);
        }
        return new TwinAccuracy(observationFeatures(), oneStep, rollout, n == 0 ? 0 : Math.sqrt(rewardSquared / n), n);
    }

    /**
     * Open-loop predictions from real starting points: for start {@code i = starts[k]}, the twin
     * begins at {@code s_i} with its real history and is fed the real actions {@code a_{i+h}};
     * {@code result[k][h·d + f]} is its state feature {@code f} after {@code h + 1} steps, to be
     * compared with the real {@code s'_{i+h}}, or NaN once the real episode has ended.
     */
    double[][] rollout(SequenceData held, int[] starts, int horizon) {
        TransitionDataset real = held.source();
        int d = encoding.features();
        int ws = held.windowSize();
        int count = starts.length;
        int batch = stateModel.maxBatch();
        double[][] out = new double[count][horizon * d];
        double[][] windows = new double[count][ws];
        double[][] states = new double[count][d];
        for (int k = 0; k < count; k++) {
            java.util.Arrays.fill(out[k], Double.NaN);
            held.window(starts[k], windows[k], 0);
            real.observation(starts[k], states[k], 0);
        }
        double[] encodedAction = new double[real.actionSize()];
        double[] flat = new double[encoding.actionSpace().flatSize()];
        double[] batchWindows = new double[batch * ws];
        double[] deltas = new double[batch * d];
        int[] active = new int[batch];
        int last = (w - 1) * in;
        for (int h = 0; h < horizon; h++) {
            int k = 0;
            while (k < count) {
                int b = 0;
                for (; k < count && b < batch; k++) {
                    int i = starts[k] + h;
                    if (i >= held.size() || !held.sameEpisode(i, starts[k]) || (h > 0 && Double.isNaN(out[k][(h - 1) * d]))) {
                        continue;
                    }
                    StepEncoding.flatAction(encoding.actionSpace(), real, i, encodedAction, flat);
                    encoding.encodeStep(states[k], 0, flat, windows[k], last);
                    System.arraycopy(windows[k], 0, batchWindows, b * ws, ws);
                    active[b++] = k;
                }
                if (b == 0) {
                    continue;
                }
                stateModel.predictBatch(batchWindows, b, deltas);
                for (int j = 0; j < b; j++) {
                    int a = active[j];
                    encoding.decodeNext(states[a], 0, deltas, j * d, out[a], h * d);
                    System.arraycopy(out[a], h * d, states[a], 0, d);
                    System.arraycopy(windows[a], in, windows[a], 0, last);
                }
            }
        }
        return out;
    }

    /**
     * Twin and real trajectories from the same real start {@code start} of {@code real}, fed the
     * same (real) actions, for at most {@code steps} steps (fewer if the real episode ends).
     */
    public TwinTrajectory compare(TransitionDataset real, int start, int steps) {
        SequenceData held = new SequenceData(real, encoding, w);
        if (start < 0 || start >= held.size()) {
            throw new IndexOutOfBoundsException("start " + start + " of " + held.size() + " transitions");
        }
        double[] predicted = rollout(held, new int[] {start}, steps)[0];
        int d = encoding.features();
        int length = 0;
        while (length < steps && !Double.isNaN(predicted[length * d])) {
            length++;
        }
        double[][] twin = new double[length + 1][d];
        double[][] actual = new double[length + 1][d];
        real.observation(start, twin[0], 0);
        real.observation(start, actual[0], 0);
        for (int h = 0; h < length; h++) {
            System.arraycopy(predicted, h * d, twin[h + 1], 0, d);
            real.nextObservation(start + h, actual[h + 1], 0);
        }
        return new TwinTrajectory(actual, twin);
    }

    @Override
    public double[][] predictOpenLoop(TransitionDataset real, int start, int steps) {
        return compare(real, start, steps).twin();
    }

    @Override
    public String toString() {
        return id + " (window " + w + ", episode length " + episodeLength + ", " + data.size() + " transitions)";
    }
}
