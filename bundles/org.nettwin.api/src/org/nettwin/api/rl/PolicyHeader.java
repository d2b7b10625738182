package org.nettwin.api.rl;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import org.nettwin.api.io.BinaryFormat;
import org.nettwin.api.io.FormatMismatchException;
import org.nettwin.api.space.Space;

/**
 * The head every NetTwin policy (and student) file starts with: the {@link BinaryFormat}'s head
 * ({@code int} magic, {@code int} version), then the UTF descriptions of the observation and action
 * spaces it was saved for. Reading checks magic and version against the format's declaration, so a
 * file of another kind is refused with a message naming what it is and what was expected, and each
 * policy format only adds its own body.
 *
 * @param format       the format that was read
 * @param observations the saved observation space description
 * @param actions      the saved action space description
 * @since 0.1
 */
public record PolicyHeader(BinaryFormat format, String observations, String actions) {

    /** Writes the head of a file of {@code format} for the given spaces. */
    public static void write(DataOutputStream out, BinaryFormat format, Space<?> observationSpace, Space<?> actionSpace) throws IOException {
        format.writeHead(out);
        out.writeUTF(observationSpace.describe());
        out.writeUTF(actionSpace.describe());
    }

    /**
     * Reads and checks magic and version; a stream that ends after the magic throws
     * {@link java.io.EOFException} for the caller to report as truncated.
     *
     * @throws FormatMismatchException if the file is of another kind or version (see its messages),
     *                                 empty or shorter than a magic
     */
    public static PolicyHeader read(DataInputStream in, BinaryFormat format) throws IOException {
        format.readHead(in);
        return new PolicyHeader(format, in.readUTF(), in.readUTF());
    }

    /** @throws IOException {@code NAME was saved for O -> A, not O' -> A'} unless the spaces are the saved ones */
    public void check(Space<?> observationSpace, Space<?> actionSpace) throws IOException {
        if (!observations.equals(observationSpace.describe()) || !actions.equals(actionSpace.describe())) {
            throw new IOException(format.name() + " was saved for " + observations + " -> " + actions + ", not " + observationSpace.describe()
                    + " -> " + actionSpace.describe());
        }
    }
}
