package org.nettwin.api.config;

/**
 * The configuration record of a plugin without parameters.
 *
 * @since 0.1
 */
public record NoConfig() {
}
