package org.nettwin.api;

/**
 * A failure a user can act on (bad configuration, incompatible plugins, unreadable data). Its
 * message is written for the person running the experiment.
 *
 * @since 0.1
 */
public class NetTwinException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong and, where possible, how to fix it */
    public NetTwinException(String message) {
        super(message);
    }

    /** @param message what went wrong; {@code cause} the underlying failure */
    public NetTwinException(String message, Throwable cause) {
        super(message, cause);
    }
}
