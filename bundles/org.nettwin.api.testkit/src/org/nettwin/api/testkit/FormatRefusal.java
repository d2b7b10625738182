package org.nettwin.api.testkit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.nettwin.api.io.BinaryFormat;
import org.nettwin.api.io.BinaryFormats;

/**
 * Checks that the reader of one {@link BinaryFormat} refuses every other kind of file with an
 * {@link IOException} whose message names what the file is and what was expected, as
 * {@link BinaryFormat#checkMagic} words it (readers may put the file name in front). The files fed
 * are: the head of every NetTwin format ({@link BinaryFormats#builtIns()}) but the expected one, an
 * unknown NetTwin magic ({@code NTzz}), a zip and a JSON file, an empty file and 1 to 3 bytes of
 * the expected magic; {@link #check} adds the expected magic with the next version and the
 * expected head cut inside its version, for formats whose head is {@link BinaryFormat#writeHead}.
 * Each head is followed by 64 zero bytes, so a reader that checks its head first never gets to
 * them.
 *
 * @since 0.1
 */
public final class FormatRefusal {

    /** Reads one file of the expected format from {@code in}, throwing {@link IOException} when it cannot. */
    @FunctionalInterface
    public interface Reader {
        /** @param in the whole file */
        void read(InputStream in) throws IOException;
    }

    private static final byte[] PADDING = new byte[64];

    private FormatRefusal() {
    }

    /**
     * Every case, for a format whose head is {@link BinaryFormat#writeHead} ({@code int} magic,
     * {@code int} version).
     *
     * @throws AssertionError listing every file the reader did not refuse as it should
     */
    public static void check(BinaryFormat expected, Reader reader) {
        fail(expected, problems(expected, reader, true));
    }

    /**
     * The cases of another kind of file only (no version case): for a format whose head is not
     * {@link BinaryFormat#writeHead}'s.
     *
     * @throws AssertionError listing every file the reader did not refuse as it should
     */
    public static void checkKind(BinaryFormat expected, Reader reader) {
        fail(expected, problems(expected, reader, false));
    }

    private static void fail(BinaryFormat expected, List<String> problems) {
        if (!problems.isEmpty()) {
            throw new AssertionError("the reader of " + expected.name() + " did not refuse " + problems.size() + " file(s) as it should:\n  "
                    + String.join("\n  ", problems));
        }
    }

    /**
     * @param withVersion also the version cases, for a {@link BinaryFormat#writeHead} head
     * @return one line per file that was not refused with the expected message; empty if all were
     */
    public static List<String> problems(BinaryFormat expected, Reader reader, boolean withVersion) {
        List<String> problems = new ArrayList<>();
        String wanted = expected.description();
        for (BinaryFormat other : BinaryFormats.builtIns()) {
            if (!other.equals(expected)) {
                expect(reader, other.name() + " file", head(other.magicNumber(), other.version()),
                        "this is " + other.description() + ", not " + wanted, problems);
            }
        }
        expect(reader, "unknown NetTwin magic", head(ascii("NTzz"), 1), "this is an unknown NetTwin format with magic 'NTzz', not " + wanted,
                problems);
        expect(reader, "zip file", concat(new byte[] {'P', 'K', 3, 4}, PADDING),
                "not a NetTwin file (bad magic 50 4B 03 04): expected " + wanted, problems);
        expect(reader, "JSON file", concat("{\"name\": \"x\"}".getBytes(StandardCharsets.US_ASCII), PADDING),
                "not a NetTwin file (bad magic '{\"na'): expected " + wanted, problems);
        expect(reader, "empty file", new byte[0], "the file is empty: expected " + wanted, problems);
        byte[] magic = expected.magic().getBytes(StandardCharsets.US_ASCII);
        for (int n = 1; n < BinaryFormat.MAGIC_LENGTH; n++) {
            expect(reader, "first " + n + " magic byte(s)", Arrays.copyOf(magic, n),
                    "truncated: the file has " + n + (n == 1 ? " byte" : " bytes") + ", fewer than the magic of " + wanted, problems);
        }
        if (withVersion) {
            int next = expected.version() + 1;
            expect(reader, "version " + next, head(expected.magicNumber(), next),
                    "this is " + wanted + " of format version " + next + "; this build reads version " + expected.version(), problems);
            byte[] whole = head(expected.magicNumber(), expected.version());
            for (int n = BinaryFormat.MAGIC_LENGTH; n < BinaryFormat.MAGIC_LENGTH + Integer.BYTES; n++) {
                expect(reader, "head cut after " + n + " bytes", Arrays.copyOf(whole, n), "truncated", problems);
            }
        }
        return problems;
    }

    private static void expect(Reader reader, String file, byte[] bytes, String message, List<String> problems) {
        try {
            reader.read(new ByteArrayInputStream(bytes));
            problems.add(file + ": accepted");
        } catch (IOException e) {
            if (e.getMessage() == null || !e.getMessage().contains(message)) {
                problems.add(file + ": message \"" + e.getMessage() + "\" lacks \"" + message + "\"");
            }
        } catch (RuntimeException e) {
            problems.add(file + ": " + e + " instead of an IOException");
        }
    }

    private static int ascii(String magic) {
        byte[] b = magic.getBytes(StandardCharsets.US_ASCII);
        return (b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | (b[3] & 0xFF);
    }

    /** A standard head, then {@link #PADDING}. */
    private static byte[] head(int magic, int version) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            DataOutputStream d = new DataOutputStream(bytes);
            d.writeInt(magic);
            d.writeInt(version);
            d.write(PADDING);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return bytes.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
