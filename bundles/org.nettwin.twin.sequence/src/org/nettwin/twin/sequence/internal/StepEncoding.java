package org.nettwin.twin.sequence.internal;

import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.space.Box;
import org.nettwin.api.space.Space;

/**
 * How a (state, action) pair becomes one window step and how model outputs become states and
 * rewards: z-scores {@code (x − μ)/σ} fitted on the training transitions only.
 *
 * <p>Step vector ({@link #stepInputs()} values): the z-scored observation ({@code d}), the
 * z-scored flattened action (one-hot for discrete parts, so a discrete action is a z-scored
 * one-hot vector), and a 1 marking a real step; padding steps before an episode's start are all
 * zeros (the marker tells the model they are padding).
 *
 * <p>Targets: the state model predicts the z-scored change {@code Δ = s' − s} (deltas are small
 * and centred, so "no change" is the easy default the model improves on); the reward model
 * predicts the z-scored reward and, when the data has terminations, the terminal indicator
 * (0/1, least squares; the twin terminates when its prediction exceeds ½).
 */
public final class StepEncoding {

    private static final double MIN_STD = 1e-8;

    private final Box observations;
    private final Space<Object> actions;
    private final int d;
    private final int af;
    private final boolean terminations;
    private final double[] obsMean;
    private final double[] obsStd;
    private final double[] actMean;
    private final double[] actStd;
    private final double[] deltaMean;
    private final double[] deltaStd;
    private final double rewardMean;
    private final double rewardStd;

    private StepEncoding(Box observations, Space<Object> actions, boolean terminations, double[][] stats, double rewardMean,
            double rewardStd) {
        this.observations = observations;
        this.actions = actions;
        this.d = observations.dimension();
        this.af = actions.flatSize();
        this.terminations = terminations;
        this.obsMean = stats[0];
        this.obsStd = stats[1];
        this.actMean = stats[2];
        this.actStd = stats[3];
        this.deltaMean = stats[4];
        this.deltaStd = stats[5];
        this.rewardMean = rewardMean;
        this.rewardStd = rewardStd;
    }

    /**
     * Fits the statistics on the transitions {@code rows} of {@code data}.
     *
     * @throws IllegalArgumentException if the dataset's sizes do not match the spaces, or {@code rows} is empty
     */
    public static StepEncoding fit(Box observations, Space<Object> actions, TransitionDataset data, int[] rows) {
        if (data.observationSize() != observations.encodedSize() || data.actionSize() != actions.encodedSize()) {
            throw new IllegalArgumentException("the dataset's sizes " + data.observationSize() + "/" + data.actionSize()
                    + " do not match the spaces " + observations.describe() + " -> " + actions.describe());
        }
        if (rows.length == 0) {
            throw new IllegalArgumentException("no training transitions to fit the normalisation on");
        }
        int d = observations.dimension();
        int af = actions.flatSize();
        double[][] sums = {new double[d], new double[d], new double[af], new double[af], new double[d], new double[d]};
        double[] encodedAction = new double[data.actionSize()];
        double[] flat = new double[af];
        double rs = 0;
        double rss = 0;
        boolean terminations = false;
        for (int i : rows) {
            for (int k = 0; k < d; k++) {
                double o = data.observation(i, k);
                double delta = data.nextObservation(i, k) - o;
                sums[0][k] += o;
                sums[1][k] += o * o;
                sums[4][k] += delta;
                sums[5][k] += delta * delta;
            }
            flatAction(actions, data, i, encodedAction, flat);
            for (int k = 0; k < af; k++) {
                sums[2][k] += flat[k];
                sums[3][k] += flat[k] * flat[k];
            }
            rs += data.reward(i);
            rss += data.reward(i) * data.reward(i);
            terminations |= data.terminated(i);
        }
        int n = rows.length;
        for (int m = 0; m < 6; m += 2) {
            for (int k = 0; k < sums[m].length; k++) {
                double mean = sums[m][k] / n;
                sums[m][k] = mean;
                sums[m + 1][k] = std(sums[m + 1][k] / n - mean * mean);
            }
        }
        double rm = rs / n;
        return new StepEncoding(observations, actions, terminations, sums, rm, std(rss / n - rm * rm));
    }

    private static double std(double variance) {
        double s = Math.sqrt(Math.max(0, variance));
        return s < MIN_STD ? 1.0 : s; // a constant feature is centred but not blown up
    }

    /** Writes transition {@code i}'s flattened action into {@code flat} ({@code encoded} is scratch). */
    public static void flatAction(Space<Object> actions, TransitionDataset data, int i, double[] encoded, double[] flat) {
        data.action(i, encoded, 0);
        actions.flatten(actions.decode(encoded, 0), flat, 0);
    }

    /** @return values per window step */
    public int stepInputs() {
        return d + af + 1;
    }

    /** @return state features (the observation dimension) */
    public int features() {
        return d;
    }

    /** @return outputs of the reward model: the reward, and the terminal indicator if the data has terminations */
    public int rewardOutputs() {
        return terminations ? 2 : 1;
    }

    /** @return whether the training data had terminations (so the twin predicts them) */
    public boolean predictsTermination() {
        return terminations;
    }

    /** @return the observation space */
    public Box observationSpace() {
        return observations;
    }

    /** @return the action space */
    public Space<Object> actionSpace() {
        return actions;
    }

    /** Writes the step vector of raw {@code state} and flattened {@code actionFlat} into {@code out} at {@code offset}. */
    public void encodeStep(double[] state, int stateOffset, double[] actionFlat, double[] out, int offset) {
        for (int k = 0; k < d; k++) {
            out[offset + k] = (state[stateOffset + k] - obsMean[k]) / obsStd[k];
        }
        for (int k = 0; k < af; k++) {
            out[offset + d + k] = (actionFlat[k] - actMean[k]) / actStd[k];
        }
        out[offset + d + af] = 1.0;
    }

    /** Writes the state model's target for a transition (z-scored Δ) into {@code out} at {@code offset}. */
    void encodeDelta(double[] state, double[] next, double[] out, int offset) {
        for (int k = 0; k < d; k++) {
            out[offset + k] = (next[k] - state[k] - deltaMean[k]) / deltaStd[k];
        }
    }

    /** {@code next = state + Δ} from the state model's output at {@code offset}, clipped to the observation space. */
    public void decodeNext(double[] state, int stateOffset, double[] output, int offset, double[] next, int nextOffset) {
        for (int k = 0; k < d; k++) {
            double v = state[stateOffset + k] + deltaMean[k] + deltaStd[k] * output[offset + k];
            next[nextOffset + k] = Math.min(observations.high(k), Math.max(observations.low(k), v));
        }
    }

    /** @return the z-scored reward target */
    double encodeReward(double reward) {
        return (reward - rewardMean) / rewardStd;
    }

    /** @return the reward in original units from the reward model's first output */
    public double decodeReward(double output) {
        return rewardMean + rewardStd * output;
    }
}
