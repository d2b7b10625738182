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
 * refused before anything it would replace is touched. Bodies are held in memory (below 2 GB).
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
