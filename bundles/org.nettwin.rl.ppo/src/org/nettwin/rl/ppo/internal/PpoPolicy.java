package org.nettwin.rl.ppo.internal;

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
 * One agent's PPO policy: the actor network (a live view of the one being trained, shared by
 * every agent of a parameter-sharing team), the action head and, for Gaussian heads, the live
 * log-std vector. The actor reads the flattened observation ({@code Space.flatten}), followed by
 * the one-hot agent id when the team shares an actor and appends ids. {@link #act} returns the
 * mode (arg-max per component, the mean clipped to the box, the softmax of the mean logits);
 * {@link #sample} draws from the distribution.
 */
final class PpoPolicy extends BasePolicy<Object, Object> {

    private final ActionHead head;
    final Mlp actor;
    final double[] logStd;
    private final int agent;
    private final int idInputs;
    private final double[] input;
    private final double[] raw;

    /**
     * @param agent    this agent's index in its team
     * @param idInputs the length of the one-hot agent id appended to the observation, 0 for none
     */
    PpoPolicy(Space<Object> observations, Space<Object> actions, ActionHead head, Mlp actor, double[] logStd, int agent, int idInputs) {
        super(observations, actions);
        this.head = head.copy();
        this.actor = actor;
        this.logStd = logStd;
        this.agent = agent;
        this.idInputs = idInputs;
        this.input = new double[observations.flatSize() + idInputs];
        this.raw = new double[head.rawSize()];
        if (idInputs > 0) {
            input[observations.flatSize() + agent] = 1.0;
        }
    }

    private double[] outputs(Object observation) {
        observationSpace().flatten(observation, input, 0);
        return actor.predict(input);
    }

    @Override
    public Object act(Object observation) {
        head.mode(outputs(observation), 0, raw, 0);
        return head.toAction(raw, 0, null);
    }

    @Override
    public Object sample(Object observation, RandomGenerator random) {
        head.sample(outputs(observation), 0, logStd, random, raw, 0);
        return head.toAction(raw, 0, null);
    }

    @Override
    public long parameterCount() {
        return actor.parameterCount() + logStd.length;
    }

    /**
     * Format ({@link BinaryFormats#PPO_POLICY}): {@code int} magic "NTPP", {@code int} version 1, UTF observation and action space
     * descriptions, {@code int} agent index, {@code int} id inputs, {@code int} n and n {@code f64}
     * log-stds, then the actor in {@link NetworkFormat}.
     */
    @Override
    public void save(OutputStream out) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        PolicyHeader.write(d, BinaryFormats.PPO_POLICY, observationSpace(), actionSpace());
        d.writeInt(agent);
        d.writeInt(idInputs);
        d.writeInt(logStd.length);
        for (double s : logStd) {
            d.writeDouble(s);
        }
        d.flush();
        NetworkFormat.write(actor, out);
        out.flush();
    }

    /** Reads a policy written by {@link #save}; the spaces of the agent it was saved for must be those of {@code spaces}. */
    static PpoPolicy load(java.util.List<Space<?>> observationSpaces, java.util.List<Space<?>> actionSpaces, InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        PolicyHeader header;
        int agent;
        int idInputs;
        double[] logStd;
        try {
            header = PolicyHeader.read(d, BinaryFormats.PPO_POLICY);
            agent = d.readInt();
            idInputs = d.readInt();
            int n = d.readInt();
            if (n < 0 || n > 1 << 20) {
                throw new IOException("corrupt rl/ppo policy file: " + n + " log-stds");
            }
            logStd = new double[n];
            for (int i = 0; i < n; i++) {
                logStd[i] = d.readDouble();
            }
        } catch (EOFException e) {
            throw new IOException("rl/ppo policy file is truncated", e);
        }
        if (agent < 0 || agent >= observationSpaces.size()) {
            throw new IOException("policy was saved for agent " + agent + "; the spec has " + observationSpaces.size() + " agents");
        }
        @SuppressWarnings("unchecked")
        Space<Object> observations = (Space<Object>) observationSpaces.get(agent);
        @SuppressWarnings("unchecked")
        Space<Object> actions = (Space<Object>) actionSpaces.get(agent);
        header.check(observations, actions);
        if (idInputs != 0 && (idInputs != observationSpaces.size() || agent >= idInputs)) {
            throw new IOException("policy reads a one-hot id of " + idInputs + " agents; the spec has " + observationSpaces.size());
        }
        ActionHead head = ActionHead.of(actions);
        Mlp actor = NetworkFormat.read(in).network(Mlp.class);
        if (actor.inputSize() != observations.flatSize() + idInputs || actor.outputSize() != head.outputs() || logStd.length != head.logStdSize()) {
            throw new IOException("the saved actor maps " + actor.inputSize() + " -> " + actor.outputSize() + " with " + logStd.length
                    + " log-stds; the spaces need " + (observations.flatSize() + idInputs) + " -> " + head.outputs() + " with "
                    + head.logStdSize());
        }
        return new PpoPolicy(observations, actions, head, actor, logStd, agent, idInputs);
    }
}
