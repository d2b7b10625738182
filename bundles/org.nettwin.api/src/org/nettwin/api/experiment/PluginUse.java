package org.nettwin.api.experiment;

import java.nio.file.Path;

import org.nettwin.api.NetTwinPlugin;
import org.nettwin.api.config.Config;

/**
 * A plugin an experiment uses, leased by the host for the experiment's life, with its validated
 * configuration.
 *
 * @param <T>     the extension point
 * @param id      the plugin id
 * @param service the service
 * @param config  its validated configuration (defaults filled in)
 * @param policy  a saved policy file to act with instead of a fresh policy, or {@code null}
 * @param bundle  the symbolic name of the bundle that provides it
 * @param version that bundle's version
 * @since 0.1
 */
public record PluginUse<T extends NetTwinPlugin>(String id, T service, Config config, Path policy, String bundle, String version) {
}
