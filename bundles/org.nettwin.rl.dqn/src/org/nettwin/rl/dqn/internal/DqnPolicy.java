package org.nettwin.rl.dqn.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.random.RandomGenerator;

import org.nettwin.api.io.BinaryFormats;
import org.nettwin.api.rl.BasePolicy;
import org.nettwin.api.rl.PolicyHeader;
import org.nettwin.api.space.Space;
import org.nettwin.api.space.TableIndex;
import org.nettwin.nn.Mlp;
import org.nettwin.nn.NetworkFormat;
import org.nettwin.nn.Standardizer;

/**
 * Acts greedily on the online Q network (epsilon-greedy when sampled). A live view of the
 * network it was created with. Observations are flattened (one-hot for discrete parts) into a
 * reused buffer, so acting allocates only what the action space's decoding does.
 */
final class DqnPolicy extends BasePolicy<Object, Object> {

    private final TableIndex actionIndex;
    private final Object[] actionValues;
    final Mlp q;
    /** Input standardisation, fitted when learning starts (identity until then). */
    final Standardizer inputs;
    private final double[] input;
    double epsilon;

    DqnPolicy(Space<Object> observations, Space<Object> actions, TableIndex actionIndex, Mlp q, Standardizer inputs) {
        super(observations, actions);
        this.inputs = inputs;
        this.actionIndex = actionIndex;
        this.q = q;
        this.input = new double[observations.flatSize()];
        this.actionValues = new Object[actionIndex.size()];
        for (int a = 0; a < actionValues.length; a++) {
            actionValues[a] = actionIndex.value(a); // decoded once: acting returns shared immutable-by-contract values
        }
    }

    int greedy(Object observation) {
        observationSpace().flatten(observation, input, 0);
        inputs.apply(input, 0, 1);
        double[] values = q.predict(input);
        int best = 0;
        for (int a = 1; a < actionValues.length; a++) {
            if (values[a] > values[best]) {
                best = a;
            }
        }
        return best;
    }

    int explore(Object observation, RandomGenerator random) {
        return random.nextDouble() < epsilon ? random.nextInt(actionValues.length) : greedy(observation);
    }

    Object action(int index) {
        return actionValues[index];
    }

    int actionIndex(Object action) {
        return actionIndex.index(action);
    }

    @Override
    public Object act(Object observation) {
        return actionSpace().copy(action(greedy(observation)));
    }

    @Override
    public Object sample(Object observation, RandomGenerator random) {
        return actionSpace().copy(action(explore(observation, random)));
    }

    @Override
    public long parameterCount() {
        return q.parameterCount();
    }

    /**
     * Format ({@link BinaryFormats#DQN_POLICY}): int magic "NTDN", int version 2, UTF observation and action spaces, the input
     * {@link Standardizer}, then the network in {@link NetworkFormat}.
     */
    @Override
    public void save(OutputStream out) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        PolicyHeader.write(d, BinaryFormats.DQN_POLICY, observationSpace(), actionSpace());
        inputs.write(d);
        d.flush();
        NetworkFormat.write(q, out);
        out.flush();
    }

    static DqnPolicy load(Space<Object> observations, Space<Object> actions, InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        Standardizer standardizer;
        try {
            PolicyHeader.read(d, BinaryFormats.DQN_POLICY).check(observations, actions);
            standardizer = Standardizer.read(d, observations.flatSize());
        } catch (java.io.EOFException e) {
            throw new IOException("rl/dqn policy file is truncated", e);
        }
        Mlp q = NetworkFormat.read(in).network(Mlp.class);
        TableIndex index = TableIndex.of(actions, 1, DqnProvider.MAX_ACTIONS);
        if (q.inputSize() != observations.flatSize() || q.outputSize() != index.size()) {
            throw new IOException("the saved network maps " + q.inputSize() + " -> " + q.outputSize() + ", the spaces need "
                    + observations.flatSize() + " -> " + index.size());
        }
        return new DqnPolicy(observations, actions, index, q, standardizer);
    }
}
