package org.nettwin.distill.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.nettwin.api.io.BinaryFormats;
import org.nettwin.api.rl.BasePolicy;
import org.nettwin.api.rl.PolicyHeader;
import org.nettwin.api.space.Space;
import org.nettwin.nn.Mlp;
import org.nettwin.nn.NetworkFormat;

/**
 * A distilled student: an {@link Mlp} from the flattened observation to the head's outputs
 * ({@link StudentHead}). Acting flattens into a reused buffer and runs the batch-1 inference
 * path; only the returned action is allocated.
 *
 * <p>File format (big-endian, {@link BinaryFormats#STUDENT_POLICY}): {@code int} magic {@code NTST},
 * {@code int} version 2, UTF observation space description, UTF action space description,
 * {@code u8} head code (1 classes, 2 tanh-scaled Box, 3 linear Box, 4 Simplex softmax), then the
 * network in {@link NetworkFormat} (checksummed, no optimizer state). Version 1 had the same layout
 * under the dataset's magic {@code NTDS}; such files are refused as datasets.
 */
public final class StudentPolicy extends BasePolicy<Object, Object> {

    private final StudentHead head;
    private final Mlp network;
    private final double[] input;

    @SuppressWarnings("unchecked")
    StudentPolicy(Space<?> observations, Space<?> actions, StudentHead head, Mlp network) {
        super((Space<Object>) observations, (Space<Object>) actions);
        this.head = head;
        this.network = network;
        this.input = new double[observations.flatSize()];
    }

    Mlp network() {
        return network;
    }

    @Override
    public Object act(Object observation) {
        observationSpace().flatten(observation, input, 0);
        return head.action(network.predict(input));
    }

    @Override
    public long parameterCount() {
        return network.parameterCount();
    }

    @Override
    public void save(OutputStream out) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        PolicyHeader.write(d, BinaryFormats.STUDENT_POLICY, observationSpace(), actionSpace());
        d.writeByte(head.code());
        d.flush();
        NetworkFormat.write(network, out);
        out.flush();
    }

    /**
     * Reads a student saved by {@link #save} for these spaces.
     *
     * @throws IOException saying what does not match: magic, version, spaces, head or network shape
     */
    public static StudentPolicy load(Space<?> observations, Space<?> actions, InputStream in) throws IOException {
        StudentHead head = StudentHead.of(actions);
        DataInputStream d = new DataInputStream(in);
        try {
            PolicyHeader.read(d, BinaryFormats.STUDENT_POLICY).check(observations, actions);
            int code = d.readUnsignedByte();
            if (code != head.code()) {
                throw new IOException("student head code " + code + " does not fit " + actions.describe() + " (expected "
                        + head.code() + ")");
            }
        } catch (EOFException e) {
            throw new IOException("distill/policy student file is truncated", e);
        }
        Mlp network = NetworkFormat.read(in).network(Mlp.class);
        if (network.inputSize() != observations.flatSize() || network.outputSize() != head.outputs()) {
            throw new IOException("the saved network maps " + network.inputSize() + " -> " + network.outputSize() + ", the spaces need "
                    + observations.flatSize() + " -> " + head.outputs());
        }
        return new StudentPolicy(observations, actions, head, network);
    }
}
