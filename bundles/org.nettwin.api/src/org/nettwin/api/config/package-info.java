/**
 * Typed, self-describing configuration: a {@link org.nettwin.api.config.ConfigSchema} validates raw values into a {@link org.nettwin.api.config.Config} and names every bad field.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.nettwin.api.config;
