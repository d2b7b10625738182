package org.nettwin.api.io;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.CRC32;

/**
 * The layout of files that must be read whole or not at all (an algorithm's resumable state): the
 * format's {@link BinaryFormat#writeHead head}, then {@code int} body length N, N body bytes and
 * {@code int} CRC-32 of the body. {@link #read} returns the body only once it is complete and its
 * checksum matches, so a reader parses a body it can trust and a truncated or corrupt file is
 * refused before anything it would replace is touched; {@link #load} adds the rest of that
 * discipline (parse and check everything, then apply). Another format's file can be embedded as a
 * block ({@link #writeBlock}, {@link #readBlock}). Bodies are held in memory (below 2 GB).
 *
 * @since 0.1
 */
public final class ChecksummedBody {

    /** Writes a body with {@link DataOutputStream}. */
    @FunctionalInterface
    public interface Writer {
        /** Writes the body. */
        void write(DataOutputStream body) throws IOException;
    }

    /** Parses a checked body, changing nothing, and returns what applies it. */
    @FunctionalInterface
    public interface Parser {
        /**
         * @return what replaces the reader's state with the parsed one; it must not fail
         * @throws IOException if the content does not fit the reader (saying what differs)
         */
        Runnable parse(ChecksummedBody body) throws IOException;
    }

    private final BinaryFormat format;
    private final ByteArrayInputStream bytes;
    private final DataInputStream data;

    private ChecksummedBody(BinaryFormat format, byte[] body) {
        this.format = format;
        this.bytes = new ByteArrayInputStream(body);
        this.data = new DataInputStream(bytes);
    }

    /** Writes {@code format}'s head, then the body {@code writer} writes, framed by its length and checksum. */
    public static void write(BinaryFormat format, OutputStream out, Writer writer) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        DataOutputStream body = new DataOutputStream(buffer);
        writer.write(body);
        body.flush();
        byte[] b = buffer.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(b);
        DataOutputStream d = new DataOutputStream(out);
        format.writeHead(d);
        d.writeInt(b.length);
        d.write(b);
        d.writeInt((int) crc.getValue());
        d.flush();
    }

    /**
     * Reads and checks the head, the length, the body and its checksum, and nothing after them.
     *
     * @throws FormatMismatchException if the file is of another kind or version
     * @throws IOException             saying the file is truncated (with how much is missing) or
     *                                 corrupt (a negative length or a checksum mismatch)
     */
    public static ChecksummedBody read(BinaryFormat format, InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        format.readHead(d);
        int length;
        try {
            length = d.readInt();
        } catch (EOFException e) {
            throw new EOFException("truncated " + format.name() + ": the file ends before the length of its body");
        }
        if (length < 0) {
            throw new IOException("corrupt " + format.name() + ": body length " + length);
        }
        byte[] body = d.readNBytes(length); // grows with what is there: a corrupt length allocates no more than the file holds
        if (body.length < length) {
            throw new EOFException("truncated " + format.name() + ": its body should have " + length + " bytes, the file holds " + body.length);
        }
        byte[] stored = d.readNBytes(Integer.BYTES);
        if (stored.length < Integer.BYTES) {
            throw new EOFException("truncated " + format.name() + ": the file ends before the checksum of its body");
        }
        CRC32 crc = new CRC32();
        crc.update(body);
        int expected = (int) crc.getValue();
        int found = (stored[0] & 0xFF) << 24 | (stored[1] & 0xFF) << 16 | (stored[2] & 0xFF) << 8 | (stored[3] & 0xFF);
        if (found != expected) {
            throw new IOException("corrupt " + format.name() + ": the body's CRC-32 is " + Integer.toHexString(expected) + ", the file says "
                    + Integer.toHexString(found));
        }
        return new ChecksummedBody(format, body);
    }

    /**
     * Reads a body ({@link #read}), parses it with {@code parser} and, only when all of it was
     * parsed without a problem, applies it: a refused file leaves the reader's state as it was.
     *
     * @throws IOException as {@link #read}, as the parser says, or {@code corrupt NAME: ...} when the
     *                     content ends early or bytes are left after it
     */
    public static void load(BinaryFormat format, InputStream in, Parser parser) throws IOException {
        ChecksummedBody body = read(format, in);
        Runnable apply;
        try {
            apply = parser.parse(body);
        } catch (EOFException e) {
            throw body.corrupt("its content ends early");
        }
        body.end();
        apply.run();
    }

    /** Writes a block into a body: {@code int} length N, then the N bytes {@code block} writes (e.g. a file of another format). */
    public static void writeBlock(DataOutputStream body, Writer block) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(bytes);
        block.write(d);
        d.flush();
        body.writeInt(bytes.size());
        bytes.writeTo(body);
    }

    /**
     * Reads a block {@link #writeBlock} wrote.
     *
     * @param what what the block is, for the message
     * @return the block's bytes as a stream
     * @throws IOException {@code corrupt NAME: ...} if its length does not fit in what is left
     */
    public InputStream readBlock(String what) throws IOException {
        int length = data.readInt();
        if (length < 0 || length > bytes.available()) {
            throw corrupt(what + " of " + length + " bytes, " + bytes.available() + " left");
        }
        return new ByteArrayInputStream(data.readNBytes(length));
    }

    /** @return the checked body, to parse */
    public DataInputStream data() {
        return data;
    }

    /** @return an exception for a checked body whose content does not make sense: {@code corrupt NAME: what} */
    public IOException corrupt(String what) {
        return new IOException("corrupt " + format.name() + ": " + what);
    }

    /**
     * Checks the whole body was read.
     *
     * @throws IOException if bytes are left
     */
    public void end() throws IOException {
        if (bytes.available() > 0) {
            throw corrupt(bytes.available() + " bytes after the end of its content");
        }
    }
}
