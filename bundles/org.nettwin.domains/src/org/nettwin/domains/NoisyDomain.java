package org.nettwin.domains;

import java.util.random.RandomGenerator;

import org.nettwin.api.Seeds;
import org.nettwin.api.env.Step;
import org.nettwin.api.space.Box;

/**
 * An imperfect twin: another domain whose observations and rewards reach the agent with unbiased
 * Gaussian errors (sensor and transmission noise, paper 001 §V-A). Observation coordinate {@code f}
 * gets {@code N(0, (observationNoise · (high_f − low_f))²)} (absolute {@code observationNoise} for an
 * unbounded coordinate), clipped to the box; the reward gets {@code N(0, rewardNoise²)}. The
 * domain's own state is not disturbed, only what it reports.
 */
public final class NoisyDomain implements Domain {

    private final Domain inner;
    private final Box space;
    private final double observationNoise;
    private final double rewardNoise;
    private final RandomGenerator random;
    private final double[] noisy;
    private final Step<double[]> out = new Step<>(0);

    /** @param seed seeds the noise */
    public NoisyDomain(Domain inner, Box space, double observationNoise, double rewardNoise, long seed) {
        if (!(observationNoise >= 0) || !(rewardNoise >= 0)) {
            throw new IllegalArgumentException("noise levels must be at least 0, got " + observationNoise + " and " + rewardNoise);
        }
        this.inner = inner;
        this.space = space;
        this.observationNoise = observationNoise;
        this.rewardNoise = rewardNoise;
        this.random = Seeds.generator(Seeds.derive(seed, "domain-noise"));
        this.noisy = new double[space.dimension()];
    }

    @Override
    public void sync(Physical physical) {
        inner.sync(physical);
    }

    @Override
    public Step<double[]> step(int[] action) {
        Step<double[]> s = inner.step(action);
        double[] o = s.observation();
        for (int f = 0; f < noisy.length; f++) {
            double range = space.high(f) - space.low(f);
            double scale = Double.isFinite(range) ? observationNoise * range : observationNoise;
            noisy[f] = o[f] + scale * random.nextGaussian();
        }
        space.clip(noisy);
        return out.set(noisy, s.reward() + rewardNoise * random.nextGaussian(), s.terminated(), s.truncated());
    }

    @Override
    public String describe() {
        return inner.describe() + " + noise (observation " + observationNoise + ", reward " + rewardNoise + ")";
    }

    @Override
    public void close() {
        inner.close();
    }
}
