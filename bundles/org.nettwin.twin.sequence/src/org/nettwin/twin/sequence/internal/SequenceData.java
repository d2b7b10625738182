package org.nettwin.twin.sequence.internal;

import java.util.Arrays;

import org.nettwin.api.data.TransitionDataset;

/**
 * The supervised samples of a dataset: one per transition {@code i}, whose input is the window of
 * the last {@code window} steps of its episode ending at {@code (s_i, a_i)} (zero-padded before
 * the episode's first transition) and whose targets are {@code s'_i − s_i} and {@code r_i} (see
 * {@link StepEncoding}). Step vectors are stored once per transition and windows are assembled
 * on demand, so memory is {@code O(transitions)}, not {@code O(transitions × window)}.
 */
public final class SequenceData {

    private final TransitionDataset source;
    private final StepEncoding encoding;
    private final int window;
    private final int n;
    private final int in;
    private final double[] steps;
    private final int[] episodeStart;
    private final double[] stateTargets;
    private final double[] rewardTargets;

    /** Encodes every transition of {@code data}. */
    public SequenceData(TransitionDataset data, StepEncoding encoding, int window) {
        this.source = data;
        this.encoding = encoding;
        this.window = window;
        this.n = data.size();
        this.in = encoding.stepInputs();
        int d = encoding.features();
        int ro = encoding.rewardOutputs();
        steps = new double[n * in];
        episodeStart = new int[n];
        stateTargets = new double[n * d];
        rewardTargets = new double[n * ro];
        double[] s = new double[d];
        double[] next = new double[d];
        double[] encodedAction = new double[data.actionSize()];
        double[] flat = new double[encoding.actionSpace().flatSize()];
        for (int i = 0; i < n; i++) {
            episodeStart[i] = i > 0 && data.episode(i) == data.episode(i - 1) ? episodeStart[i - 1] : i;
            data.observation(i, s, 0);
            data.nextObservation(i, next, 0);
            StepEncoding.flatAction(encoding.actionSpace(), data, i, encodedAction, flat);
            encoding.encodeStep(s, 0, flat, steps, i * in);
            encoding.encodeDelta(s, next, stateTargets, i * d);
            rewardTargets[i * ro] = encoding.encodeReward(data.reward(i));
            if (ro > 1) {
                rewardTargets[i * ro + 1] = data.terminated(i) ? 1.0 : 0.0;
            }
        }
    }

    /** @return number of samples (= transitions) */
    public int size() {
        return n;
    }

    /** @return the dataset the samples come from */
    public TransitionDataset source() {
        return source;
    }

    /** @return state features (targets of the state model) */
    public int features() {
        return encoding.features();
    }

    /** @return targets of the reward model */
    public int rewardWidth() {
        return encoding.rewardOutputs();
    }

    /** @return the window length */
    public int window() {
        return window;
    }

    /** @return values per window (window × step inputs) */
    public int windowSize() {
        return window * in;
    }

    /** @return the index of the first transition of sample {@code i}'s episode */
    public int episodeStart(int i) {
        return episodeStart[i];
    }

    /** @return whether transitions {@code i} and {@code j} belong to the same episode */
    public boolean sameEpisode(int i, int j) {
        return episodeStart[i] == episodeStart[j];
    }

    /** Writes sample {@code i}'s window into {@code out} at {@code offset}. */
    public void window(int i, double[] out, int offset) {
        int first = i - window + 1;
        for (int t = 0; t < window; t++) {
            int j = first + t;
            int o = offset + t * in;
            if (j < episodeStart[i]) {
                Arrays.fill(out, o, o + in, 0.0);
            } else {
                System.arraycopy(steps, j * in, out, o, in);
            }
        }
    }

    /** Writes the {@code width} targets of sample {@code i} of the state ({@code reward=false}) or reward model. */
    void targets(int i, boolean reward, double[] out, int offset) {
        int width = reward ? encoding.rewardOutputs() : encoding.features();
        System.arraycopy(reward ? rewardTargets : stateTargets, i * width, out, offset, width);
    }
}
