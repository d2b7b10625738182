package org.nettwin.api.data;

import java.io.IOException;

/**
 * A dataset file could not be read: wrong format, version, checksum, or a malformed line. The
 * message names the file and, for text, the line and column.
 *
 * @since 0.1
 */
public final class DatasetFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /** @param message where and what */
    public DatasetFormatException(String message) {
        super(message);
    }

    /**
     * @param message where and what
     * @param cause   the underlying problem, e.g. a {@link org.nettwin.api.io.FormatMismatchException}
     *                saying what the file is instead
     */
    public DatasetFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
