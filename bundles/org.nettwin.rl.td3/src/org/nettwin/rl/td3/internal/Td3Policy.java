package org.nettwin.rl.td3.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.random.RandomGenerator;

import org.nettwin.api.io.BinaryFormats;
import org.nettwin.api.rl.BasePolicy;
import org.nettwin.api.rl.PolicyHeader;
import org.nettwin.api.space.Space;
import org.nettwin.nn.Mlp;
import org.nettwin.nn.NetworkFormat;

/**
 * TD3's deterministic actor {@code π(s)}, mapped to the environment's action by its
 * {@link ActionHead}; {@link #sample} adds the Gaussian exploration noise in normalised units. A
 * live view of the actor network of the algorithm that created it.
 */
final class Td3Policy extends BasePolicy<Object, Object> {

    final ActionHead head;
    final ObservationScaling scaling;
    final boolean normalise;
    final Mlp actor;
    final double explorationNoise;
    private final double[] input;
    private final double[] normalised;
    private final double[] scratch;

    @SuppressWarnings("unchecked")
    Td3Policy(Space<?> observations, Space<?> actions, boolean normalise, Mlp actor, double explorationNoise) {
        super((Space<Object>) observations, (Space<Object>) actions);
        this.head = ActionHead.of(actions);
        this.normalise = normalise;
        this.scaling = new ObservationScaling(observations, normalise);
        this.actor = actor;
        this.explorationNoise = explorationNoise;
        this.input = new double[scaling.size()];
        this.normalised = new double[head.size];
        this.scratch = new double[head.size];
    }

    /** Writes {@code π(observation)} in normalised units into {@code out}, allocation-free. */
    void actNormalised(Object observation, double[] out) {
        scaling.encode(observation, input, 0);
        System.arraycopy(actor.predict(input), 0, out, 0, head.size);
    }

    /** Writes {@code π(observation)} plus clipped-into-the-set exploration noise into {@code out}. */
    void exploreNormalised(Object observation, RandomGenerator random, double[] out) {
        actNormalised(observation, out);
        head.addNoise(out, 0, explorationNoise, 0.0, random, scratch);
    }

    @Override
    public Object act(Object observation) {
        actNormalised(observation, normalised);
        double[] a = new double[head.size];
        head.toEnvironment(normalised, 0, a);
        return a;
    }

    @Override
    public Object sample(Object observation, RandomGenerator random) {
        exploreNormalised(observation, random, normalised);
        double[] a = new double[head.size];
        head.toEnvironment(normalised, 0, a);
        return a;
    }

    @Override
    public long parameterCount() {
        return actor.parameterCount();
    }

    /**
     * Format ({@link BinaryFormats#TD3_POLICY}): {@code int} magic "NTT3", {@code int} version 1, UTF observation and action space
     * descriptions, {@code boolean} observation normalisation, {@code double} exploration noise,
     * then the actor in {@link NetworkFormat} (checksummed).
     */
    @Override
    public void save(OutputStream out) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        PolicyHeader.write(d, BinaryFormats.TD3_POLICY, observationSpace(), actionSpace());
        d.writeBoolean(normalise);
        d.writeDouble(explorationNoise);
        d.flush();
        NetworkFormat.write(actor, out);
        out.flush();
    }

    static Td3Policy load(Space<?> observations, Space<?> actions, InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        boolean normalise;
        double noise;
        try {
            PolicyHeader.read(d, BinaryFormats.TD3_POLICY).check(observations, actions);
            normalise = d.readBoolean();
            noise = d.readDouble();
        } catch (EOFException e) {
            throw new IOException("rl/td3 policy file is truncated", e);
        }
        Mlp actor = NetworkFormat.read(in).network(Mlp.class);
        ActionHead head = ActionHead.of(actions);
        if (actor.inputSize() != observations.flatSize() || actor.outputSize() != head.size) {
            throw new IOException("the saved actor maps " + actor.inputSize() + " -> " + actor.outputSize() + ", the spaces need "
                    + observations.flatSize() + " -> " + head.size);
        }
        if (actor.softmaxHead() != (head instanceof ActionHead.SimplexHead)) {
            throw new IOException("the saved actor " + (actor.softmaxHead() ? "has" : "has no") + " softmax head, "
                    + actions.describe() + " needs " + (actor.softmaxHead() ? "none" : "one"));
        }
        return new Td3Policy(observations, actions, normalise, actor, noise);
    }
}
