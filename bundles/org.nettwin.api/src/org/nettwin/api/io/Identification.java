package org.nettwin.api.io;

/**
 * What a file is, judged by its first bytes: {@link BinaryFormats#identify}. One of
 * {@link Known} (a format of the registry or one the caller named), {@link UnknownNetTwin} (a
 * NetTwin magic this build does not know), {@link Foreign} (not a NetTwin file) and
 * {@link TooShort} (empty, or shorter than a magic).
 *
 * @since 0.1
 */
public sealed interface Identification {

    /** @return what the file is, with its article, e.g. {@code "a rl/dqn policy"}, {@code "an empty file"} */
    String description();

    /**
     * A file of a known format.
     *
     * @param format the format its magic names
     * @since 0.1
     */
    record Known(BinaryFormat format) implements Identification {
        @Override
        public String description() {
            return format.description();
        }
    }

    /**
     * A file with a NetTwin magic ({@value BinaryFormat#RESERVED_PREFIX} and two printable characters)
     * of no format this build knows: written by another NetTwin version, or damaged.
     *
     * @param magic the 4 magic characters
     * @since 0.1
     */
    record UnknownNetTwin(String magic) implements Identification {
        @Override
        public String description() {
            return "an unknown NetTwin format with magic '" + magic + "'";
        }
    }

    /**
     * A file that does not start with a NetTwin magic (a plugin's format counts only when the caller
     * names it).
     *
     * @param magic its first 4 bytes as shown in messages: quoted when printable ASCII or space,
     *              e.g. {@code 'epis'}, otherwise hexadecimal bytes, e.g. {@code 50 4B 03 04}
     * @since 0.1
     */
    record Foreign(String magic) implements Identification {
        @Override
        public String description() {
            return "not a NetTwin file (bad magic " + magic + ")";
        }
    }

    /**
     * A file too short to hold a magic.
     *
     * @param length its length in bytes, 0 to 3
     * @since 0.1
     */
    record TooShort(int length) implements Identification {
        @Override
        public String description() {
            return length == 0 ? "an empty file" : "a file of " + length + (length == 1 ? " byte" : " bytes") + ", too short for a magic";
        }
    }
}
