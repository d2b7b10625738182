package org.nettwin.api.rl;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import org.nettwin.api.space.Space;

/**
 * The head every NetTwin policy (and student) file starts with: {@code int} magic, {@code int}
 * format version, then the UTF descriptions of the observation and action spaces it was saved
 * for. Reading checks magic and version with messages naming the file kind, so each policy
 * format only adds its own body.
 *
 * @param observations the saved observation space description
 * @param actions      the saved action space description
 * @since 0.1
 */
public record PolicyHeader(String observations, String actions) {

    /** Writes the head of a file of {@code magic} and {@code version} for the given spaces. */
    public static void write(DataOutputStream out, int magic, int version, Space<?> observationSpace, Space<?> actionSpace) throws IOException {
        out.writeInt(magic);
        out.writeInt(version);
        out.writeUTF(observationSpace.describe());
        out.writeUTF(actionSpace.describe());
    }

    /**
     * Reads and checks magic and version; a short stream throws {@link java.io.EOFException} for the
     * caller to report as truncated.
     *
     * @param kind the file kind for messages, e.g. {@code "rl/dqn policy"}
     * @throws IOException {@code not a KIND file (bad magic)} or {@code KIND format version V is not
     *                     supported (this build reads N)}
     */
    public static PolicyHeader read(DataInputStream in, int magic, int version, String kind) throws IOException {
        if (in.readInt() != magic) {
            throw new IOException("not a " + kind + " file (bad magic)");
        }
        int saved = in.readInt();
        if (saved != version) {
            throw new IOException(kind + " format version " + saved + " is not supported (this build reads " + version + ")");
        }
        return new PolicyHeader(in.readUTF(), in.readUTF());
    }

    /** @throws IOException {@code KIND was saved for O -> A, not O' -> A'} unless the spaces are the saved ones */
    public void check(String kind, Space<?> observationSpace, Space<?> actionSpace) throws IOException {
        if (!observations.equals(observationSpace.describe()) || !actions.equals(actionSpace.describe())) {
            throw new IOException(kind + " was saved for " + observations + " -> " + actions + ", not " + observationSpace.describe() + " -> "
                    + actionSpace.describe());
        }
    }
}
