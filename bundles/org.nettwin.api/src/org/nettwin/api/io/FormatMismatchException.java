package org.nettwin.api.io;

import java.io.IOException;
import java.util.OptionalInt;

/**
 * A file is not of the expected {@link BinaryFormat} or version. The message names both sides:
 * <ul>
 * <li>{@code this is a NetTwin transition dataset (.ntds), not a distill/policy student}</li>
 * <li>{@code this is an unknown NetTwin format with magic 'NTZZ', not a rl/dqn policy}</li>
 * <li>{@code not a NetTwin file (bad magic 50 4B 03 04): expected an org.nettwin.nn network}</li>
 * <li>{@code the file is empty: expected a rl/td3 checkpoint}</li>
 * <li>{@code truncated: the file has 2 bytes, fewer than the magic of a rl/ppo policy}</li>
 * <li>{@code this is a rl/dqn policy of format version 1; this build reads version 2}</li>
 * </ul>
 * Readers that know the file's name put it in front ({@code student-1.policy: this is ...}).
 *
 * @since 0.1
 */
public final class FormatMismatchException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Identification found;
    private final transient BinaryFormat expected;
    /** Null unless only the version did not match. */
    private final Integer savedVersion;

    private FormatMismatchException(String message, Identification found, BinaryFormat expected, Integer savedVersion) {
        super(message);
        this.found = found;
        this.expected = expected;
        this.savedVersion = savedVersion;
    }

    static FormatMismatchException otherKind(Identification found, BinaryFormat expected) {
        String message = switch (found) {
            case Identification.Known k -> "this is " + k.description() + ", not " + expected.description();
            case Identification.UnknownNetTwin u -> "this is " + u.description() + ", not " + expected.description();
            case Identification.Foreign f -> f.description() + ": expected " + expected.description();
            case Identification.TooShort t when t.length() == 0 -> "the file is empty: expected " + expected.description();
            case Identification.TooShort t -> "truncated: the file has " + t.length() + (t.length() == 1 ? " byte" : " bytes")
                    + ", fewer than the magic of " + expected.description();
        };
        return new FormatMismatchException(message, found, expected, null);
    }

    static FormatMismatchException otherVersion(BinaryFormat format, int saved) {
        return new FormatMismatchException("this is " + format.description() + " of format version " + saved + "; this build reads version "
                + format.version(), new Identification.Known(format), format, saved);
    }

    /** @return what the file is; for a version mismatch, the expected format itself */
    public Identification found() {
        return found;
    }

    /** @return the format the reader expected */
    public BinaryFormat expected() {
        return expected;
    }

    /** @return the version the file says it has, when only the version did not match */
    public OptionalInt savedVersion() {
        return savedVersion == null ? OptionalInt.empty() : OptionalInt.of(savedVersion);
    }
}
