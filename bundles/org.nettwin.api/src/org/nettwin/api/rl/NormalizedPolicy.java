package org.nettwin.api.rl;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.random.RandomGenerator;

import org.nettwin.api.env.ObservationStatistics;
import org.nettwin.api.io.BinaryFormats;
import org.nettwin.api.space.Box;
import org.nettwin.api.space.Space;

/**
 * A policy trained on normalised observations ({@link org.nettwin.api.env.NormalizeObservation})
 * that reads raw observations: each is normalised with frozen statistics before the trained
 * policy acts. Saved with its statistics: the {@link BinaryFormats#NORMALIZED_POLICY} head (raw
 * spaces), the statistics, then the trained policy in its own algorithm's format, so it acts the
 * same after loading, wherever it is deployed.
 *
 * @param <A> action type
 * @since 0.1
 */
public final class NormalizedPolicy<A> extends BasePolicy<double[], A> {

    private final Policy<double[], A> trained;
    private final ObservationStatistics statistics;
    private final double[] normalised;

    /**
     * @param raw        the raw observation space
     * @param trained    the policy that reads normalised observations
     * @param statistics the statistics it was trained with (kept as they are: pass a copy)
     */
    public NormalizedPolicy(Box raw, Policy<double[], A> trained, ObservationStatistics statistics) {
        super(raw, trained.actionSpace());
        this.trained = trained;
        this.statistics = statistics;
        this.normalised = new double[raw.flatSize()];
    }

    /** @return the policy that reads normalised observations */
    public Policy<double[], A> trained() {
        return trained;
    }

    @Override
    public A act(double[] observation) {
        statistics.normalize(observation, normalised);
        return trained.act(normalised);
    }

    @Override
    public A sample(double[] observation, RandomGenerator random) {
        statistics.normalize(observation, normalised);
        return trained.sample(normalised, random);
    }

    @Override
    public long parameterCount() {
        return trained.parameterCount();
    }

    @Override
    public void save(OutputStream out) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        PolicyHeader.write(d, BinaryFormats.NORMALIZED_POLICY, observationSpace(), actionSpace());
        statistics.write(d);
        d.flush();
        trained.save(out);
    }

    /**
     * Reads a policy {@link #save} wrote; the trained policy is read by {@code algorithm}.
     *
     * @param spec the raw spaces it must act in (single agent, Box observations)
     * @throws IOException for another kind of file, other spaces, corrupt statistics, or the trained
     *                     policy's own errors
     */
    public static Policy<?, ?> load(EnvironmentSpec spec, InputStream in, AlgorithmProvider algorithm) throws IOException {
        if (!(spec.observationSpace() instanceof Box raw)) {
            throw new IOException("an observation-normalising policy needs Box observations, not " + spec.observationSpace().describe());
        }
        DataInputStream d = new DataInputStream(in);
        PolicyHeader.read(d, BinaryFormats.NORMALIZED_POLICY).check(spec.observationSpace(), spec.actionSpace());
        ObservationStatistics statistics = ObservationStatistics.read(d);
        if (statistics.count() == 0 || statistics.clip() <= 0) {
            throw new IOException("an observation-normalising policy without statistics");
        }
        Box normalisedSpace = new Box(raw.flatSize(), -statistics.clip(), statistics.clip());
        EnvironmentSpec normalised = new EnvironmentSpec(List.of("agent"), List.of(normalisedSpace), List.of(spec.actionSpace()), false);
        return wrap(raw, algorithm.loadPolicy(normalised, in), statistics);
    }

    @SuppressWarnings("unchecked")
    private static <A> NormalizedPolicy<A> wrap(Box raw, Policy<?, ?> trained, ObservationStatistics statistics) {
        Space<?> obs = trained.observationSpace();
        if (obs.valueType() != double[].class) {
            throw new IllegalStateException("the trained policy reads " + obs.describe() + ", not normalised Box observations");
        }
        return new NormalizedPolicy<>(raw, (Policy<double[], A>) trained, statistics);
    }
}
