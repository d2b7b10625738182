package org.nettwin.api.io;

import java.io.DataOutput;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * One binary file format: its magic (the 4 ASCII bytes a file starts with), the version this build
 * writes and reads, a human name for messages and its usual file extension. NetTwin's own formats
 * are the constants of {@link BinaryFormats}; a plugin declares its own with {@link #declare}.
 *
 * <p><b>Choosing a magic.</b> Magics are 4 printable ASCII characters (no space). Those starting
 * with {@code "NT"} are reserved for the formats listed in {@link BinaryFormats} (a test checks
 * they are unique), so a plugin's magic never starts with {@code "NT"} and can never collide with
 * a NetTwin format, present or future. Take it from your plugin's id or vendor, e.g.
 * {@code "XCHP"} for an {@code example/channel} policy; keep it and bump {@link #version()} when
 * the layout changes.
 *
 * <p><b>The head.</b> Most formats start with {@link #writeHead}: the magic and the version as two
 * big-endian {@code int}s, read back by {@link #readHead}. A format with another head (the
 * network format keeps its version in 2 bytes) reads its magic and version itself and checks them
 * with {@link #checkMagic} and {@link #checkVersion}. Either way a file of another kind is refused
 * with a {@link FormatMismatchException} naming what the file is and what was expected, e.g.
 * {@code this is a NetTwin transition dataset (.ntds), not a distill/policy student}.
 *
 * @since 0.1
 */
public final class BinaryFormat {

    /** The length of every magic, in bytes. */
    public static final int MAGIC_LENGTH = 4;

    /** The magic prefix reserved for NetTwin's own formats ({@link BinaryFormats}). */
    public static final String RESERVED_PREFIX = "NT";

    private final String magic;
    private final int magicNumber;
    private final int version;
    private final String name;
    private final String extension;

    private BinaryFormat(String magic, int version, String name, String extension) {
        checkMagicText(magic);
        if (version < 1) {
            throw new IllegalArgumentException("format version " + version + " of '" + magic + "' must be at least 1");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("the format with magic '" + magic + "' needs a name for messages");
        }
        if (extension == null || !extension.matches("\\.[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("extension " + extension + " of " + name + " must be a dot and letters, e.g. \".policy\"");
        }
        this.magic = magic;
        this.magicNumber = ByteBuffer.wrap(magic.getBytes(StandardCharsets.US_ASCII)).getInt();
        this.version = version;
        this.name = name;
        this.extension = extension;
    }

    /**
     * Declares a plugin's own format.
     *
     * @param magic     4 printable ASCII characters, not starting with {@value #RESERVED_PREFIX}
     * @param version   the layout version this plugin writes and reads, at least 1
     * @param name      what the file is, for messages, e.g. {@code "example/channel policy"}
     * @param extension the usual file extension with its dot, e.g. {@code ".policy"}
     * @throws IllegalArgumentException if a rule is broken, saying which
     */
    public static BinaryFormat declare(String magic, int version, String name, String extension) {
        if (magic != null && magic.startsWith(RESERVED_PREFIX)) {
            throw new IllegalArgumentException("magic '" + magic + "' starts with \"" + RESERVED_PREFIX
                    + "\", which is reserved for NetTwin's own formats (BinaryFormats); choose a magic from your plugin's name");
        }
        return new BinaryFormat(magic, version, name, extension);
    }

    /** A NetTwin format of {@link BinaryFormats}: the magic is {@code "NT"} and two of A-Z, 0-9. */
    static BinaryFormat builtIn(String magic, int version, String name, String extension) {
        if (magic == null || !magic.matches(RESERVED_PREFIX + "[A-Z0-9]{2}")) {
            throw new IllegalArgumentException("a NetTwin format's magic is " + RESERVED_PREFIX + " and two of A-Z, 0-9, not '" + magic + "'");
        }
        return new BinaryFormat(magic, version, name, extension);
    }

    private static void checkMagicText(String magic) {
        if (magic == null || magic.length() != MAGIC_LENGTH || !magic.chars().allMatch(BinaryFormat::printable)) {
            throw new IllegalArgumentException("a magic is " + MAGIC_LENGTH + " printable ASCII characters without spaces, not "
                    + (magic == null ? "null" : "'" + magic + "'"));
        }
    }

    static boolean printable(int c) {
        return c > 0x20 && c < 0x7F;
    }

    /** @return the magic as text, e.g. {@code "NTDN"} */
    public String magic() {
        return magic;
    }

    /** @return the magic as the big-endian {@code int} {@link java.io.DataOutput#writeInt} writes, e.g. {@code 0x4E54444E} */
    public int magicNumber() {
        return magicNumber;
    }

    /** @return the version this build writes and reads */
    public int version() {
        return version;
    }

    /** @return what a file of this format is, e.g. {@code "rl/dqn policy"} */
    public String name() {
        return name;
    }

    /** @return the usual file extension with its dot, e.g. {@code ".policy"} */
    public String extension() {
        return extension;
    }

    /** @return the name with its article, e.g. {@code "a rl/dqn policy"}, {@code "an org.nettwin.nn network"} */
    public String description() {
        return withArticle(name);
    }

    static String withArticle(String noun) {
        return ("aeiouAEIOU".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    /** @return whether {@code head} starts with this format's magic (false when shorter than a magic) */
    public boolean matches(byte[] head) {
        return head.length >= MAGIC_LENGTH && ByteBuffer.wrap(head, 0, MAGIC_LENGTH).getInt() == magicNumber;
    }

    /** Writes the standard head: the magic and the version, each a big-endian {@code int}. */
    public void writeHead(DataOutput out) throws IOException {
        out.writeInt(magicNumber);
        out.writeInt(version);
    }

    /**
     * Reads and checks the head {@link #writeHead} wrote; the stream is then at the body.
     *
     * @throws FormatMismatchException if the stream is empty, shorter than a magic, of another kind
     *                                 or of another version
     * @throws EOFException            if it ends after the magic, inside the version
     */
    public void readHead(InputStream in) throws IOException {
        checkMagic(in.readNBytes(MAGIC_LENGTH));
        byte[] saved = in.readNBytes(Integer.BYTES);
        if (saved.length < Integer.BYTES) {
            throw new EOFException("truncated " + name + ": the file ends inside its head");
        }
        checkVersion(ByteBuffer.wrap(saved).getInt());
    }

    /**
     * Checks that {@code head} (a file's first bytes; only the first {@value #MAGIC_LENGTH} are read)
     * starts with this format's magic.
     *
     * @throws FormatMismatchException naming what the file is instead: another known format, an
     *                                 unknown NetTwin format, not a NetTwin file, empty or too short
     */
    public void checkMagic(byte[] head) throws FormatMismatchException {
        if (!matches(head)) {
            throw FormatMismatchException.otherKind(BinaryFormats.identify(head, List.of(this)), this);
        }
    }

    /**
     * @param saved the version a file of this format says it has
     * @throws FormatMismatchException naming both versions unless {@code saved} is {@link #version()}
     */
    public void checkVersion(int saved) throws FormatMismatchException {
        if (saved != version) {
            throw FormatMismatchException.otherVersion(this, saved);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BinaryFormat f && f.magic.equals(magic) && f.version == version && f.name.equals(name)
                && f.extension.equals(extension);
    }

    @Override
    public int hashCode() {
        return Objects.hash(magic, version, name, extension);
    }

    /** @return e.g. {@code rl/dqn policy (magic NTDN, version 2, .policy)} */
    @Override
    public String toString() {
        return name + " (magic " + magic + ", version " + version + ", " + extension + ")";
    }
}
