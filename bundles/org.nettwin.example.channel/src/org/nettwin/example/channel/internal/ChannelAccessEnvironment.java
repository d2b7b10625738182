package org.nettwin.example.channel.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import org.nettwin.api.env.BaseEnvironment;
import org.nettwin.api.env.Step;
import org.nettwin.api.space.Box;
import org.nettwin.api.space.Discrete;

/**
 * Dynamic multichannel access: each of {@code n} channels is a two-state Gilbert-Elliott Markov
 * chain (good/bad). Every slot the user senses and transmits on one channel; the packet gets
 * through (reward 1) if that channel is good, else it is lost (reward 0). Only the chosen
 * channel's state is observed, so the observation holds, per channel, the last state seen
 * (1 good, 0 bad, 0.5 never seen) and the slots since it was seen, divided by
 * {@code ageHorizon} (at most 1). The chains never stop: episodes end only when the scenario's
 * time limit truncates them.
 */
final class ChannelAccessEnvironment extends BaseEnvironment<double[], Integer> {

    private final int channels;
    private final int ageHorizon;
    private final double[] goodToBad;
    private final double[] badToGood;
    private final boolean[] good;
    private final double[] observation;

    ChannelAccessEnvironment(int ageHorizon, double[] goodToBad, double[] badToGood) {
        super(ChannelAccessProvider.ID, new Box(2 * goodToBad.length, 0.0, 1.0), new Discrete(goodToBad.length), List.of("good_channels"),
                features(goodToBad.length));
        this.channels = goodToBad.length;
        this.ageHorizon = ageHorizon;
        this.goodToBad = goodToBad.clone();
        this.badToGood = badToGood.clone();
        this.good = new boolean[channels];
        this.observation = new double[2 * channels];
    }

    /** @return {@code last_seen_i} per channel, then {@code age_i} per channel, channels numbered from 1 */
    private static List<String> features(int channels) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= channels; i++) {
            names.add("last_seen_" + i);
        }
        for (int i = 1; i <= channels; i++) {
            names.add("age_" + i);
        }
        return names;
    }

    /** @return the stationary probability that channel {@code i} is good */
    double stationaryGood(int i) {
        return badToGood[i] / (goodToBad[i] + badToGood[i]);
    }

    @Override
    protected void resetEpisode(RandomGenerator random, Step<double[]> out) {
        for (int i = 0; i < channels; i++) {
            good[i] = random.nextDouble() < stationaryGood(i);
            observation[i] = 0.5;
            observation[channels + i] = 1.0;
        }
        out.set(observation, 0, false, false);
        out.info()[0] = countGood();
    }

    @Override
    protected void advance(Integer action, Step<double[]> out) {
        RandomGenerator random = random();
        for (int i = 0; i < channels; i++) {
            double flip = good[i] ? goodToBad[i] : badToGood[i];
            if (random.nextDouble() < flip) {
                good[i] = !good[i];
            }
        }
        int chosen = action;
        for (int i = 0; i < channels; i++) {
            observation[channels + i] = Math.min(1.0, observation[channels + i] + 1.0 / ageHorizon);
        }
        observation[chosen] = good[chosen] ? 1.0 : 0.0;
        observation[channels + chosen] = 0.0;
        out.set(observation, good[chosen] ? 1.0 : 0.0, false, false);
        out.info()[0] = countGood();
    }

    private int countGood() {
        int c = 0;
        for (boolean g : good) {
            c += g ? 1 : 0;
        }
        return c;
    }
}
